/**
 * A small recording fake of the Excel JavaScript API, enough for the
 * planner's Office.js workbook: worksheets, tables, names, ranges with values
 * and number formats, conditional formats, charts and frozen panes. It counts
 * `context.sync()` calls and measures each request as the JSON size of the
 * values and formats read or written since the previous sync.
 * (office-addin-mock has no collections or charts, hence this fake.)
 */
import type { CellValue } from "../../../src/core/cells";

type Value = string | number | boolean;

interface FakeSheet {
  name: string;
  position: number;
  cells: Map<string, Value>;
  errors: Map<string, string>;
  numberFormats: Map<string, string>;
  columnWidths: Map<number, number>;
  frozenRows: number;
  /** `text` for a text rule, or `> 1` for a cell-value rule. */
  conditionalFormats: { address: string; text: string; fill: string; font: string }[];
  charts: {
    type: string;
    title: string;
    series: FakeSeries[];
    axisTitles: { category: string; value: string };
    position: string | null;
  }[];
}

interface FakeSeries {
  name: string | null;
  values: string | null;
  categories: string | null;
  /** Set only when the code sets them: a marker line has no markers and a dashed line. */
  markerStyle?: string;
  lineStyle?: string;
}

interface FakeTable {
  name: string;
  sheet: FakeSheet;
  address: string;
  style: string;
}

export interface SyncRecord {
  bytes: number;
  /** The ranges whose values the request wrote, as `Sheet!A2:P101`. */
  valueWrites: string[];
}

function letters(col: number): string {
  let text = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

function columnIndex(text: string): number {
  let n = 0;
  for (const ch of text) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** `B2:D9`, `C:C` or `A1` → zero-based bounds (whole columns reach row 1,048,576). */
function bounds(address: string): { top: number; left: number; bottom: number; right: number } {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from, to = from] = local.replace(/\$/g, "").split(":");
  const parse = (ref: string, end: boolean) => {
    const match = /^([A-Z]*)(\d*)$/.exec(ref) ?? ["", "A", "1"];
    return {
      col: match[1] ? columnIndex(match[1]) : 0,
      row: match[2] ? Number(match[2]) - 1 : end ? 1_048_575 : 0,
    };
  };
  const a = parse(from, false);
  const b = parse(to, true);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

function quote(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly names: { name: string; formula: string; visible: boolean }[] = [];
  readonly syncs: SyncRecord[] = [];
  selection: { sheet: string; address: string } | null = null;
  /** The workbook's date system, as DATE(1904,1,1) reveals it. */
  date1904 = false;
  calculationSuspensions = 0;
  private pendingBytes = 0;
  private pendingReads: FakeRange[] = [];
  private pendingWrites: string[] = [];

  addSheet(name: string, rows: CellValue[][] = [], at = "A1"): FakeSheet {
    const sheet: FakeSheet = {
      name,
      position: this.sheets.length,
      cells: new Map(),
      errors: new Map(),
      numberFormats: new Map(),
      columnWidths: new Map(),
      frozenRows: 0,
      conditionalFormats: [],
      charts: [],
    };
    this.sheets.push(sheet);
    const { top, left } = bounds(at);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const key = `${top + r},${left + c}`;
        if (value === null) return;
        if (typeof value === "object") sheet.errors.set(key, value.error);
        else sheet.cells.set(key, value);
      }),
    );
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  /** The values of a sheet's range as a grid, for assertions. */
  valuesOf(sheetName: string, address: string): (Value | null)[][] {
    const sheet = this.sheet(sheetName);
    const { top, left, bottom, right } = bounds(address);
    const grid: (Value | null)[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row: (Value | null)[] = [];
      for (let c = left; c <= right; c++) row.push(sheet?.cells.get(`${r},${c}`) ?? null);
      grid.push(row);
    }
    return grid;
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((sync) => sync.bytes));
  }

  /** `Excel.run` over this workbook. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    return batch(this.context() as unknown as Excel.RequestContext);
  };

  private self(): FakeExcel {
    return this;
  }

  record(bytes: number): void {
    this.pendingBytes += bytes;
  }

  recordValueWrite(sheet: string, address: string): void {
    this.pendingWrites.push(`${sheet}!${address}`);
  }

  addPendingRead(range: FakeRange): void {
    this.pendingReads.push(range);
  }

  private context() {
    const excel: FakeExcel = this.self();
    const workbook = {
      worksheets: new WorksheetCollection(excel),
      tables: new TableCollection(excel, null),
      names: new NameCollection(excel),
      functions: {
        date: (year: number, month: number, day: number) => ({
          value: year === 1904 && month === 1 && day === 1 ? (excel.date1904 ? 0 : 1462) : NaN,
          load() {
            return this;
          },
        }),
      },
      getSelectedRange: () => {
        const selection = excel.selection;
        if (!selection) throw new Error("no selection");
        return new FakeRange(excel, excel.sheet(selection.sheet) as FakeSheet, selection.address);
      },
    };
    return {
      workbook,
      application: { suspendApiCalculationUntilNextSync: () => void excel.calculationSuspensions++ },
      sync: async () => {
        for (const range of excel.pendingReads) excel.pendingBytes += range.readBytes();
        excel.pendingReads = [];
        excel.syncs.push({ bytes: excel.pendingBytes, valueWrites: excel.pendingWrites });
        excel.pendingBytes = 0;
        excel.pendingWrites = [];
      },
    };
  }
}

class Loadable {
  load(): this {
    return this;
  }
}

class WorksheetCollection extends Loadable {
  constructor(private readonly excel: FakeExcel) {
    super();
  }
  get items() {
    return [...this.excel.sheets]
      .sort((a, b) => a.position - b.position)
      .map((sheet) => new FakeWorksheet(this.excel, sheet));
  }
  getItem(name: string) {
    const sheet = this.excel.sheet(name);
    if (!sheet) throw new Error(`ItemNotFound: ${name}`);
    return new FakeWorksheet(this.excel, sheet);
  }
  getItemOrNullObject(name: string) {
    const sheet = this.excel.sheet(name);
    return sheet ? new FakeWorksheet(this.excel, sheet) : new NullWorksheet();
  }
  add(name: string) {
    if (this.excel.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
    return new FakeWorksheet(this.excel, this.excel.addSheet(name));
  }
}

class NullWorksheet extends Loadable {
  readonly isNullObject = true;
  getUsedRangeOrNullObject() {
    return {
      isNullObject: true,
      load() {
        return this;
      },
      worksheet: {
        load() {
          return this;
        },
      },
    };
  }
}

class FakeWorksheet extends Loadable {
  readonly isNullObject = false;
  constructor(
    private readonly excel: FakeExcel,
    readonly data: FakeSheet,
  ) {
    super();
  }
  get name() {
    return this.data.name;
  }
  set name(value: string) {
    this.data.name = value;
  }
  get position() {
    return this.data.position;
  }
  set position(value: number) {
    const sheets = [...this.excel.sheets]
      .sort((a, b) => a.position - b.position)
      .filter((sheet) => sheet !== this.data);
    sheets.splice(value, 0, this.data);
    sheets.forEach((sheet, i) => (sheet.position = i));
  }
  get tables() {
    return new TableCollection(this.excel, this.data);
  }
  get charts() {
    return new ChartCollection(this.excel, this.data);
  }
  get freezePanes() {
    return { freezeRows: (count: number) => void (this.data.frozenRows = count) };
  }
  delete() {
    this.excel.sheets.splice(this.excel.sheets.indexOf(this.data), 1);
    this.excel.sheets.sort((a, b) => a.position - b.position).forEach((sheet, i) => (sheet.position = i));
    for (let i = this.excel.tables.length - 1; i >= 0; i--)
      if (this.excel.tables[i].sheet === this.data) this.excel.tables.splice(i, 1);
  }
  activate() {}
  getRange(address: string) {
    return new FakeRange(this.excel, this.data, address);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
    return new FakeRange(
      this.excel,
      this.data,
      `${letters(col)}${row + 1}:${letters(col + cols - 1)}${row + rows}`,
    );
  }
  getUsedRange() {
    return this.getUsedRangeOrNullObject();
  }
  getUsedRangeOrNullObject() {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (const key of [this.data.cells.keys(), this.data.errors.keys()].flatMap((keys) => [...keys])) {
      const [r, c] = key.split(",").map(Number);
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
    if (bottom < 0)
      return {
        isNullObject: true,
        load() {
          return this;
        },
        worksheet: this,
      };
    return new FakeRange(this.excel, this.data, `${letters(left)}${top + 1}:${letters(right)}${bottom + 1}`);
  }
}

export class FakeRange extends Loadable {
  readonly isNullObject = false;
  private readonly box: ReturnType<typeof bounds>;
  constructor(
    private readonly excel: FakeExcel,
    private readonly sheet: FakeSheet,
    address: string,
  ) {
    super();
    this.box = bounds(address);
  }
  override load(properties?: string): this {
    if (properties?.includes("values")) this.excel.addPendingRead(this);
    return this;
  }
  get worksheet() {
    return new FakeWorksheet(this.excel, this.sheet);
  }
  get localAddress() {
    return `${letters(this.box.left)}${this.box.top + 1}:${letters(this.box.right)}${this.box.bottom + 1}`;
  }
  get address() {
    return `${quote(this.sheet.name)}!${this.localAddress}`;
  }
  get rowIndex() {
    return this.box.top;
  }
  get columnIndex() {
    return this.box.left;
  }
  get rowCount() {
    return this.box.bottom - this.box.top + 1;
  }
  get columnCount() {
    return this.box.right - this.box.left + 1;
  }
  private grid<T>(cell: (key: string) => T): T[][] {
    const rows: T[][] = [];
    for (let r = this.box.top; r <= this.box.bottom; r++) {
      const row: T[] = [];
      for (let c = this.box.left; c <= this.box.right; c++) row.push(cell(`${r},${c}`));
      rows.push(row);
    }
    return rows;
  }
  get values(): unknown[][] {
    return this.grid((key) => this.sheet.errors.get(key) ?? this.sheet.cells.get(key) ?? "");
  }
  set values(values: unknown[][]) {
    this.excel.record(JSON.stringify(values).length);
    this.excel.recordValueWrite(this.sheet.name, this.localAddress);
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        const key = `${this.box.top + r},${this.box.left + c}`;
        if (value === "" || value === null) this.sheet.cells.delete(key);
        else this.sheet.cells.set(key, value as Value);
      }),
    );
  }
  get valueTypes(): string[][] {
    return this.grid((key) => {
      if (this.sheet.errors.has(key)) return "Error";
      const value = this.sheet.cells.get(key);
      return value === undefined
        ? "Empty"
        : typeof value === "number"
          ? "Double"
          : typeof value === "boolean"
            ? "Boolean"
            : "String";
    });
  }
  readBytes(): number {
    return JSON.stringify(this.values).length + JSON.stringify(this.valueTypes).length;
  }
  set numberFormat(format: string | string[][]) {
    this.excel.record(JSON.stringify(format).length);
    for (let r = this.box.top; r <= this.box.bottom && r < this.box.top + 1_048_576; r++) {
      for (let c = this.box.left; c <= this.box.right; c++) {
        this.sheet.numberFormats.set(
          `${r},${c}`,
          typeof format === "string" ? format : format[r - this.box.top][c - this.box.left],
        );
      }
      if (r - this.box.top > 300_000) break;
    }
  }
  get format() {
    const { box, sheet } = this;
    return {
      set columnWidth(width: number) {
        for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, width);
      },
      autofitColumns() {},
    };
  }
  get conditionalFormats() {
    const { sheet, localAddress } = this;
    return {
      add() {
        const entry = { address: localAddress, text: "", fill: "", font: "" };
        sheet.conditionalFormats.push(entry);
        const format = {
          fill: {
            set color(colour: string) {
              entry.fill = colour;
            },
          },
          font: {
            set color(colour: string) {
              entry.font = colour;
            },
          },
        };
        return {
          cellValue: {
            format,
            set rule(rule: { formula1: string; operator: string }) {
              entry.text = `${rule.operator === "GreaterThan" ? ">" : rule.operator} ${rule.formula1}`;
            },
          },
          textComparison: {
            format: {
              fill: {
                set color(colour: string) {
                  entry.fill = colour;
                },
              },
              font: {
                set color(colour: string) {
                  entry.font = colour;
                },
              },
            },
            set rule(rule: { text: string }) {
              entry.text = rule.text;
            },
          },
        };
      },
    };
  }
  clear() {}
  select() {}
}

class TableCollection extends Loadable {
  constructor(
    private readonly excel: FakeExcel,
    private readonly sheet: FakeSheet | null,
  ) {
    super();
  }
  get items() {
    return this.excel.tables
      .filter((table) => this.sheet === null || table.sheet === this.sheet)
      .map((table) => ({
        name: table.name,
        worksheet: { name: table.sheet.name },
        getRange: () => new FakeRange(this.excel, table.sheet, table.address),
      }));
  }
  getItem(name: string) {
    const table = this.excel.tables.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!table) throw new Error(`ItemNotFound: ${name}`);
    return {
      getRange: () => new FakeRange(this.excel, table.sheet, table.address),
      worksheet: new FakeWorksheet(this.excel, table.sheet),
    };
  }
  getItemOrNullObject(name: string) {
    const table = this.excel.tables.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    return table
      ? {
          isNullObject: false,
          getDataBodyRange: () =>
            new FakeRange(
              this.excel,
              table.sheet,
              table.address.replace(/\d+/, (n) => String(Number(n) + 1)),
            ),
          delete: () => this.excel.tables.splice(this.excel.tables.indexOf(table), 1),
        }
      : {
          isNullObject: true,
          getDataBodyRange: () => ({
            load() {
              return this;
            },
          }),
          delete() {},
        };
  }
  add(range: FakeRange | string) {
    const target =
      typeof range === "string" ? new FakeRange(this.excel, this.sheet as FakeSheet, range) : range;
    const table: FakeTable = {
      name: `Table${this.excel.tables.length + 1}`,
      sheet: target.worksheet.data,
      address: target.localAddress,
      style: "",
    };
    this.excel.tables.push(table);
    return {
      set name(name: string) {
        table.name = name;
      },
      set style(style: string) {
        table.style = style;
      },
    };
  }
}

class NameCollection extends Loadable {
  constructor(private readonly excel: FakeExcel) {
    super();
  }
  get items() {
    return this.excel.names.map((name) => ({
      ...name,
      type: "Range",
      delete: () => this.excel.names.splice(this.excel.names.indexOf(name), 1),
    }));
  }
  add(name: string, reference: FakeRange | string) {
    const entry = {
      name,
      formula: `=${typeof reference === "string" ? reference : reference.address.replace(/([A-Z]+)(\d+)(:.*)?$/, "$$$1$$$2")}`,
      visible: true,
    };
    this.excel.names.push(entry);
    return {
      set visible(visible: boolean) {
        entry.visible = visible;
      },
    };
  }
  getItemOrNullObject(name: string) {
    const entry = this.excel.names.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    return {
      getRangeOrNullObject: () => {
        const match = entry ? /^=(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(entry.formula) : null;
        const sheet = match ? this.excel.sheet(match[1] ?? match[2]) : undefined;
        return sheet && match
          ? new FakeRange(this.excel, sheet, match[3])
          : {
              isNullObject: true,
              load() {
                return this;
              },
              worksheet: {
                load() {
                  return this;
                },
              },
            };
      },
    };
  }
}

class ChartCollection {
  constructor(
    private readonly excel: FakeExcel,
    private readonly sheet: FakeSheet,
  ) {}
  add(type: string, source: FakeRange) {
    const chart: FakeSheet["charts"][number] = {
      type,
      title: "",
      series: [{ name: null, values: source.localAddress, categories: null }],
      axisTitles: { category: "", value: "" },
      position: null,
    };
    this.sheet.charts.push(chart);
    const seriesApi = (series: FakeSeries) => ({
      setValues: (range: FakeRange) => void (series.values = range.localAddress),
      setXAxisValues: (range: FakeRange) => void (series.categories = range.localAddress),
      set markerStyle(style: string) {
        series.markerStyle = style;
      },
      format: {
        line: {
          set lineStyle(style: string) {
            series.lineStyle = style;
          },
        },
      },
    });
    const axis = (which: "category" | "value") => ({
      title: {
        set text(text: string) {
          chart.axisTitles[which] = text;
        },
      },
    });
    return {
      title: {
        set text(text: string) {
          chart.title = text;
        },
      },
      axes: { categoryAxis: axis("category"), valueAxis: axis("value") },
      series: {
        getItemAt: (index: number) => seriesApi(chart.series[index]),
        add: (name: string) => {
          const series: FakeSeries = { name, values: null, categories: null };
          chart.series.push(series);
          return seriesApi(series);
        },
      },
      setPosition: (start: string, end?: string) => void (chart.position = end ? `${start}:${end}` : start),
    };
  }
}

/** The enums the workbook code reads from the global `Excel` namespace. */
export function installExcelEnums(): void {
  (globalThis as unknown as { Excel: unknown }).Excel = {
    ConditionalFormatType: { containsText: "ContainsText", cellValue: "CellValue" },
    ConditionalTextOperator: { beginsWith: "BeginsWith" },
    ConditionalCellValueOperator: { greaterThan: "GreaterThan" },
    ChartType: { barClustered: "BarClustered", xyscatterLines: "XYScatterLines" },
    ChartMarkerStyle: { none: "None" },
    ChartLineStyle: { dash: "Dash" },
    ChartSeriesBy: { columns: "Columns" },
  };
}
