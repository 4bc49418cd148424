/**
 * The pane's sources: how one is named and compared, where the vehicle
 * table's header row is, and which source to preselect.
 */
import type { CellBlock } from "../core/cells";
import { columnLetters, quoteSheetName } from "../core/cellReference";
import { fieldsNamed } from "../core/headers";
import { findHeaderRow, fromHeaderRow, type HeaderRowSearch } from "../core/headerRow";
import type { PlannerWorkbook, SourceCandidate, SourceRef } from "../workbook/plannerWorkbook";

/** How many candidates are read to find the vehicle table before the user is left to pick one. */
const SOURCES_TO_PROBE = 12;
/** How far down a candidate the header row is looked for. */
const HEADER_ROWS_TO_PROBE = 20;

export function sourceKey(source: SourceRef): string {
  return `${source.kind}:${source.name}`;
}

export function sameSource(a: SourceRef | null, b: SourceRef | null): boolean {
  return a !== null && b !== null && sourceKey(a) === sourceKey(b);
}

/** A block's address, `'Vehicle List'!B3:H40`: how the pane keeps the selection it shows. */
export function blockAddress(block: CellBlock): string {
  const height = Math.max(block.cells.length, 1);
  const width = Math.max(...block.cells.map((row) => row.length), 1);
  const start = `${columnLetters(block.left)}${block.top}`;
  const end = `${columnLetters(block.left + width - 1)}${block.top + height - 1}`;
  return `${quoteSheetName(block.sheet)}!${start}:${end}`;
}

/** The header row to read the source's columns from: the one found, or the likeliest when none matches. */
export function headerRowOf(search: HeaderRowSearch, block: CellBlock): number | null {
  if (search.kind === "found") return search.row;
  if (search.kind === "several") return null;
  return search.likeliest ?? block.top;
}

/** The vehicle table of the source, from its header row down; null while the header row is unclear. */
export function tableOf(block: CellBlock | null, headerRow: number | null): CellBlock | null {
  return block === null || headerRow === null ? null : fromHeaderRow(block, headerRow);
}

/**
 * The vehicle table to preselect: the first table, named range or sheet (in
 * that order) whose header row matches SPEC 1.1, else the first whose header
 * row names at least two fields, for the user to finish mapping by hand.
 */
export async function findVehicleTable(
  workbook: PlannerWorkbook,
  candidates: SourceCandidate[],
): Promise<SourceRef | null> {
  const order: SourceRef["kind"][] = ["table", "name", "sheet"];
  const ordered = order.flatMap((kind) => candidates.filter((candidate) => candidate.kind === kind));
  let partial: SourceRef | null = null;
  const probed = ordered.slice(0, SOURCES_TO_PROBE);
  // One batch for all of them, and only their top rows, where a header row is.
  const blocks = await workbook.readSources(probed, { firstRows: HEADER_ROWS_TO_PROBE });
  for (const [i, candidate] of probed.entries()) {
    const block = blocks[i];
    if (!block) continue;
    const source = { kind: candidate.kind, name: candidate.name };
    const search = findHeaderRow(block);
    if (search.kind === "found") return source;
    const row = tableOf(block, headerRowOf(search, block))?.cells[0];
    const fields = row ? fieldsNamed(row).size : 0;
    if (!partial && (search.kind === "several" || fields >= 2)) partial = source;
  }
  return partial;
}

export function sheetNamed(candidates: SourceCandidate[], name: string): SourceRef | null {
  const sheet = candidates.find(
    (candidate) => candidate.kind === "sheet" && candidate.name.toLowerCase() === name.toLowerCase(),
  );
  return sheet ? { kind: "sheet", name: sheet.name } : null;
}
