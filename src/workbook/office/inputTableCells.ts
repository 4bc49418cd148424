/**
 * The cells of a planner input table in Excel: which column holds each
 * header, which values changed, and text that Excel would take for a
 * formula or a sign written so it stays text.
 */
import type { CellValue } from "../../core/cells";
import { normaliseHeader } from "../../core/headers";
import type { InputRowEdit } from "../placement";
import { WriteRefusedError } from "./officeErrors";

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

export function plainValue(value: CellValue): string | number | boolean {
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
export function writeCells(
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

export function refuseProtectedSheet(sheet: Excel.Worksheet): void {
  if (!sheet.protection.protected) return;
  throw new WriteRefusedError(
    `The sheet "${sheet.name}" is protected, so the planner cannot write to it. ` +
      "Unprotect it (Review › Unprotect Sheet) and try again.",
  );
}

/** A planner input table as loaded: the table, its sheet, its range with values, its rows and where each header is. */
export interface LoadedInputTable {
  table: Excel.Table;
  sheet: Excel.Worksheet;
  whole: Excel.Range;
  head: unknown[];
  body: unknown[][];
  columnOf: readonly number[];
  width: number;
}

/** Loads an existing input table to edit it, refusing a protected sheet; a header it lacks becomes a column at its end. */
export async function loadInputTable(
  context: Excel.RequestContext,
  table: Excel.Table,
  headers: string[],
): Promise<LoadedInputTable> {
  const whole = table.getRange().load("rowIndex,columnIndex,rowCount,columnCount,values");
  const sheet = table.worksheet.load("name,protection/protected");
  await context.sync();
  refuseProtectedSheet(sheet);
  const [head, ...body] = whole.values;
  const { columnOf, width } = columnsFor(table, sheet, whole, head, headers);
  return { table, sheet, whole, head, body, columnOf, width };
}

/**
 * Queues the rows an edit writes over (changed cells only) and adds (at the
 * table's end); the rows it deletes are the caller's, as Excel keeps one body row.
 */
export function writeRowsEdit(
  input: LoadedInputTable,
  plain: readonly (string | number | boolean)[][],
  edit: InputRowEdit,
): void {
  const { table, sheet, whole, body, columnOf, width } = input;
  for (const { at, row } of edit.over) {
    plain[row].forEach((value, i) => {
      if (sameValue(body[at][columnOf[i]], value)) return;
      writeCells(sheet, whole.rowIndex + 1 + at, whole.columnIndex + columnOf[i], [[value]]);
    });
  }
  if (edit.added.length === 0) return;
  // null leaves a cell to Excel: the user's extra and calculated columns fill as they do for a typed row.
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
      writeCells(sheet, at, whole.columnIndex + columnOf[i], [[value]]);
    }),
  );
}
