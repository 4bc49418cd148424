/**
 * The naming and merging rules both workbook implementations follow, so the
 * add-in and the file writer place the planner's sheets and input rows alike.
 */
import { normaliseHeader } from "../core/headers";
import { normalisedName } from "../core/vehicleTable";

/** The wanted name, or its first numbered variant no one has taken (names compare case-insensitively). */
export function freeName(
  wanted: string,
  taken: ReadonlySet<string>,
  numbered: (n: number) => string,
): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  let n = 2;
  while (taken.has(numbered(n).toLowerCase())) n++;
  return numbered(n);
}

export function sheetTakenNote(wanted: string, used: string): string {
  return `The workbook already has a sheet named "${wanted}" that the planner did not make, so it was left alone and the ${wanted.toLowerCase()} went to "${used}".`;
}

export function tableTakenNote(wanted: string, used: string): string {
  return `The workbook already has a table or name "${wanted}", so this table is named "${used}".`;
}

/**
 * The rows of a planner input table after a write: appended, or with each
 * new row replacing the old row whose first cell matches (normalised like a
 * header), the others appended.
 */
export function mergeInputRows<T>(
  existing: readonly T[][],
  rows: readonly T[][],
  mode: "upsert-by-first-column" | "append",
): T[][] {
  if (mode === "append") return [...existing, ...rows];
  const key = (row: readonly T[]) => normaliseHeader(String(row[0] ?? ""));
  const replacements = new Map(rows.map((row) => [key(row), row]));
  const merged = existing.map((row) => replacements.get(key(row)) ?? row);
  const kept = new Set(existing.map(key));
  merged.push(...rows.filter((row) => !kept.has(key(row))));
  return merged;
}

/** How the body rows of an input table change: new rows written over old ones, added at the end, old rows deleted. */
export interface InputRowEdit {
  /** New row `row` written over old body row `at` (0-based). */
  over: { at: number; row: number }[];
  /** New rows added at the table's end, in order. */
  added: number[];
  /** Old body rows deleted, last first, so each index still holds when its turn comes. */
  deleted: number[];
}

/**
 * SPEC 8 a scenario saved again under its name: the `count` new rows take the
 * places of the old rows whose first cell is `key` (trimmed, case-insensitive),
 * in order; old rows left over are deleted, new rows left over are added.
 */
export function replaceRowsEdit(firstCells: readonly unknown[], key: string, count: number): InputRowEdit {
  const wanted = normalisedName(key);
  const places = firstCells.flatMap((cell, at) =>
    normalisedName(String(cell ?? "")) === wanted ? [at] : [],
  );
  const kept = Math.min(places.length, count);
  return {
    over: places.slice(0, kept).map((at, row) => ({ at, row })),
    added: Array.from({ length: count - kept }, (_, i) => kept + i),
    deleted: places.slice(kept).reverse(),
  };
}

/** Upsert or append: each new row over the first old row with its first cell (normalised like a header), else added. */
export function mergeRowsEdit(
  firstCells: readonly unknown[],
  newFirstCells: readonly unknown[],
  mode: "upsert-by-first-column" | "append",
): InputRowEdit {
  const key = (cell: unknown) => normaliseHeader(String(cell ?? ""));
  const placeOf = new Map<string, number>();
  if (mode === "upsert-by-first-column")
    firstCells.forEach((cell, at) => {
      if (!placeOf.has(key(cell))) placeOf.set(key(cell), at);
    });
  const edit: InputRowEdit = { over: [], added: [], deleted: [] };
  newFirstCells.forEach((cell, row) => {
    const at = placeOf.get(key(cell));
    if (at === undefined) edit.added.push(row);
    else edit.over.push({ at, row });
  });
  return edit;
}

/**
 * The body after an edit, each row as wide as the old ones: a new row's
 * values go to the columns `columnOf` gives (by header), the other cells of
 * a row written over are kept, and an added row has nothing else.
 */
export function applyRowsEdit<T>(
  body: readonly (readonly (T | null)[])[],
  width: number,
  columnOf: readonly number[],
  rows: readonly (readonly (T | null)[])[],
  edit: InputRowEdit,
): (T | null)[][] {
  const result = body.map((row) => [...row]);
  const place = (target: (T | null)[], row: number) =>
    columnOf.forEach((column, i) => (target[column] = rows[row][i] ?? null));
  for (const { at, row } of edit.over) place(result[at], row);
  for (const row of edit.added) {
    const cells = new Array<T | null>(width).fill(null);
    place(cells, row);
    result.push(cells);
  }
  for (const at of edit.deleted) result.splice(at, 1);
  return result;
}
