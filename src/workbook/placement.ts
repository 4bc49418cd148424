/**
 * The naming and merging rules both workbook implementations follow, so the
 * add-in and the file writer place the planner's sheets and input rows alike:
 * `placeOutputs` decides which sheet and table names an output takes, which
 * planner sheet it replaces and what the user is told; the workbooks only
 * carry the plan out.
 */
import { normaliseHeader } from "../core/headers";
import type { OutputKind, OutputSheet } from "../core/outputTable";
import { normalisedName } from "../core/vehicleTable";
import { ownedKind, ownedSheetFormula, ownedSheetName, sheetOfFormula } from "./ownedSheets";

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

/** What placement needs to know of a workbook: its names, as the workbook spells them. */
export interface WorkbookNames {
  sheets: readonly string[];
  tables: readonly { name: string; sheet: string }[];
  /** Workbook-level defined names with their formulas; the planner's hidden markers are among them. */
  names: readonly { name: string; formula: string }[];
}

/** Where one output sheet goes. */
export interface SheetPlacement {
  kind: OutputKind;
  sheetName: string;
  /** The planner's own sheet this output replaces (its name now), or null when a sheet is added. */
  replaces: string | null;
  /** The names of the sheet's tables: the output's first table, then those beside it. */
  tableNames: string[];
  /** The planner's tables were found on the replaced sheet under `tableNames`: resize and rewrite them in place. */
  inPlace: boolean;
  /** The hidden name to add for a new sheet, so a rerun knows the sheet is the planner's; null when replacing. */
  marker: { name: string; formula: string } | null;
  /** A marker of the same name already in the workbook (its sheet was deleted), which the new marker replaces. */
  staleMarker: string | null;
  /** Said to the user when the SPEC's name was taken by a sheet or table of theirs. */
  note: string | null;
}

/** How the writer treats a planner sheet it replaces without its tables: Excel keeps a cleared sheet's tables, a rewritten sheet part has none. */
export interface PlacementRules {
  clearedSheetKeepsTables: boolean;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The sheets the planner made, by output kind, from its markers (a marker whose sheet is gone is left out). */
export function ownedSheets(workbook: WorkbookNames): Map<OutputKind, string> {
  const owned = new Map<OutputKind, string>();
  for (const name of workbook.names) {
    const kind = ownedKind(name.name);
    const target = kind ? sheetOfFormula(name.formula) : null;
    const sheet =
      target === null ? undefined : workbook.sheets.find((candidate) => sameName(candidate, target));
    if (kind && sheet !== undefined) owned.set(kind, sheet);
  }
  return owned;
}

/** The table names an output sheet asks for: its first table, then those beside it. */
function wantedTables(output: OutputSheet): string[] {
  return [output.tableName, ...(output.moreTables ?? []).map((table) => table.tableName)];
}

/**
 * The planner's tables on its own sheet, each the one with the SPEC's name (or
 * a numbered one); a sheet of one table takes its first table when the user
 * renamed it. Null when one is missing, so the sheet is written afresh.
 */
function plannerTables(
  workbook: WorkbookNames,
  sheetName: string,
  wanted: readonly string[],
): string[] | null {
  const onSheet = workbook.tables.filter((table) => sameName(table.sheet, sheetName));
  const found = wanted.map(
    (name) => onSheet.find((table) => table.name.toLowerCase().startsWith(name.toLowerCase()))?.name,
  );
  if (wanted.length === 1 && found[0] === undefined) found[0] = onSheet[0]?.name;
  return found.every((name) => name !== undefined) ? (found as string[]) : null;
}

/**
 * SPEC 6 "Nothing is lost": each output replaces the sheet the planner made
 * for it (found by its marker, also after the user renamed it), keeping the
 * planner's tables there by their names so formulas that refer to them keep
 * working (issue 14.7); otherwise it goes to a new sheet under the SPEC's
 * name, or `Shortlist (2)`, … when a sheet of the user's has it, and a table
 * whose name the workbook already uses as a table or name becomes
 * `tblShortlist2`, …, with a note saying so.
 */
export function placeOutputs(
  outputs: readonly OutputSheet[],
  workbook: WorkbookNames,
  rules: PlacementRules,
): SheetPlacement[] {
  const owned = ownedSheets(workbook);
  const replaced = new Set(
    outputs.flatMap((output) => {
      const sheet = owned.get(output.kind);
      return sheet === undefined ? [] : [sheet.toLowerCase()];
    }),
  );
  const takenSheets = new Set(workbook.sheets.map((sheet) => sheet.toLowerCase()));
  const takenTables = new Set([
    ...workbook.tables
      .filter((table) => rules.clearedSheetKeepsTables || !replaced.has(table.sheet.toLowerCase()))
      .map((table) => table.name.toLowerCase()),
    ...workbook.names.map((name) => name.name.toLowerCase()),
  ]);
  return outputs.map((output) => {
    const replaces = owned.get(output.kind) ?? null;
    const wanted = wantedTables(output);
    const kept = replaces === null ? null : plannerTables(workbook, replaces, wanted);
    const notes: string[] = [];
    let sheetName = replaces;
    if (sheetName === null) {
      sheetName = freeName(output.sheetName, takenSheets, (n) => `${output.sheetName} (${n})`);
      if (sheetName !== output.sheetName) notes.push(sheetTakenNote(output.sheetName, sheetName));
      takenSheets.add(sheetName.toLowerCase());
    }
    const tableNames =
      kept ??
      wanted.map((name) => {
        const free = freeName(name, takenTables, (n) => `${name}${n}`);
        if (free !== name) notes.push(tableTakenNote(name, free));
        return free;
      });
    for (const name of tableNames) takenTables.add(name.toLowerCase());
    const marker = ownedSheetName(output.kind);
    return {
      kind: output.kind,
      sheetName,
      replaces,
      tableNames,
      inPlace: kept !== null,
      marker: replaces === null ? { name: marker, formula: ownedSheetFormula(sheetName) } : null,
      staleMarker:
        replaces === null ? (workbook.names.find((name) => sameName(name.name, marker))?.name ?? null) : null,
      note: notes.length > 0 ? notes.join(" ") : null,
    };
  });
}

/** The name a planner input table written afresh on `sheetName` takes: its own, unless a table on another sheet has it. */
export function inputTableName(tableName: string, sheetName: string, workbook: WorkbookNames): string {
  const taken = new Set(
    workbook.tables
      .filter((table) => !sameName(table.sheet, sheetName))
      .map((table) => table.name.toLowerCase()),
  );
  return freeName(tableName, taken, (n) => `${tableName}${n}`);
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
