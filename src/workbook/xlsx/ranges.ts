/** A1 ranges in the package's parts: a table's `ref`, a defined name's `'Vehicle List'!$A$1:$T$25`. */
import { columnNumber } from "./sheetCells";

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const RANGE = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;

export function parseRange(ref: string): Range | null {
  const match = RANGE.exec(ref.trim().toUpperCase());
  if (!match) return null;
  const left = columnNumber(match[1]);
  const top = Number(match[2]);
  const right = match[3] ? columnNumber(match[3]) : left;
  const bottom = match[4] ? Number(match[4]) : top;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** `'Vehicle List'!$A$1:$T$25` → the sheet and the range. */
export function parseSheetRange(formula: string): { sheet: string; range: Range } | null {
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!([$A-Za-z0-9:]+)$/.exec(formula.trim().replace(/^=/, ""));
  if (!match) return null;
  const range = parseRange(match[3]);
  if (!range) return null;
  return { sheet: match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2], range };
}

/** Sheet, table and defined names compare case-insensitively, as in Excel. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
