/**
 * A small recording fake of the Excel JavaScript API, enough for the
 * planner's Office.js workbook: worksheets, tables, names, ranges with values
 * and number formats, conditional formats, charts and frozen panes. It counts
 * `context.sync()` calls and measures each request as the JSON size of the
 * values and formats read or written since the previous sync.
 * (office-addin-mock has no collections or charts, hence this fake.)
 *
 * It is as strict as Excel where the planner can go wrong: a run that reads
 * more than `cellReadLimit` cells, or a request or response over Excel on the
 * web's 5 MB, fails; writing to a protected sheet fails with AccessDenied at
 * the next sync; deleting a table turns the formulas that refer to it into
 * #REF!, so a test sees whether a replan kept the tables' identity.
 */
import type { CellValue } from "../../../src/core/cells";
import { OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook";

type Value = string | number | boolean;

interface FakeSheet {
  name: string;
  position: number;
  protected: boolean;
  cells: Map<string, Value>;
  errors: Map<string, string>;
  numberFormats: Map<string, string>;
  columnWidths: Map<number, number>;
  frozenRows: number;
  /** `text` for a text rule, or `> 1` for a cell-value rule. */
  conditionalFormats: { address: string; text: string; fill: string; font: string }[];
  charts: {
    name: string;
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

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  address: string;
  style: string;
}

/** An error as Office.js raises it, with Excel's code. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Excel on the web refuses a request or a response above 5 MB. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

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
      col: match[1] ? columnIndex(match[1]) : end ? 16_383 : 0,
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
  /** Cells whose values were read, over all runs. */
  cellsRead = 0;
  /** More than this many cells read in one run fails it, as a pane reading a million rows would. */
  cellReadLimit = 2_000_000;
  workbookProtected = false;
  /** The sheet the user is looking at. */
  activeSheet = "";
  /** The sheets whose onChanged event the add-in listens to. */
  readonly changeListeners: string[] = [];
  /** The collection events the add-in listens to, as `worksheets.onAdded`. */
  readonly collectionListeners: string[] = [];
  /** The document open read-only, or in view mode on the web. */
  readOnly = false;
  /** The sync (1-based) that fails with a GeneralException, after its changes were made. */
  failAtSync: number | null = null;
  /** The error code that sync fails with. */
  failCode = "GeneralException";
  /** Formulas on users' sheets that refer to tables, by cell. */
  readonly formulas: { sheet: string; cell: string; formula: string }[] = [];
  private readInRun = 0;
  private pendingError: FakeOfficeError | null = null;
  private pendingBytes = 0;
  private pendingReads: FakeRange[] = [];
  private pendingWrites: string[] = [];

  addSheet(name: string, rows: CellValue[][] = [], at = "A1"): FakeSheet {
    const sheet: FakeSheet = {
      name,
      position: this.sheets.length,
      protected: false,
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
    this.readInRun = 0;
    this.pendingError = null;
    return batch(this.context() as unknown as Excel.RequestContext);
  };

  /** A formula on a user's sheet, e.g. `=SUM(tblShortlist[Recommended investment])`. */
  addFormula(sheet: string, cell: string, formula: string): void {
    this.formulas.push({ sheet, cell, formula });
  }

  /** Whether a formula's table references all name a table and a column it has. */
  referencesResolve(formula: string): boolean {
    return [...formula.matchAll(/(\w+)\[([^\]]+)\]/g)].every(([, table, column]) => {
      const found = this.tables.find((candidate) => candidate.name.toLowerCase() === table.toLowerCase());
      if (!found) return false;
      const { top, left, right } = bounds(found.address);
      const headers = this.valuesOf(
        found.sheet.name,
        `${letters(left)}${top + 1}:${letters(right)}${top + 1}`,
      )[0];
      return headers.some((header) => String(header).toLowerCase() === column.toLowerCase());
    });
  }

  /** Excel rewrites a formula that refers to a deleted table as #REF!. */
  tableDeleted(table: FakeTable): void {
    this.tables.splice(this.tables.indexOf(table), 1);
    for (const formula of this.formulas) {
      formula.formula = formula.formula.replace(new RegExp(`\\b${table.name}\\[[^\\]]+\\]`, "gi"), "#REF!");
    }
  }

  /** Counts a read of `cells` cells; a run reading more than the limit fails as Excel would run out of memory. */
  countRead(cells: number): void {
    this.cellsRead += cells;
    this.readInRun += cells;
    if (this.readInRun > this.cellReadLimit) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `read ${this.readInRun} cells in one run, more than the ${this.cellReadLimit} a sane read needs`,
      );
    }
  }

  /** A change to a protected sheet fails at the next sync, as Excel reports it. */
  checkWritable(sheet: FakeSheet): void {
    if (sheet.protected && !this.pendingError) {
      this.pendingError = new FakeOfficeError("AccessDenied", `The sheet ${sheet.name} is protected.`);
    }
  }

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
        if (!selection) throw new FakeOfficeError("InvalidSelection", "no cells are selected");
        return new FakeRange(excel, excel.sheet(selection.sheet) as FakeSheet, selection.address);
      },
    };
    return {
      workbook: {
        ...workbook,
        protection: {
          load() {
            return this;
          },
          get protected() {
            return excel.workbookProtected;
          },
        },
      },
      application: { suspendApiCalculationUntilNextSync: () => void excel.calculationSuspensions++ },
      sync: async () => {
        for (const range of excel.pendingReads) excel.pendingBytes += range.readBytes();
        excel.pendingReads = [];
        excel.syncs.push({ bytes: excel.pendingBytes, valueWrites: excel.pendingWrites });
        const bytes = excel.pendingBytes;
        excel.pendingBytes = 0;
        excel.pendingWrites = [];
        const error = excel.pendingError;
        excel.pendingError = null;
        if (error) throw error;
        if (excel.failAtSync === excel.syncs.length) {
          throw new FakeOfficeError(excel.failCode, "An internal error has occurred.");
        }
        if (bytes > EXCEL_WEB_PAYLOAD_LIMIT) {
          throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `a request of ${bytes} bytes`);
        }
      },
    };
  }
}

class Loadable {
  load(): this {
    return this;
  }
}

/** What `*OrNullObject` gives for something the workbook does not have; calls on it give null objects too. */
class NullObject extends Loadable {
  readonly isNullObject = true;
  getUsedRangeOrNullObject() {
    return this;
  }
  getRangeOrNullObject() {
    return this;
  }
  get worksheet() {
    return this;
  }
  get protection() {
    return { protected: false };
  }
}

/** A collection's onAdded / onDeleted, recording that the add-in listens. */
function collectionEvent(excel: FakeExcel, name: string) {
  return {
    add: () => {
      excel.collectionListeners.push(name);
      return { context: {}, remove() {} };
    },
  };
}

class WorksheetCollection extends Loadable {
  constructor(private readonly excel: FakeExcel) {
    super();
  }
  get onAdded() {
    return collectionEvent(this.excel, "worksheets.onAdded");
  }
  get onDeleted() {
    return collectionEvent(this.excel, "worksheets.onDeleted");
  }
  get items() {
    return [...this.excel.sheets]
      .sort((a, b) => a.position - b.position)
      .map((sheet) => new FakeWorksheet(this.excel, sheet));
  }
  getItem(name: string) {
    const sheet = this.excel.sheet(name);
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `There is no sheet ${name}.`);
    return new FakeWorksheet(this.excel, sheet);
  }
  getItemOrNullObject(name: string) {
    const sheet = this.excel.sheet(name);
    return sheet ? new FakeWorksheet(this.excel, sheet) : new NullObject();
  }
  getActiveWorksheet() {
    return this.getItem(this.excel.activeSheet);
  }
  add(name: string) {
    if (this.excel.workbookProtected) {
      throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
    }
    if (this.excel.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `ItemAlreadyExists: ${name}`);
    return new FakeWorksheet(this.excel, this.excel.addSheet(name));
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
  get protection() {
    return { protected: this.data.protected };
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
  get onChanged() {
    return {
      add: () => {
        this.excel.changeListeners.push(this.data.name);
        return { context: {}, remove() {} };
      },
    };
  }
  delete() {
    if (this.excel.workbookProtected) {
      throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
    }
    this.excel.sheets.splice(this.excel.sheets.indexOf(this.data), 1);
    this.excel.sheets.sort((a, b) => a.position - b.position).forEach((sheet, i) => (sheet.position = i));
    for (const table of this.excel.tables.filter((candidate) => candidate.sheet === this.data)) {
      this.excel.tableDeleted(table);
    }
  }
  activate() {}
  getRange(address = "A1:XFD1048576") {
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
    return this.getRange().getUsedRangeOrNullObject();
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
    if (properties?.includes("values")) {
      this.excel.countRead(this.rowCount * this.columnCount);
      this.excel.addPendingRead(this);
    }
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
  /** The used cells within this range (values only), or a null object when none is filled. */
  getUsedRangeOrNullObject(): FakeRange | NullObject {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (const key of [...this.sheet.cells.keys(), ...this.sheet.errors.keys()]) {
      const [r, c] = key.split(",").map(Number);
      if (r < this.box.top || r > this.box.bottom || c < this.box.left || c > this.box.right) continue;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
    if (bottom < 0) return new NullObject();
    return new FakeRange(this.excel, this.sheet, `${letters(left)}${top + 1}:${letters(right)}${bottom + 1}`);
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
    this.excel.checkWritable(this.sheet);
    this.excel.record(JSON.stringify(values).length);
    this.excel.recordValueWrite(this.sheet.name, this.localAddress);
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        const key = `${this.box.top + r},${this.box.left + c}`;
        // Office.js leaves the cell of a null as it is.
        if (value === null) return;
        const text = typeof value === "string" && this.sheet.numberFormats.get(key) !== "@";
        if (text && /^=/.test(value as string)) throw new Error(`the fake would make ${value} a formula`);
        if (value === "") this.sheet.cells.delete(key);
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
    this.excel.checkWritable(this.sheet);
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
    const { sheet, localAddress, box } = this;
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
      clearAll() {
        sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => {
          const at = bounds(format.address);
          return at.bottom < box.top || at.top > box.bottom || at.right < box.left || at.left > box.right;
        });
      },
    };
  }
  /** Moves the cells of these columns from `from` down by `by` rows (up when negative). */
  private shiftRows(from: number, by: number): void {
    for (const map of [this.sheet.cells, this.sheet.errors, this.sheet.numberFormats] as Map<
      string,
      unknown
    >[]) {
      const moved = [...map].filter(([key]) => {
        const [r, c] = key.split(",").map(Number);
        return r >= from && c >= this.box.left && c <= this.box.right;
      });
      for (const [key] of moved) map.delete(key);
      for (const [key, value] of moved) {
        const [r, c] = key.split(",").map(Number);
        map.set(`${r + by},${c}`, value);
      }
    }
  }
  /** Cells inserted inside a table's rows make the table longer, as in Excel. */
  insert(direction: string) {
    if (direction !== "Down") throw new Error(`the fake inserts down only, not ${direction}`);
    this.excel.checkWritable(this.sheet);
    this.shiftRows(this.box.top, this.rowCount);
    for (const table of this.excel.tables.filter((candidate) => candidate.sheet === this.sheet)) {
      const at = bounds(table.address);
      if (this.box.top > at.top && this.box.top <= at.bottom) {
        table.address = `${letters(at.left)}${at.top + 1}:${letters(at.right)}${at.bottom + 1 + this.rowCount}`;
      }
    }
  }
  /** Deleting a table's body rows makes the table shorter, as in Excel. */
  delete(direction: string) {
    if (direction !== "Up") throw new Error(`the fake deletes up only, not ${direction}`);
    this.excel.checkWritable(this.sheet);
    for (const map of [this.sheet.cells, this.sheet.errors] as Map<string, unknown>[]) {
      for (const key of [...map.keys()]) {
        const [r, c] = key.split(",").map(Number);
        if (r >= this.box.top && r <= this.box.bottom && c >= this.box.left && c <= this.box.right) {
          map.delete(key);
        }
      }
    }
    this.shiftRows(this.box.bottom + 1, -this.rowCount);
    for (const table of this.excel.tables.filter((candidate) => candidate.sheet === this.sheet)) {
      const at = bounds(table.address);
      if (this.box.top > at.top && this.box.bottom <= at.bottom) {
        table.address = `${letters(at.left)}${at.top + 1}:${letters(at.right)}${at.bottom + 1 - this.rowCount}`;
      }
    }
  }
  clear() {
    this.excel.checkWritable(this.sheet);
    for (const map of [this.sheet.cells, this.sheet.errors] as Map<string, unknown>[]) {
      for (const key of [...map.keys()]) {
        const [r, c] = key.split(",").map(Number);
        if (r >= this.box.top && r <= this.box.bottom && c >= this.box.left && c <= this.box.right) {
          map.delete(key);
        }
      }
    }
  }
  select() {}
}

/** The Office.js face of one table, live over the fake's record of it. */
class FakeTableApi extends Loadable {
  readonly isNullObject = false;
  constructor(
    private readonly excel: FakeExcel,
    readonly data: FakeTable,
  ) {
    super();
  }
  get name() {
    return this.data.name;
  }
  set name(name: string) {
    const old = this.data.name;
    for (const formula of this.excel.formulas) {
      formula.formula = formula.formula.replace(new RegExp(`\\b${old}\\[`, "gi"), `${name}[`);
    }
    this.data.name = name;
  }
  set style(style: string) {
    this.data.style = style;
  }
  get worksheet() {
    return new FakeWorksheet(this.excel, this.data.sheet);
  }
  getRange() {
    return new FakeRange(this.excel, this.data.sheet, this.data.address);
  }
  getDataBodyRange() {
    const at = bounds(this.data.address);
    return new FakeRange(
      this.excel,
      this.data.sheet,
      `${letters(at.left)}${at.top + 2}:${letters(at.right)}${at.bottom + 1}`,
    );
  }
  get rows() {
    const { excel, data } = this;
    return {
      add: (_index: number | undefined, values: unknown[][]) => {
        excel.checkWritable(data.sheet);
        const at = bounds(data.address);
        data.address = `${letters(at.left)}${at.top + 1}:${letters(at.right)}${at.bottom + 1 + values.length}`;
        new FakeRange(
          excel,
          data.sheet,
          `${letters(at.left)}${at.bottom + 2}:${letters(at.right)}${at.bottom + 1 + values.length}`,
        ).values = values;
      },
      /** A table row deleted, as Excel does: the table's cells below move up, the table gets shorter. */
      getItemAt: (index: number) => ({
        delete: () => {
          const at = bounds(data.address);
          if (index < 0 || at.top + 1 + index > at.bottom)
            throw new FakeOfficeError("ItemNotFound", "no such row");
          const row = at.top + 2 + index;
          new FakeRange(excel, data.sheet, `${letters(at.left)}${row}:${letters(at.right)}${row}`).delete(
            "Up",
          );
        },
      }),
    };
  }
  get columns() {
    const { excel, data } = this;
    return {
      add: () => {
        excel.checkWritable(data.sheet);
        const at = bounds(data.address);
        data.address = `${letters(at.left)}${at.top + 1}:${letters(at.right + 1)}${at.bottom + 1}`;
        data.sheet.cells.set(`${at.top},${at.right + 1}`, `Column${at.right - at.left + 2}`);
      },
      getItemAt: (index: number) => ({
        delete: () => {
          excel.checkWritable(data.sheet);
          const at = bounds(data.address);
          new FakeRange(excel, data.sheet, data.address).clear();
          if (index !== at.right - at.left) throw new Error("the fake deletes the last column only");
          data.address = `${letters(at.left)}${at.top + 1}:${letters(at.right - 1)}${at.bottom + 1}`;
        },
      }),
    };
  }
  delete() {
    this.excel.tableDeleted(this.data);
  }
}

class TableCollection extends Loadable {
  constructor(
    private readonly excel: FakeExcel,
    private readonly sheet: FakeSheet | null,
  ) {
    super();
  }
  get onAdded() {
    return collectionEvent(this.excel, "tables.onAdded");
  }
  get onDeleted() {
    return collectionEvent(this.excel, "tables.onDeleted");
  }
  get items() {
    return this.excel.tables
      .filter((table) => this.sheet === null || table.sheet === this.sheet)
      .map((table) => new FakeTableApi(this.excel, table));
  }
  private find(name: string) {
    return this.excel.tables.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  }
  getItem(name: string) {
    const table = this.find(name);
    if (!table) throw new FakeOfficeError("ItemNotFound", `There is no table ${name}.`);
    return new FakeTableApi(this.excel, table);
  }
  getItemOrNullObject(name: string) {
    const table = this.find(name);
    return table ? new FakeTableApi(this.excel, table) : new NullObject();
  }
  add(range: FakeRange | string) {
    const target =
      typeof range === "string" ? new FakeRange(this.excel, this.sheet as FakeSheet, range) : range;
    this.excel.checkWritable(target.worksheet.data);
    const table: FakeTable = {
      name: `Table${this.excel.tables.length + 1}`,
      sheet: target.worksheet.data,
      address: target.localAddress,
      style: "",
    };
    this.excel.tables.push(table);
    return new FakeTableApi(this.excel, table);
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
  getItem(name: string) {
    const range = this.getItemOrNullObject(name).getRangeOrNullObject();
    if (range instanceof NullObject) throw new FakeOfficeError("ItemNotFound", `There is no name ${name}.`);
    return { getRange: () => range };
  }
  getItemOrNullObject(name: string) {
    const entry = this.excel.names.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    return {
      getRangeOrNullObject: () => {
        const match = entry ? /^=(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(entry.formula) : null;
        const sheet = match ? this.excel.sheet(match[1] ?? match[2]) : undefined;
        return sheet && match ? new FakeRange(this.excel, sheet, match[3]) : new NullObject();
      },
    };
  }
}

class ChartCollection extends Loadable {
  constructor(
    private readonly excel: FakeExcel,
    private readonly sheet: FakeSheet,
  ) {
    super();
  }
  get items() {
    return this.sheet.charts.map((chart) => ({
      name: chart.name,
      delete: () => this.sheet.charts.splice(this.sheet.charts.indexOf(chart), 1),
    }));
  }
  add(type: string, source: FakeRange) {
    this.excel.checkWritable(this.sheet);
    const chart: FakeSheet["charts"][number] = {
      name: `Chart ${this.sheet.charts.length + 1}`,
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
      set name(name: string) {
        chart.name = name;
      },
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

/** The add-in's workbook over this fake: its runs, and its document mode. */
export function workbookOver(excel: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook(excel.run, () => excel.readOnly);
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
    InsertShiftDirection: { down: "Down" },
    DeleteShiftDirection: { up: "Up" },
  };
}
