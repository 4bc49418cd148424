/**
 * The Office.js implementation of the workbook interface, for the add-in.
 * Every call loads only the properties it uses and syncs a fixed number of
 * times: a read two (shapes, then values), a write three (what is there, the
 * figures with the tables, formats and chart, then the long text), except
 * that a read or write beyond the request budget is split into row blocks so
 * no request comes near Excel on the web's 5 MB limit.
 */
import type { CellBlock, CellValue } from "../../core/cells";
import { columnLetters } from "../../core/cellReference";
import {
  NUMBER_FORMATS,
  type OutputCell,
  type OutputColumn,
  type OutputKind,
  type OutputSheet,
  type OutputTable,
} from "../../core/outputTable";
import { addCharts } from "./charts";
import { ownedKind, ownedSheetName, sheetOfFormula } from "../ownedSheets";
import { freeName, mergeInputRows, sheetTakenNote, tableTakenNote } from "../placement";
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

/** `'Vehicle List'!B3:T40` → sheet and top-left corner (1-based). */
export function parseAddress(address: string): Address {
  const bang = address.lastIndexOf("!");
  const rawSheet = address.slice(0, bang);
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const corner = /\$?([A-Z]+)\$?(\d+)/.exec(address.slice(bang + 1)) ?? ["", "A", "1"];
  let left = 0;
  for (const ch of corner[1]) left = left * 26 + ch.charCodeAt(0) - 64;
  return { sheet, top: Number(corner[2]), left };
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
  constructor(private readonly run: ExcelRun = (batch) => Excel.run(batch)) {}

  async listSources(): Promise<SourceCandidate[]> {
    return this.run(async (context) => {
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

  /**
   * Reads every source in two round trips: their sizes and addresses, then
   * their values (in row blocks within the request budget when they are larger).
   */
  async readSources(sources: SourceRef[], options: ReadOptions = {}): Promise<(CellBlock | null)[]> {
    return this.run(async (context) => {
      const ranges = sources.map((source) => locate(context, source).load(RANGE_SHAPE));
      const sheets = ranges.map((range) => range.worksheet.load("name"));
      await context.sync();
      const reads: Excel.Range[][] = ranges.map(() => []);
      const requests: QueuedPart[] = [];
      ranges.forEach((range, i) => {
        if (range.isNullObject) return;
        const bytesPerRow = range.columnCount * BYTES_PER_CELL_READ;
        for (const { start, end, bytes } of rowBlocks(range.rowCount, () => bytesPerRow)) {
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
    });
  }

  async writeOutputs(sheets: OutputSheet[], options: WriteOptions = {}): Promise<WrittenSheet[]> {
    return this.run(async (context) => {
      const workbook = context.workbook;
      const worksheets = workbook.worksheets.load("items/name,items/position");
      const tables = workbook.tables.load("items/name,items/worksheet/name");
      const names = workbook.names.load("items/name,items/formula");
      await context.sync();
      if (options.isCancelled?.()) throw new WriteCancelledError();

      const sheetByName = new Map(worksheets.items.map((sheet) => [sheet.name.toLowerCase(), sheet]));
      const owned = new Map<OutputKind, Excel.Worksheet>();
      for (const name of names.items) {
        const kind = ownedKind(name.name);
        const sheetName = kind ? sheetOfFormula(String(name.formula)) : null;
        const sheet = sheetName ? sheetByName.get(sheetName.toLowerCase()) : undefined;
        if (kind && sheet) owned.set(kind, sheet);
      }
      const replaced = new Set(sheets.map((sheet) => owned.get(sheet.kind)?.name.toLowerCase()));
      const takenSheets = new Set([...sheetByName.keys()].filter((name) => !replaced.has(name)));
      const takenTables = new Set([
        ...tables.items
          .filter((table) => !replaced.has(table.worksheet.name.toLowerCase()))
          .map((table) => table.name.toLowerCase()),
        ...names.items.map((name) => name.name.toLowerCase()),
      ]);

      context.application.suspendApiCalculationUntilNextSync();
      const written: WrittenSheet[] = [];
      const figures: QueuedPart[] = [];
      const prose: QueuedPart[] = [];
      for (const sheet of sheets) {
        const old = owned.get(sheet.kind);
        const notes: string[] = [];
        const sheetName = old
          ? old.name
          : freeName(sheet.sheetName, takenSheets, (n) => `${sheet.sheetName} (${n})`);
        if (!old && sheetName !== sheet.sheetName) {
          notes.push(sheetTakenNote(sheet.sheetName, sheetName));
        }
        takenSheets.add(sheetName.toLowerCase());
        const tableName = freeName(sheet.tableName, takenTables, (n) => `${sheet.tableName}${n}`);
        takenTables.add(tableName.toLowerCase());
        if (tableName !== sheet.tableName) {
          notes.push(tableTakenNote(sheet.tableName, tableName));
        }
        const moreTableNames = (sheet.moreTables ?? []).map((part) => {
          const name = freeName(part.tableName, takenTables, (n) => `${part.tableName}${n}`);
          takenTables.add(name.toLowerCase());
          if (name !== part.tableName) notes.push(tableTakenNote(part.tableName, name));
          return name;
        });
        old?.delete();
        const target = workbook.worksheets.add(sheetName);
        if (old) target.position = old.position;
        const parts = writeSheet(target, sheet, [tableName, ...moreTableNames]);
        figures.push(...parts.figures);
        prose.push(...parts.prose);
        const marker = ownedSheetName(sheet.kind);
        names.items.find((name) => name.name.toLowerCase() === marker.toLowerCase())?.delete();
        workbook.names.add(marker, target.getRange("A1")).visible = false;
        written.push({ kind: sheet.kind, sheetName, tableName, note: notes.length ? notes.join(" ") : null });
      }
      await sendInRequests(context, [figures, prose], options.onProgress);
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

  async writeInputTable(
    sheetName: string,
    tableName: string,
    headers: string[],
    rows: CellValue[][],
    mode: "upsert-by-first-column" | "append",
  ): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      const table = context.workbook.tables.getItemOrNullObject(tableName);
      await context.sync();
      const body = table.isNullObject ? null : table.getDataBodyRange().load("values");
      await context.sync();
      const existing: unknown[][] = body ? body.values : [];
      const plain = rows.map((row) =>
        row.map((value) => (value !== null && typeof value === "object" ? value.error : (value ?? ""))),
      );
      const merged = mergeInputRows<unknown>(existing, plain, mode);
      if (!table.isNullObject) table.delete();
      const target = sheet.isNullObject ? context.workbook.worksheets.add(sheetName) : sheet;
      const all = [headers, ...merged.map((row) => headers.map((_, i) => row[i] ?? ""))];
      const range = target.getRangeByIndexes(0, 0, all.length, headers.length);
      range.values = all;
      const created = target.tables.add(range, true);
      created.name = tableName;
      created.style = "TableStyleLight9";
      range.format.autofitColumns();
      await context.sync();
    });
  }
}

const RANGE_SHAPE = "address,rowCount,columnCount,rowIndex,columnIndex,isNullObject";

function locate(context: Excel.RequestContext, source: SourceRef): Excel.Range {
  const workbook = context.workbook;
  switch (source.kind) {
    case "table":
      return workbook.tables.getItem(source.name).getRange();
    case "name":
      return workbook.names.getItemOrNullObject(source.name).getRangeOrNullObject();
    case "sheet":
      return workbook.worksheets.getItemOrNullObject(source.name).getUsedRangeOrNullObject(true);
    case "selection":
      return workbook.getSelectedRange();
  }
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

/**
 * Queues a sheet's tables (the first at A1, each further one to the right of
 * the one before, one empty column between), frozen header row, conditional
 * formats and charts, and returns the parts that queue its values.
 */
function writeSheet(sheet: Excel.Worksheet, output: OutputSheet, tableNames: readonly string[]): SheetParts {
  const parts: SheetParts = { figures: [], prose: [] };
  let first = 1;
  [output, ...(output.moreTables ?? [])].forEach((table, t) => {
    const written = writeTable(sheet, table, tableNames[t], first);
    parts.figures.push(...written.figures);
    parts.prose.push(...written.prose);
    first += table.columns.length + 1;
  });
  sheet.freezePanes.freezeRows(1);
  if (output.kind === "filter") addAnswerFormats(sheet, output, Math.max(2, output.rows.length + 1));
  addCharts(sheet, output);
  return parts;
}

/**
 * Queues a table's number formats (text columns as text first, so a name
 * starting with "=" is never read as a formula), the table itself and its
 * highlights, and returns the parts that queue its values: one per row block
 * of each run of figure or prose columns. `first` is its first column (1-based).
 */
function writeTable(
  sheet: Excel.Worksheet,
  output: OutputTable,
  tableName: string,
  first: number,
): SheetParts {
  const columns = output.columns;
  const rowCount = output.rows.length;
  const lastRow = Math.max(2, rowCount + 1);
  const letterOf = (index: number) => columnLetters(first + index);
  const firstColumn = letterOf(0);
  const lastColumn = letterOf(columns.length - 1);
  const whole = sheet.getRange(`${firstColumn}1:${lastColumn}${lastRow}`);
  columns.forEach((column, i) => {
    const letter = letterOf(i);
    setNumberFormat(sheet.getRange(`${letter}2:${letter}${lastRow}`), NUMBER_FORMATS[column.format]);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = column.width * 7;
  });
  sheet.getRange(`${firstColumn}1:${lastColumn}1`).values = [columns.map((column) => column.header)];
  const table = sheet.tables.add(whole, true);
  table.name = tableName;
  table.style = "TableStyleMedium2";
  columns.forEach((column, i) => {
    if (column.highlightAbove === undefined) return;
    const letter = letterOf(i);
    const format = sheet
      .getRange(`${letter}2:${letter}${lastRow}`)
      .conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
    format.cellValue.format.fill.color = "#FCE4E4";
    format.cellValue.format.font.color = "#9C0006";
    format.cellValue.rule = {
      formula1: String(column.highlightAbove),
      operator: Excel.ConditionalCellValueOperator.greaterThan,
    };
  });
  const parts: SheetParts = { figures: [], prose: [] };
  for (const run of columnRuns(columns)) {
    const from = letterOf(run.start);
    const to = letterOf(run.end - 1);
    const cells = output.rows.map((row) => row.slice(run.start, run.end).map(cellText));
    const sizes = cells.map(jsonBytes);
    for (const { start, end, bytes } of rowBlocks(rowCount, (row) => sizes[row])) {
      const values = cells.slice(start, end);
      (run.prose ? parts.prose : parts.figures).push({
        bytes,
        queue: () => {
          sheet.getRange(`${from}${start + 2}:${to}${end + 1}`).values = values;
        },
      });
    }
  }
  return parts;
}

function cellText(value: OutputCell): string | number {
  return value === null ? "" : value;
}

function addAnswerFormats(sheet: Excel.Worksheet, output: OutputSheet, lastRow: number): void {
  output.columns.forEach((column, i) => {
    const colours =
      column.header === "Status" ? STATUS_COLOURS : /^Q[1-7] /.test(column.header) ? ANSWER_COLOURS : null;
    if (!colours) return;
    const letter = columnLetters(i + 1);
    const range = sheet.getRange(`${letter}2:${letter}${lastRow}`);
    for (const [text, fill, font] of colours) {
      const format = range.conditionalFormats.add(Excel.ConditionalFormatType.containsText);
      format.textComparison.format.fill.color = fill;
      format.textComparison.format.font.color = font;
      format.textComparison.rule = { operator: Excel.ConditionalTextOperator.beginsWith, text };
    }
  });
}
