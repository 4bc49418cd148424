/**
 * The planner's output sheets in Excel: each table with its number formats,
 * widths, frozen header row, highlights and charts, written afresh or resized
 * in place on a replan; the values are handed back as request parts, figures
 * before the long text.
 */
import { columnLetters } from "../../core/cellReference";
import {
  NUMBER_FORMATS,
  type OutputCell,
  type OutputColumn,
  type OutputSheet,
  type OutputTable,
} from "../../core/outputTable";
import { addCharts, isPlannerChart } from "./charts";
import { jsonBytes, rowBlocks, type QueuedPart } from "./requests";

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

/** Where a replan finds the planner's tables (in the order of the sheet's output tables) and the sheet's charts. */
export interface SheetShape {
  tables: { table: Excel.Table; range: Excel.Range }[];
  charts: Excel.ChartCollection;
}

/** A sheet's output tables: the first, then those beside it. */
function tablesOf(output: OutputSheet): OutputTable[] {
  return [output, ...(output.moreTables ?? [])];
}

/** The first table at A1, each further one to the right of the one before, one empty column between. */
export function placesFromA1(output: OutputSheet, tableNames: readonly string[]): TablePlace[] {
  let left = 0;
  return tablesOf(output).map((table, t) => {
    const place = { table: null, tableName: tableNames[t], top: 0, left };
    left += table.columns.length + 1;
    return place;
  });
}

/**
 * Resizes the planner's tables in place to the new plan (columns added or
 * removed at their right, body rows inserted or deleted at their end) and
 * queues the rewrite of their cells, so formulas, charts and pivot tables that
 * refer to the tables keep working. The planner's own charts are drawn again;
 * a user's charts on the sheet stay.
 */
export function rewriteSheet(sheet: Excel.Worksheet, output: OutputSheet, shape: SheetShape): SheetParts {
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

/** A sheet's values as parts of two phases: the figures, and the columns of long text. */
export interface SheetParts {
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
export function writeSheet(
  sheet: Excel.Worksheet,
  output: OutputSheet,
  places: readonly TablePlace[],
): SheetParts {
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
