/**
 * The naming and merging rules both workbook implementations follow, so the
 * add-in and the file writer place the planner's sheets and input rows alike.
 */
import { normaliseHeader } from "../core/headers";

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
