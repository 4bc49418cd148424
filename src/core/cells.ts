/** An Excel error value as it sits in a cell, e.g. `{ error: "#N/A" }`. */
export interface ExcelError {
  readonly error: string;
}

/** What one cell can hold, as every face hands it to the engine. */
export type CellValue = number | string | boolean | null | ExcelError;

/**
 * A rectangular block of cells read from one sheet. `cells[0][0]` sits at
 * sheet row `top`, column `left` (both 1-based), so the engine can name any
 * cell the way Excel writes a reference.
 */
export interface CellBlock {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly cells: readonly (readonly CellValue[])[];
}

export function isExcelError(value: unknown): value is ExcelError {
  return (
    typeof value === "object" && value !== null && typeof (value as { error?: unknown }).error === "string"
  );
}
