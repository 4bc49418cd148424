/**
 * The Office.js implementation of the workbook interface, for the add-in.
 * Every call loads only the properties it uses and syncs a fixed number of
 * times: a read two (shapes, then values), a write three (what is there, the
 * figures with the tables, formats and chart, then the long text) and a
 * replan four (the planner's tables' sizes too), except that a read or write
 * beyond the request budget is split into row blocks so no request comes
 * near Excel on the web's 5 MB limit. Sources are cut to their used cells,
 * and a read Excel refuses as too large is read again in measured blocks.
 */
import type { CellBlock, CellValue } from "../../core/cells";
import { columnLetters } from "../../core/cellReference";
import {
  NUMBER_FORMATS,
  type OutputCell,
  type OutputColumn,
  type OutputSheet,
  type OutputTable,
} from "../../core/outputTable";
import { addCharts, isPlannerChart } from "./charts";
import { ownedKind, ownedSheetName } from "../ownedSheets";
import { excelErrorMessage, officeErrorCode, WriteFailedError, WriteRefusedError } from "./officeErrors";
import { normaliseHeader } from "../../core/headers";
import { placeOutputs, replaceRowsEdit, type SheetPlacement } from "../placement";
import {
  ReadCancelledError,
  type PlannerWorkbook,
  type ReadOptions,
  type SourceCandidate,
  type SourceRef,
  type WriteOptions,
  type WrittenSheet,
} from "../plannerWorkbook";

/** `Excel.run` as the workbook uses it; tests hand in a recording fake. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Requests stay within this size: Excel on the web refuses 5 MB, and a budget
 * of less than half that keeps a wide margin while a 10,000-row plan still
 * goes in one request per phase.
 */
export const REQUEST_BUDGET_BYTES = 1_900_000;

/**
 * A guess of one cell's share of a read request, its value and its type
 * ("Double", "String"…), made before the values are seen: a short text or a
 * number with its type takes about 17 bytes, so 24 leaves room for longer text.
 */
const BYTES_PER_CELL_READ = 24;

/** Rows read to measure a text-heavy source's row size when the guess above proved too small. */
const SAMPLE_ROWS = 200;

/** Excel's refusals of a request or a response that is too large. */
const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

export class WriteCancelledError extends Error {
  constructor() {
    super("Writing was cancelled; the workbook is as it was.");
    this.name = "WriteCancelledError";
  }
}

interface Address {
  sheet: string;
  top: number;
  left: number;
}

/** `'Vehicle List'!C7` → `Vehicle List` and `C7`. */
export function splitAddress(address: string): { sheet: string; local: string } {
  const bang = address.lastIndexOf("!");
  const rawSheet = address.slice(0, bang);
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  return { sheet, local: address.slice(bang + 1) };
}

/**
 * `'Vehicle List'!B3:T40` → sheet and top-left corner (1-based). Whole
 * columns (`C:T`) start at row 1 and whole rows (`3:40`) at column A.
 */
export function parseAddress(address: string): Address {
  const { sheet, local } = splitAddress(address);
  const corner = /^\$?([A-Z]*)\$?(\d*)/.exec(local.toUpperCase()) ?? ["", "", ""];
  let left = 0;
  for (const ch of corner[1]) left = left * 26 + ch.charCodeAt(0) - 64;
  return { sheet, top: corner[2] ? Number(corner[2]) : 1, left: Math.max(left, 1) };
}

/** ExcelApi 1.11 lets a batch wait for the user to leave cell-edit mode; older Excel fails it instead. */
function defaultRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.11")) {
    return Excel.run({ delayForCellEdit: true }, batch);
  }
  return Excel.run(batch);
}

/** A read-only document, or a workbook in view mode on the web, which Excel will not let the planner change. */
function documentIsReadOnly(): boolean {
  return Office.context.document.mode === Office.DocumentMode.ReadOnly;
}

function cellValue(value: unknown, type: Excel.RangeValueType | string): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Boolean":
      return Boolean(value);
    case "Double":
    case "Integer":
      return typeof value === "number" ? value : Number(value);
    default:
      return value === "" || value === null || value === undefined ? null : String(value);
  }
}

function toCells(values: unknown[][], types: string[][]): CellValue[][] {
  return values.map((row, r) => row.map((value, c) => cellValue(value, types[r][c])));
}

interface RowBlock {
  start: number;
  end: number;
  /** The block's values as JSON, `[row,row,…]`, counted from each row's size. */
  bytes: number;
}

/**
 * Consecutive rows in blocks that each stay within the request budget; a row
 * larger than the budget on its own is a block of its own.
 */
function rowBlocks(rows: number, bytesOfRow: (row: number) => number): RowBlock[] {
  const blocks: RowBlock[] = [];
  let start = 0;
  let bytes = 2;
  for (let row = 0; row < rows; row++) {
    // The row's JSON and the comma after it.
    const size = bytesOfRow(row) + 1;
    if (row > start && bytes + size > REQUEST_BUDGET_BYTES) {
      blocks.push({ start, end: row, bytes });
      start = row;
      bytes = 2;
    }
    bytes += size;
  }
  if (rows > start) blocks.push({ start, end: rows, bytes });
  return blocks;
}

function jsonBytes(value: unknown): number {
  return JSON.stringify(value).length;
}

/** Assigns one number format to every cell of a range, as Office.js allows for a single value. */
function setNumberFormat(range: Excel.Range, format: string): void {
  // Office.js applies a single (non-array) value to every cell; its typings only declare the 2-D form.
  (range as unknown as { numberFormat: string }).numberFormat = format;
}

const STATUS_COLOURS: [string, string, string][] = [
  ["Shortlisted", "#E2F0D9", "#375623"],
  ["Eliminated", "#FCE4E4", "#9C0006"],
  ["Invalid input", "#FFF2CC", "#7F6000"],
];
const ANSWER_COLOURS: [string, string, string][] = [
  ["Pass", "#E2F0D9", "#375623"],
  ["Fail", "#FCE4E4", "#9C0006"],
  ["n/a", "#EDEDED", "#595959"],
];

export class OfficeWorkbook implements PlannerWorkbook {
  constructor(
    private readonly run: ExcelRun = defaultRun,
    private readonly isReadOnly: () => boolean = documentIsReadOnly,
  ) {}

  /** Runs a batch, turning Excel's error codes into messages the user can act on. */
  private async guard<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(batch);
    } catch (error) {
      if (
        error instanceof WriteCancelledError ||
        error instanceof ReadCancelledError ||
        error instanceof WriteRefusedError ||
        error instanceof WriteFailedError
      ) {
        throw error;
      }
      throw new Error(excelErrorMessage(error));
    }
  }

  private refuseWhenReadOnly(): void {
    if (this.isReadOnly()) {
      throw new WriteRefusedError(
        "This workbook is open read-only (or in view mode in Excel on the web), so the planner cannot write to it. " +
          "Choose Edit Workbook (or save a copy you can edit) and try again.",
      );
    }
  }

  async listSources(): Promise<SourceCandidate[]> {
    return this.guard(async (context) => {
      const tables = context.workbook.tables.load("items/name");
      const names = context.workbook.names.load("items/name,items/type,items/visible,items/formula");
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const tableRanges = tables.items.map((table) => table.getRange().load("address"));
      await context.sync();
      const candidates: SourceCandidate[] = tables.items.map((table, i) => ({
        kind: "table",
        name: table.name,
        label: `${table.name} (${tableRanges[i].address})`,
        address: tableRanges[i].address,
      }));
      for (const name of names.items) {
        if (name.type !== "Range" || !name.visible || ownedKind(name.name)) continue;
        const address = String(name.formula).replace(/^=/, "");
        candidates.push({ kind: "name", name: name.name, label: `${name.name} (${address})`, address });
      }
      for (const sheet of sheets.items) {
        candidates.push({ kind: "sheet", name: sheet.name, label: sheet.name, address: sheet.name });
      }
      return candidates;
    });
  }

  /** With options, a large source (the lead log) is read in row blocks with progress, and stops between blocks when cancelled. */
  async readSource(source: SourceRef, options?: ReadOptions): Promise<CellBlock> {
    const [block] = await this.readSources([source], options);
    if (block === null) throw new Error(`The workbook has no ${source.kind} named "${source.name}".`);
    return block;
  }

  async readSheet(name: string): Promise<CellBlock | null> {
    const [block] = await this.readSources([{ kind: "sheet", name }]);
    return block;
  }

  /** Every source in two round trips; null for a source the workbook does not have. */
  async readSources(sources: SourceRef[], options: ReadOptions = {}): Promise<(CellBlock | null)[]> {
    try {
      return await this.run((context) => readBlocks(context, sources, options, false));
    } catch (error) {
      if (error instanceof ReadCancelledError) throw error;
      const code = officeErrorCode(error);
      // Longer text than the guess allows: read again with row blocks sized from a sample of the cells.
      if (code && PAYLOAD_CODES.has(code)) {
        return this.guard((context) => readBlocks(context, sources, options, true));
      }
      if (code !== "ItemNotFound") throw new Error(excelErrorMessage(error));
    }
    // A table or a selection's sheet renamed or deleted since it was listed: that source is null, the others are read.
    const present = await this.guard(async (context) => {
      const checks = sources.map((source) => {
        if (source.kind === "table") return context.workbook.tables.getItemOrNullObject(source.name);
        if (source.kind === "selection" && source.name) {
          return context.workbook.worksheets.getItemOrNullObject(splitAddress(source.name).sheet);
        }
        return null;
      });
      await context.sync();
      return checks.map((check) => check === null || !check.isNullObject);
    });
    if (present.every(Boolean)) throw new Error(excelErrorMessage({ code: "ItemNotFound" }));
    const blocks = await this.readSources(
      sources.map((source, i) => (present[i] ? source : NOWHERE)),
      options,
    );
    return blocks.map((block, i) => (present[i] ? block : null));
  }

  async writeOutputs(sheets: OutputSheet[], options: WriteOptions = {}): Promise<WrittenSheet[]> {
    this.refuseWhenReadOnly();
    return this.guard(async (context) => {
      const workbook = context.workbook;
      const worksheets = workbook.worksheets.load("items/name,items/position,items/protection/protected");
      const tables = workbook.tables.load("items/name,items/worksheet/name");
      const names = workbook.names.load("items/name,items/formula");
      const structure = workbook.protection.load("protected");
      await context.sync();
      if (options.isCancelled?.()) throw new WriteCancelledError();

      const placements = placeOutputs(
        sheets,
        {
          sheets: worksheets.items.map((sheet) => sheet.name),
          tables: tables.items.map((table) => ({ name: table.name, sheet: table.worksheet.name })),
          names: names.items.map((name) => ({ name: name.name, formula: String(name.formula) })),
        },
        { clearedSheetKeepsTables: true },
      );
      const sheetByName = new Map(worksheets.items.map((sheet) => [sheet.name.toLowerCase(), sheet]));
      const tableByName = new Map(tables.items.map((table) => [table.name.toLowerCase(), table]));
      const replacedSheet = (place: SheetPlacement) =>
        place.replaces === null ? undefined : sheetByName.get(place.replaces.toLowerCase());
      refuseProtected(placements, replacedSheet, structure.protected);
      const replacing = placements.some((place) => place.replaces !== null);

      // A replan updates the planner's own tables in place, so it needs their shapes first.
      const shapes = placements.map((place): SheetShape | null => {
        const old = replacedSheet(place);
        if (!place.inPlace || !old) return null;
        return {
          tables: place.tableNames.map((name) => {
            const table = tableByName.get(name.toLowerCase()) as Excel.Table;
            return { table, range: table.getRange().load("rowIndex,columnIndex,rowCount,columnCount") };
          }),
          charts: old.charts.load("items/name"),
        };
      });
      if (shapes.some((shape) => shape !== null)) await context.sync();

      context.application.suspendApiCalculationUntilNextSync();
      const added: string[] = [];
      const figures: QueuedPart[] = [];
      const prose: QueuedPart[] = [];
      sheets.forEach((sheet, i) => {
        const place = placements[i];
        const old = replacedSheet(place);
        const shape = shapes[i];
        let parts: SheetParts;
        if (old && shape) {
          parts = rewriteSheet(old, sheet, shape);
        } else {
          let target: Excel.Worksheet;
          if (old) {
            target = old;
            old.getRange().clear();
          } else {
            target = workbook.worksheets.add(place.sheetName);
            added.push(place.sheetName);
            names.items.find((name) => name.name === place.staleMarker)?.delete();
            if (place.marker) workbook.names.add(place.marker.name, target.getRange("A1")).visible = false;
          }
          parts = writeSheet(target, sheet, placesFromA1(sheet, place.tableNames));
        }
        figures.push(...parts.figures);
        prose.push(...parts.prose);
      });
      const written: WrittenSheet[] = placements.map((place) => ({
        kind: place.kind,
        sheetName: place.sheetName,
        tableName: place.tableNames[0],
        note: place.note,
      }));
      try {
        await sendInRequests(context, [figures, prose], options.onProgress);
      } catch (error) {
        const cause = excelErrorMessage(error);
        // Only a first write can be taken back whole: a replan has already overwritten the old figures.
        const markers = sheets.map((sheet) => ownedSheetName(sheet.kind));
        const unchanged = !replacing && (await removeSheets(context, added, markers));
        throw new WriteFailedError(unchanged, cause);
      }
      return written;
    });
  }

  /** DATE(1904,1,1) is day 0 of the 1904 date system and 1462 of the 1900 one; asking it writes nothing. */
  async usesDate1904(): Promise<boolean> {
    return this.run(async (context) => {
      const day = context.workbook.functions.date(1904, 1, 1).load("value");
      await context.sync();
      return day.value === 0;
    });
  }

  /**
   * Updates a planner input table where it is: only the cells whose value
   * changes are written, new rows are added at the table's end, and the
   * user's formulas, extra columns and the table itself stay as they are.
   */
  async writeInputTable(
    sheetName: string,
    tableName: string,
    headers: string[],
    rows: CellValue[][],
    mode: "upsert-by-first-column" | "append",
  ): Promise<void> {
    this.refuseWhenReadOnly();
    await this.guard(async (context) => {
      const workbook = context.workbook;
      const sheet = workbook.worksheets.getItemOrNullObject(sheetName).load("name,protection/protected");
      const table = workbook.tables.getItemOrNullObject(tableName);
      const structure = workbook.protection.load("protected");
      await context.sync();
      const plain = rows.map((row) => row.map(plainValue));
      if (table.isNullObject) {
        if (sheet.isNullObject && structure.protected) {
          throw new WriteRefusedError(
            `The workbook's structure is protected, so the planner cannot add the ${sheetName} sheet. ` +
              "Unprotect it (Review › Protect Workbook) and try again.",
          );
        }
        if (!sheet.isNullObject) refuseProtectedSheet(sheet);
        const target = sheet.isNullObject ? workbook.worksheets.add(sheetName) : sheet;
        const range = target.getRangeByIndexes(0, 0, plain.length + 1, headers.length);
        writeCells(target, 0, 0, [headers, ...plain]);
        const created = target.tables.add(range, true);
        created.name = tableName;
        created.style = "TableStyleLight9";
        range.format.autofitColumns();
        await context.sync();
        return;
      }
      const whole = table.getRange().load("rowIndex,columnIndex,rowCount,columnCount,values");
      const tableSheet = table.worksheet.load("name,protection/protected");
      await context.sync();
      refuseProtectedSheet(tableSheet);
      const [head, ...body] = whole.values;
      const { columnOf, width } = columnsFor(table, tableSheet, whole, head, headers);
      const key = (value: unknown) => normaliseHeader(String(value ?? ""));
      const rowOfKey = new Map<string, number>();
      if (mode === "upsert-by-first-column") {
        body.forEach((row, r) => {
          const name = key(row[columnOf[0]]);
          if (!rowOfKey.has(name)) rowOfKey.set(name, r);
        });
      }
      const appended: (string | number | boolean)[][] = [];
      for (const row of plain) {
        const at = rowOfKey.get(key(row[0]));
        if (at === undefined) {
          appended.push(row);
          continue;
        }
        row.forEach((value, i) => {
          if (sameValue(body[at][columnOf[i]], value)) return;
          writeCells(tableSheet, whole.rowIndex + 1 + at, whole.columnIndex + columnOf[i], [[value]]);
        });
      }
      if (appended.length > 0) {
        // null leaves a cell to Excel: the user's extra and calculated columns fill as they do for a typed row.
        const added = appended.map((row) => {
          const cells: (string | number | boolean | null)[] = new Array<null>(width).fill(null);
          row.forEach((value, i) => (cells[columnOf[i]] = isTextLike(value) ? null : value));
          return cells;
        });
        // Office.js skips null cells of a values grid; its typings leave null out.
        table.rows.add(undefined, added as (string | number | boolean)[][]);
        appended.forEach((row, k) =>
          row.forEach((value, i) => {
            if (!isTextLike(value)) return;
            const at = whole.rowIndex + whole.rowCount + k;
            writeCells(tableSheet, at, whole.columnIndex + columnOf[i], [[value]]);
          }),
        );
      }
      await context.sync();
    });
  }

  /**
   * The key's rows replaced where they are (see PlannerWorkbook): changed
   * cells written, rows left over deleted one table row at a time, so the
   * table, its other rows and columns and the rest of the sheet stay.
   */
  async replaceInputRows(
    sheetName: string,
    tableName: string,
    headers: string[],
    key: string,
    rows: CellValue[][],
  ): Promise<number> {
    this.refuseWhenReadOnly();
    const exists = await this.guard(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(tableName);
      await context.sync();
      return !table.isNullObject;
    });
    if (!exists) {
      if (rows.length > 0) await this.writeInputTable(sheetName, tableName, headers, rows, "append");
      return 0;
    }
    return this.guard(async (context) => {
      const table = context.workbook.tables.getItem(tableName);
      const whole = table.getRange().load("rowIndex,columnIndex,rowCount,columnCount,values");
      const tableSheet = table.worksheet.load("name,protection/protected");
      await context.sync();
      refuseProtectedSheet(tableSheet);
      const [head, ...body] = whole.values;
      const { columnOf, width } = columnsFor(table, tableSheet, whole, head, headers);
      const edit = replaceRowsEdit(
        body.map((row) => row[columnOf[0]]),
        key,
        rows.length,
      );
      const plain = rows.map((row) => row.map(plainValue));
      for (const { at, row } of edit.over) {
        plain[row].forEach((value, i) => {
          if (sameValue(body[at][columnOf[i]], value)) return;
          writeCells(tableSheet, whole.rowIndex + 1 + at, whole.columnIndex + columnOf[i], [[value]]);
        });
      }
      if (edit.added.length > 0) {
        const added = edit.added.map((row) => {
          const cells: (string | number | boolean | null)[] = new Array<null>(width).fill(null);
          plain[row].forEach((value, i) => (cells[columnOf[i]] = isTextLike(value) ? null : value));
          return cells;
        });
        // Office.js skips null cells of a values grid; its typings leave null out.
        table.rows.add(undefined, added as (string | number | boolean)[][]);
        edit.added.forEach((row, k) =>
          plain[row].forEach((value, i) => {
            if (!isTextLike(value)) return;
            const at = whole.rowIndex + whole.rowCount + k;
            writeCells(tableSheet, at, whole.columnIndex + columnOf[i], [[value]]);
          }),
        );
      }
      // Excel keeps one body row in a table: the last one left is emptied rather than deleted.
      const emptied =
        edit.deleted.length === body.length && edit.added.length === 0 ? edit.deleted.pop() : undefined;
      for (const at of edit.deleted) table.rows.getItemAt(at).delete();
      if (emptied !== undefined) {
        writeCells(tableSheet, whole.rowIndex + 1 + emptied, whole.columnIndex, [head.map(() => "")]);
      }
      await context.sync();
      return edit.over.length + edit.deleted.length + (emptied === undefined ? 0 : 1);
    });
  }
}

/** Where each header is in the table, counted from its first column; a header it lacks becomes a column at its end. */
function columnsFor(
  table: Excel.Table,
  tableSheet: Excel.Worksheet,
  whole: Excel.Range,
  head: unknown[],
  headers: string[],
): { columnOf: number[]; width: number } {
  const columnOf = headers.map((header) =>
    head.findIndex((cell) => normaliseHeader(String(cell)) === normaliseHeader(header)),
  );
  let width = whole.columnCount;
  columnOf.forEach((column, i) => {
    if (column >= 0) return;
    table.columns.add();
    columnOf[i] = width;
    writeCells(tableSheet, whole.rowIndex, whole.columnIndex + width, [[headers[i]]]);
    width += 1;
  });
  return { columnOf, width };
}

function plainValue(value: CellValue): string | number | boolean {
  return value !== null && typeof value === "object" ? value.error : (value ?? "");
}

/** Text Excel would take for a formula or a sign: `=…`, `+…`, `-…`, `@…`. */
function isTextLike(value: unknown): value is string {
  return typeof value === "string" && /^[=+\-@]/.test(value);
}

function sameValue(existing: unknown, value: string | number | boolean): boolean {
  if (typeof existing === "number" && typeof value === "number") return existing === value;
  return String(existing ?? "") === String(value);
}

/**
 * Writes values from a top-left cell (0-based); text that Excel would read as
 * a formula or a sign goes into a text-formatted cell of its own, so it stays text.
 */
function writeCells(
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  values: (string | number | boolean)[][],
): void {
  sheet.getRangeByIndexes(top, left, values.length, values[0].length).values = values.map((row) =>
    row.map((value) => (isTextLike(value) ? null : value)),
  );
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (!isTextLike(value)) return;
      const cell = sheet.getRangeByIndexes(top + r, left + c, 1, 1);
      cell.numberFormat = [["@"]];
      cell.values = [[value]];
    }),
  );
}

function refuseProtectedSheet(sheet: Excel.Worksheet): void {
  if (!sheet.protection.protected) return;
  throw new WriteRefusedError(
    `The sheet "${sheet.name}" is protected, so the planner cannot write to it. ` +
      "Unprotect it (Review › Unprotect Sheet) and try again.",
  );
}

/** A source no workbook has, read as null. */
const NOWHERE: SourceRef = { kind: "sheet", name: "" };

/**
 * Reads every source in two round trips: their sizes and addresses, then
 * their values (in row blocks within the request budget when they are larger).
 * `measured` reads the first rows of each source in a round trip between, and
 * sizes the blocks from the largest of those rows, so text-heavy cells never
 * take a request past Excel on the web's limit.
 */
async function readBlocks(
  context: Excel.RequestContext,
  sources: SourceRef[],
  options: ReadOptions,
  measured: boolean,
): Promise<(CellBlock | null)[]> {
  const firstRows = options.firstRows ?? Infinity;
  const ranges = sources.map((source) => locate(context, source).load(RANGE_SHAPE));
  const sheets = ranges.map((range) => range.worksheet.load("name"));
  await context.sync();
  const rowBytes = measured ? await sampleRowBytes(context, ranges, sheets) : ranges.map(() => 0);
  const reads: Excel.Range[][] = ranges.map(() => []);
  const requests: QueuedPart[] = [];
  ranges.forEach((range, i) => {
    if (range.isNullObject) return;
    const bytesPerRow = Math.max(range.columnCount * BYTES_PER_CELL_READ, rowBytes[i]);
    for (const { start, end, bytes } of rowBlocks(Math.min(range.rowCount, firstRows), () => bytesPerRow)) {
      requests.push({
        bytes,
        queue: () => {
          const block = sheets[i].getRangeByIndexes(
            range.rowIndex + start,
            range.columnIndex,
            end - start,
            range.columnCount,
          );
          reads[i].push(block.load("values,valueTypes"));
        },
      });
    }
  });
  await sendInRequests(context, [requests], options.onProgress, () => {
    if (options.isCancelled?.()) throw new ReadCancelledError();
  });
  return ranges.map((range, i) => {
    if (range.isNullObject) return null;
    const corner = parseAddress(range.address);
    const cells = reads[i].flatMap((block) => toCells(block.values, block.valueTypes));
    return { sheet: sheets[i].name, top: corner.top, left: corner.left, cells };
  });
}

/**
 * The largest row among each source's first rows, as the bytes of its values
 * and their types, with a quarter more for longer rows further down.
 */
async function sampleRowBytes(
  context: Excel.RequestContext,
  ranges: Excel.Range[],
  sheets: Excel.Worksheet[],
): Promise<number[]> {
  const samples = ranges.map((range, i) =>
    range.isNullObject
      ? null
      : sheets[i]
          .getRangeByIndexes(
            range.rowIndex,
            range.columnIndex,
            Math.min(SAMPLE_ROWS, range.rowCount),
            range.columnCount,
          )
          .load("values,valueTypes"),
  );
  await context.sync();
  return samples.map((sample) => {
    if (!sample) return 0;
    const largest = Math.max(
      0,
      ...sample.values.map((row, r) => jsonBytes(row) + jsonBytes(sample.valueTypes[r])),
    );
    return Math.ceil(largest * 1.25);
  });
}

const RANGE_SHAPE = "address,rowCount,columnCount,rowIndex,columnIndex,isNullObject";

/**
 * The cells a source covers, cut to the used cells within it, so whole
 * columns or a whole sheet selected read only what is filled, by their true address.
 */
function locate(context: Excel.RequestContext, source: SourceRef): Excel.Range {
  const workbook = context.workbook;
  switch (source.kind) {
    case "table":
      return workbook.tables.getItem(source.name).getRange();
    case "name":
      return workbook.names
        .getItemOrNullObject(source.name)
        .getRangeOrNullObject()
        .getUsedRangeOrNullObject(true);
    case "sheet":
      return workbook.worksheets.getItemOrNullObject(source.name).getUsedRangeOrNullObject(true);
    case "selection": {
      if (!source.name) return workbook.getSelectedRange().getUsedRangeOrNullObject(true);
      const { sheet, local } = splitAddress(source.name);
      return workbook.worksheets.getItem(sheet).getRange(local).getUsedRangeOrNullObject(true);
    }
  }
}

/** Where a replan finds the planner's tables (in the order of the sheet's output tables) and the sheet's charts. */
interface SheetShape {
  tables: { table: Excel.Table; range: Excel.Range }[];
  charts: Excel.ChartCollection;
}

/** A sheet's output tables: the first, then those beside it. */
function tablesOf(output: OutputSheet): OutputTable[] {
  return [output, ...(output.moreTables ?? [])];
}

/** The first table at A1, each further one to the right of the one before, one empty column between. */
function placesFromA1(output: OutputSheet, tableNames: readonly string[]): TablePlace[] {
  let left = 0;
  return tablesOf(output).map((table, t) => {
    const place = { table: null, tableName: tableNames[t], top: 0, left };
    left += table.columns.length + 1;
    return place;
  });
}

/** Says, before anything is changed, which protection stops the write and how to lift it. */
function refuseProtected(
  placements: readonly SheetPlacement[],
  replacedSheet: (place: SheetPlacement) => Excel.Worksheet | undefined,
  structureProtected: boolean,
): void {
  for (const place of placements) {
    const old = replacedSheet(place);
    if (old?.protection.protected) {
      throw new WriteRefusedError(
        `The sheet "${old.name}" is protected, so the planner cannot update it. ` +
          "Unprotect it (Review › Unprotect Sheet) and plan again.",
      );
    }
  }
  if (structureProtected && placements.some((place) => place.replaces === null)) {
    throw new WriteRefusedError(
      "The workbook's structure is protected, so the planner cannot add its sheets. " +
        "Unprotect it (Review › Protect Workbook) and plan again.",
    );
  }
}

/** Takes back the sheets a failed first write added, with the marker names it gave them; true when that worked. */
async function removeSheets(
  context: Excel.RequestContext,
  sheetNames: string[],
  markers: string[],
): Promise<boolean> {
  try {
    const sheets = sheetNames.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    const names = context.workbook.names.load("items/name");
    await context.sync();
    for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
    const added = new Set(markers.map((marker) => marker.toLowerCase()));
    for (const name of names.items) if (added.has(name.name.toLowerCase())) name.delete();
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/**
 * Resizes the planner's tables in place to the new plan (columns added or
 * removed at their right, body rows inserted or deleted at their end) and
 * queues the rewrite of their cells, so formulas, charts and pivot tables that
 * refer to the tables keep working. The planner's own charts are drawn again;
 * a user's charts on the sheet stay.
 */
function rewriteSheet(sheet: Excel.Worksheet, output: OutputSheet, shape: SheetShape): SheetParts {
  const places = tablesOf(output).map((part, t): TablePlace => {
    const { table, range } = shape.tables[t];
    const top = range.rowIndex;
    const left = range.columnIndex;
    const columns = part.columns.length;
    const body = Math.max(1, part.rows.length);
    const oldBody = range.rowCount - 1;
    for (let c = range.columnCount; c < columns; c++) table.columns.add();
    for (let c = range.columnCount; c > columns; c--) table.columns.getItemAt(c - 1).delete();
    if (body > oldBody) {
      sheet
        .getRangeByIndexes(top + oldBody, left, body - oldBody, columns)
        .insert(Excel.InsertShiftDirection.down);
    } else if (body < oldBody) {
      sheet
        .getRangeByIndexes(top + 1 + body, left, oldBody - body, columns)
        .delete(Excel.DeleteShiftDirection.up);
    }
    sheet.getRangeByIndexes(top, left, body + 1, columns).conditionalFormats.clearAll();
    return { table, tableName: table.name, top, left };
  });
  for (const chart of shape.charts.items) if (isPlannerChart(chart.name)) chart.delete();
  return writeSheet(sheet, output, places);
}

/** A part of a request: how big it is, and how to queue it. */
interface QueuedPart {
  bytes: number;
  queue: () => void;
}

/**
 * Sends the phases in order, each in its own requests: a phase's parts are
 * queued in order with a sync whenever the next part would take the request
 * past the budget, and once at the phase's end. So a phase within the budget
 * takes one request whatever the row count, and a larger one as many as it needs.
 */
async function sendInRequests(
  context: Excel.RequestContext,
  phases: readonly (readonly QueuedPart[])[],
  onProgress?: (fraction: number) => void,
  checkCancelled?: () => void,
): Promise<void> {
  const total = phases.reduce((sum, phase) => sum + phase.length, 0);
  const withParts = phases.filter((parts) => parts.length > 0);
  let sent = 0;
  // What is queued already (a sheet's table and formats) needs its request even when no values follow.
  for (const parts of withParts.length > 0 ? withParts : [[]]) {
    let inRequest = 0;
    for (const part of parts) {
      if (inRequest > 0 && inRequest + part.bytes > REQUEST_BUDGET_BYTES) {
        // Syncing per budget-sized request is what keeps each one under Excel on the web's 5 MB limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        onProgress?.(sent / total);
        checkCancelled?.();
        inRequest = 0;
      }
      part.queue();
      inRequest += part.bytes;
      sent += 1;
    }
    // One request per phase: the figures land before the long text, whatever the size.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    onProgress?.(sent / Math.max(1, total));
  }
}

/** A sheet's values as parts of two phases: the figures, and the columns of long text. */
interface SheetParts {
  figures: QueuedPart[];
  prose: QueuedPart[];
}

/** Runs of adjacent columns that are all prose or all not, as [first, end) column indexes. */
function columnRuns(columns: readonly OutputColumn[]): { start: number; end: number; prose: boolean }[] {
  const runs: { start: number; end: number; prose: boolean }[] = [];
  columns.forEach((column, index) => {
    const prose = column.prose === true;
    const last = runs[runs.length - 1];
    if (last && last.prose === prose) last.end = index + 1;
    else runs.push({ start: index, end: index + 1, prose });
  });
  return runs;
}

/** Where a sheet's table goes: an existing table to rewrite (or null for a new one) and its top-left cell (0-based). */
interface TablePlace {
  table: Excel.Table | null;
  tableName: string;
  top: number;
  left: number;
}

/**
 * Queues a sheet's tables (the first at A1, each further one to the right of
 * the one before, one empty column between), frozen header row, conditional
 * formats and charts, and returns the parts that queue its values.
 */
function writeSheet(sheet: Excel.Worksheet, output: OutputSheet, places: readonly TablePlace[]): SheetParts {
  const parts: SheetParts = { figures: [], prose: [] };
  tablesOf(output).forEach((table, t) => {
    const written = writeTable(sheet, table, places[t]);
    parts.figures.push(...written.figures);
    parts.prose.push(...written.prose);
  });
  sheet.freezePanes.freezeRows(places[0].top + 1);
  if (output.kind === "filter") addAnswerFormats(sheet, output, places[0], Math.max(1, output.rows.length));
  addCharts(sheet, output);
  return parts;
}

/**
 * Queues a table's number formats (text columns as text first, so a name
 * starting with "=" is never read as a formula), the table itself (or the
 * existing one it rewrites) and its highlights, and returns the parts that
 * queue its values: one per row block of each run of figure or prose columns.
 */
function writeTable(sheet: Excel.Worksheet, output: OutputTable, place: TablePlace): SheetParts {
  const { top, left } = place;
  const columns = output.columns;
  const rowCount = output.rows.length;
  const body = Math.max(1, rowCount);
  columns.forEach((column, i) => {
    setNumberFormat(sheet.getRangeByIndexes(top + 1, left + i, body, 1), NUMBER_FORMATS[column.format]);
    const letter = columnLetters(left + i + 1);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = column.width * 7;
  });
  sheet.getRangeByIndexes(top, left, 1, columns.length).values = [columns.map((column) => column.header)];
  const table =
    place.table ?? sheet.tables.add(sheet.getRangeByIndexes(top, left, body + 1, columns.length), true);
  if (!place.table) table.name = place.tableName;
  table.style = "TableStyleMedium2";
  columns.forEach((column, i) => {
    if (column.highlightAbove === undefined) return;
    const format = sheet
      .getRangeByIndexes(top + 1, left + i, body, 1)
      .conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
    format.cellValue.format.fill.color = "#FCE4E4";
    format.cellValue.format.font.color = "#9C0006";
    format.cellValue.rule = {
      formula1: String(column.highlightAbove),
      operator: Excel.ConditionalCellValueOperator.greaterThan,
    };
  });
  const parts: SheetParts = { figures: [], prose: [] };
  if (rowCount === 0 && place.table) {
    const blank = [columns.map(() => "")];
    parts.figures.push({
      bytes: jsonBytes(blank),
      queue: () => {
        sheet.getRangeByIndexes(top + 1, left, 1, columns.length).values = blank;
      },
    });
  }
  for (const run of columnRuns(columns)) {
    const cells = output.rows.map((row) => row.slice(run.start, run.end).map(cellText));
    const sizes = cells.map(jsonBytes);
    for (const { start, end, bytes } of rowBlocks(rowCount, (row) => sizes[row])) {
      const values = cells.slice(start, end);
      (run.prose ? parts.prose : parts.figures).push({
        bytes,
        queue: () => {
          sheet.getRangeByIndexes(
            top + 1 + start,
            left + run.start,
            end - start,
            run.end - run.start,
          ).values = values;
        },
      });
    }
  }
  return parts;
}

function cellText(value: OutputCell): string | number {
  return value === null ? "" : value;
}

function addAnswerFormats(
  sheet: Excel.Worksheet,
  output: OutputSheet,
  place: TablePlace,
  body: number,
): void {
  output.columns.forEach((column, i) => {
    const colours =
      column.header === "Status" ? STATUS_COLOURS : /^Q[1-7] /.test(column.header) ? ANSWER_COLOURS : null;
    if (!colours) return;
    const range = sheet.getRangeByIndexes(place.top + 1, place.left + i, body, 1);
    for (const [text, fill, font] of colours) {
      const format = range.conditionalFormats.add(Excel.ConditionalFormatType.containsText);
      format.textComparison.format.fill.color = fill;
      format.textComparison.format.font.color = font;
      format.textComparison.rule = { operator: Excel.ConditionalTextOperator.beginsWith, text };
    }
  });
}
