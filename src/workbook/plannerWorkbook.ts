/**
 * The one small interface through which every face reads and writes a
 * workbook. The file implementation (xlsx/) serves the CLI and the browser
 * pane; the Office.js implementation (office/) serves the add-in.
 */
import type { CellBlock, CellValue } from "../core/cells";
import type { OutputKind, OutputSheet } from "../core/outputTable";

export type SourceKind = "table" | "name" | "sheet" | "selection";

/** Where the vehicle table is: an Excel table, a named range, a whole sheet or the selection. */
export interface SourceRef {
  kind: SourceKind;
  /** Table name, defined name or sheet name; ignored for the selection. */
  name: string;
}

export interface SourceCandidate extends SourceRef {
  /** What the user sees in a list: "tblVehicles (Vehicles!A1:T25)". */
  label: string;
  /** A1 address with sheet. */
  address: string;
}

/** Where one output sheet went. */
export interface WrittenSheet {
  kind: OutputKind;
  sheetName: string;
  tableName: string;
  /** Said to the user when the SPEC's name was taken by a sheet or table of theirs. */
  note: string | null;
}

export interface WriteOptions {
  /** Called with a fraction 0…1 as the write goes on. */
  onProgress?: (fraction: number) => void;
  /**
   * Checked before the first change: a cancelled write throws WriteCancelledError
   * and leaves the workbook as it was. Once a change has reached the workbook the
   * write goes on to the end, so no sheet is left half-written.
   */
  isCancelled?: () => boolean;
}

/** How a read reports and stops: the lead log is long; the first look at a source needs only its top rows. */
export interface ReadOptions {
  /** Read at most this many rows from the top of each source (enough to find a header row); a face may read more. */
  firstRows?: number;
  /** Called with a fraction 0…1 as the read goes on. */
  onProgress?: (fraction: number) => void;
  /** Checked between row blocks; a cancelled read rejects with ReadCancelledError. */
  isCancelled?: () => boolean;
}

export class ReadCancelledError extends Error {
  constructor() {
    super("Reading was cancelled.");
    this.name = "ReadCancelledError";
  }
}

export interface PlannerWorkbook {
  /** Excel tables, named ranges and sheets the user can plan from, in workbook order. */
  listSources(): Promise<SourceCandidate[]>;
  /** The cells of a source, header row first, with cached values of formula cells. */
  readSource(source: SourceRef, options?: ReadOptions): Promise<CellBlock>;
  /** Whether the workbook counts dates from 1904 (its date1904 flag), so date serials are read in that system. */
  usesDate1904(): Promise<boolean>;
  /** The used range of a sheet, or null when the workbook has no sheet of that name. */
  readSheet(name: string): Promise<CellBlock | null>;
  /**
   * Several sources in one go (the vehicle table, the settings sheet and the
   * attention table of one plan), so the add-in reads them in one round
   * trip; null for a source the workbook does not have.
   */
  readSources(sources: SourceRef[], options?: ReadOptions): Promise<(CellBlock | null)[]>;
  /** Replace the planner's own output sheets with these; never touches a sheet the planner did not make. */
  writeOutputs(sheets: OutputSheet[], options?: WriteOptions): Promise<WrittenSheet[]>;
  /**
   * Create or update rows of a planner-owned input table (`Planner Settings`
   * / `tblPlannerSettings`, `Planner Scenarios` / `tblPlannerScenarios`).
   * With "upsert-by-first-column" a row whose first cell matches an existing
   * row's (normalised like a header) replaces it and the others are appended.
   */
  writeInputTable(
    sheetName: string,
    tableName: string,
    headers: string[],
    rows: CellValue[][],
    mode: "upsert-by-first-column" | "append",
  ): Promise<void>;
  /**
   * Replaces the rows of a planner input table whose first cell is `key`
   * (trimmed, case-insensitive; a scenario's rows) with `rows`: the new rows
   * take the old rows' places in order, old rows left over are deleted, new
   * rows left over go at the table's end; with no rows the key's rows are
   * deleted. The table keeps its style, widths, formats and other rows.
   * Resolves to how many rows the key had.
   */
  replaceInputRows(
    sheetName: string,
    tableName: string,
    headers: string[],
    key: string,
    rows: CellValue[][],
  ): Promise<number>;
}
