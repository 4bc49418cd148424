/**
 * SPEC 1.1 and issue 17.9: where a vehicle table's header row is when a
 * title or a few rows of notes sit above it. The first non-empty row is the
 * header row when it matches (SPEC 1.1's rule); otherwise the one row of the
 * first ten that matches is. The table read from there keeps its true sheet
 * rows, so every message names the cell the user sees.
 */
import type { CellBlock, CellValue } from "./cells";
import { fieldsNamed, headerRowMatches, headerText, type HeaderAliases } from "./headers";
import { listWithAnd } from "./messages";
import { failure, success, type Outcome } from "./outcome";

/** How many rows from a source's top are searched for its header row. */
export const HEADER_ROWS_SEARCHED = 10;

export type HeaderRowSearch =
  /** `row` is the sheet row of the one header row. */
  | { kind: "found"; row: number }
  /** More than one of the first rows matches: the user says which (sheet rows, top to bottom). */
  | { kind: "several"; rows: number[] }
  /**
   * No row matches. `likeliest` is where the user would map columns by hand:
   * the first row with anything in it when it names a field, else (a title)
   * the row of the first 10 naming the most fields; null for a block with
   * nothing in it.
   */
  | { kind: "none"; likeliest: number | null };

/** One of the rows a user may pick as the header row: its sheet row, its texts, and whether it matches. */
export interface HeaderRowChoice {
  row: number;
  texts: string[];
  matches: boolean;
}

function textsOf(row: readonly CellValue[]): string[] {
  return row.map(headerText).filter((text) => text !== "");
}

function firstFilled(block: CellBlock): number {
  return block.cells.findIndex((row) => textsOf(row).length > 0);
}

/** Finds the header row of the vehicle table in `block` (aliases: headers the user matched by hand). */
export function findHeaderRow(block: CellBlock, aliases?: HeaderAliases): HeaderRowSearch {
  const first = firstFilled(block);
  if (first < 0) return { kind: "none", likeliest: null };
  if (headerRowMatches(block.cells[first], aliases)) return { kind: "found", row: block.top + first };
  const searched = Math.min(block.cells.length, HEADER_ROWS_SEARCHED);
  const matching: number[] = [];
  let likeliest = first;
  let mostFields = 0;
  for (let index = first + 1; index < searched; index++) {
    const row = block.cells[index];
    if (headerRowMatches(row, aliases)) matching.push(block.top + index);
    const fields = fieldsNamed(row, aliases).size;
    if (fields > mostFields) [likeliest, mostFields] = [index, fields];
  }
  // A first row that names a field is a header row the user may finish by hand, as before titles were looked past.
  if (fieldsNamed(block.cells[first], aliases).size > 0) likeliest = first;
  if (matching.length === 1) return { kind: "found", row: matching[0] };
  if (matching.length > 1) return { kind: "several", rows: matching };
  return { kind: "none", likeliest: block.top + likeliest };
}

/** The first rows of the block with anything in them, for the user to say which holds the headers. */
export function headerRowChoices(block: CellBlock): HeaderRowChoice[] {
  const choices: HeaderRowChoice[] = [];
  const searched = Math.min(block.cells.length, HEADER_ROWS_SEARCHED);
  for (let index = 0; index < searched; index++) {
    const texts = textsOf(block.cells[index]);
    if (texts.length > 0)
      choices.push({ row: block.top + index, texts, matches: headerRowMatches(block.cells[index]) });
  }
  return choices;
}

/** The table whose header row is sheet row `row`: the block from that row down, or null when the row is not in it. */
export function fromHeaderRow(block: CellBlock, row: number): CellBlock | null {
  const index = row - block.top;
  if (!Number.isInteger(index) || index < 0 || index >= Math.max(block.cells.length, 1)) return null;
  return index === 0 ? block : { ...block, top: row, cells: block.cells.slice(index) };
}

/** "Rows 2 and 6 of Vehicles both hold…": the words for a search that found several header rows. */
export function severalHeaderRowsMessage(sheet: string, rows: readonly number[], fix: string): string {
  return `Rows ${listWithAnd(rows)} of ${sheet} each hold the headers of a vehicle table, so the header row is not clear: ${fix}.`;
}

/**
 * The vehicle table of `block` from its header row: sheet row `headerRow`
 * when the user gave one, else the row found. When no row matches it is the
 * likeliest row, so the table's reader names the headers found there (or a
 * hand mapping completes them); several matching rows are a message asking
 * which one.
 */
export function locateVehicleTable(block: CellBlock, headerRow?: number): Outcome<CellBlock> {
  if (headerRow !== undefined) {
    const table = fromHeaderRow(block, headerRow);
    if (table) return success(table);
    const bottom = block.top + Math.max(block.cells.length, 1) - 1;
    return failure(
      `The header row ${headerRow} is outside the vehicle table on ${block.sheet} (rows ${block.top} to ${bottom}): choose a row within it.`,
    );
  }
  const search = findHeaderRow(block);
  if (search.kind === "several")
    return failure(severalHeaderRowsMessage(block.sheet, search.rows, "say which row holds the headers"));
  const row = search.kind === "found" ? search.row : search.likeliest;
  return success(row === null ? block : (fromHeaderRow(block, row) ?? block));
}
