/**
 * What Excel's refusals mean to the user: each Office.js error code the
 * planner can meet, in plain words with what to do, and the errors the
 * workbook raises itself when a write cannot start or did not finish.
 */
import { WRITE_CANCELLED } from "../../core/messages";

/** Said when Excel refuses a request because the user is typing in a cell. */
export const CELL_EDIT_MESSAGE =
  "Excel is editing a cell. Press Enter or Esc to finish typing, then try again.";

/** Excel.ErrorCodes the planner meets, each with what happened and what the user can do. */
const MESSAGES: Record<string, string> = {
  AccessDenied:
    "Excel refused the change: the workbook or the sheet is protected, or the file is read-only. " +
    "Unprotect it (Review › Unprotect) or open an editable copy, then try again.",
  InvalidOperationInCellEditMode: CELL_EDIT_MESSAGE,
  ItemNotFound: "A sheet, table or name the planner needs is no longer in the workbook.",
  ItemAlreadyExists: "The workbook already has a sheet or table of that name.",
  InsertDeleteConflict:
    "Excel could not move cells on the sheet (a merged cell, an array formula or another table is in the way). " +
    "Clear the cells below or beside the planner's table and try again.",
  RequestPayloadSizeLimitExceeded:
    "The request was larger than Excel accepts. Plan a smaller range or select the vehicle table only.",
  ResponsePayloadSizeLimitExceeded:
    "The range holds more data than Excel sends at once. Plan a smaller range or select the vehicle table only.",
  Conflict: "Someone else changed the workbook at the same time. Try again.",
  ActivityLimitReached: "Excel is busy. Wait a moment and try again.",
  RequestAborted: "Excel stopped the request. Try again.",
  Unauthenticated: "Excel needs you to sign in again before the workbook can be changed.",
  UnsupportedSheet: "The sheet is a chart sheet or a macro sheet, which the planner cannot read or write.",
};

interface OfficeErrorLike {
  code?: unknown;
  message?: unknown;
  debugInfo?: { errorLocation?: unknown };
}

/** The Office.js error code of a failure, or null for any other error. */
export function officeErrorCode(error: unknown): string | null {
  if (!error || typeof error !== "object") return null;
  const code = (error as OfficeErrorLike).code;
  return typeof code === "string" && code ? code : null;
}

/** A plain message for an Excel failure: the mapped text for a known code, else Excel's own message. */
export function excelErrorMessage(error: unknown): string {
  const code = officeErrorCode(error);
  if (code && MESSAGES[code]) return MESSAGES[code];
  const message = error && typeof error === "object" ? (error as OfficeErrorLike).message : error;
  return typeof message === "string" && message ? message : "Excel reported an unexpected error.";
}

/** A check before writing found that Excel would refuse the write; nothing was changed. */
export class WriteRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WriteRefusedError";
  }
}

/**
 * A write failed part-way. `unchanged` says whether the workbook is as it was
 * (the planner removed what it had added) or holds a partly written plan.
 */
export class WriteFailedError extends Error {
  constructor(
    readonly unchanged: boolean,
    cause: string,
  ) {
    super(
      unchanged
        ? `${cause} Nothing was written: the workbook is as it was.`
        : `${cause} The planner's sheets were only partly updated: write the plan again to finish.`,
    );
    this.name = "WriteFailedError";
  }
}

export class WriteCancelledError extends Error {
  constructor() {
    super(WRITE_CANCELLED);
    this.name = "WriteCancelledError";
  }
}
