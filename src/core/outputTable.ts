/**
 * The face-neutral shape of one output sheet (SPEC 6): every face writes
 * these same tables, the file writer into the .xlsx package and the add-in
 * through Office.js, so they cannot drift apart.
 */

import type { ChartSpec } from "./charts";

/** How a column's numbers are shown; each maps to one Excel number format. */
export type ColumnFormat = "text" | "integer" | "money" | "moneyCents" | "percent" | "ratio" | "decimal";

/** The Excel number format code of each column format. */
export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: "@",
  integer: "0",
  money: "$#,##0",
  moneyCents: "$#,##0.00",
  percent: "0.0%",
  ratio: "0.00",
  decimal: "#,##0.0",
};

export interface OutputColumn {
  header: string;
  format: ColumnFormat;
  /** Width in Excel character units. */
  width: number;
  /**
   * Free text of a sentence or more a row (`Why`, `Reasons`): the add-in sends
   * these after the figures, in requests of their own.
   */
  prose?: boolean;
  /** Values above this are highlighted by a conditional format in Excel (a Load over 100 %). */
  highlightAbove?: number;
}

/** A cell of an output table: text is always written as text, never as a formula. */
export type OutputCell = string | number | null;

export type OutputKind = "shortlist" | "filter" | "mix" | "scenarios" | "budgetCurve" | "leadHealth";

/** A further table on a sheet (`tblLeadHealthByRep` beside `tblLeadHealthByVehicle`). */
export interface OutputTable {
  /** The table name the SPEC gives; a face may have to use `tblLeadHealthByRep2`. */
  tableName: string;
  columns: OutputColumn[];
  rows: OutputCell[][];
  /** More tables on the same sheet, each to the right of the one before with one empty column between. */
  moreTables?: OutputTable[];
}

export interface OutputSheet {
  kind: OutputKind;
  /** The sheet name the SPEC gives (`Shortlist`); a face may have to use `Shortlist (2)`. */
  sheetName: string;
  /** The table name the SPEC gives (`tblShortlist`); a face may have to use `tblShortlist2`. */
  tableName: string;
  columns: OutputColumn[];
  rows: OutputCell[][];
  /** More tables on the same sheet, each to the right of the one before with one empty column between. */
  moreTables?: OutputTable[];
  /** SPEC 11: the charts drawn from this table, on the same sheet. */
  charts?: ChartSpec[];
}
