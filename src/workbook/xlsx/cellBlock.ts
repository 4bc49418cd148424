import type { CellBlock, CellValue } from "../../core/cells";
import type { Range } from "./ranges";
import type { SheetGrid } from "./sheetCells";

/**
 * The cells of a range. A row that spans the sheet's columns exactly is the
 * grid's own array (blocks are never changed once read), so reading a whole
 * sheet copies no row.
 */
export function blockOf(grid: SheetGrid, sheet: string, range: Range): CellBlock {
  const width = range.right - range.left + 1;
  const whole = range.left === 1 && range.right === grid.right;
  const emptyRow: CellValue[] = Object.freeze(new Array<CellValue>(width).fill(null)) as CellValue[];
  const rows: CellValue[][] = [];
  let i = firstAtOrAfter(grid.rowNumbers, range.top);
  for (let row = range.top; row <= range.bottom; row++) {
    while (i < grid.rowNumbers.length && grid.rowNumbers[i] < row) i++;
    if (i >= grid.rowNumbers.length || grid.rowNumbers[i] !== row) {
      rows.push(emptyRow);
      continue;
    }
    const source = grid.rows[i];
    if (whole) {
      rows.push(source);
      continue;
    }
    const values = new Array<CellValue>(width).fill(null);
    for (let column = range.left; column <= Math.min(range.right, source.length); column++) {
      values[column - range.left] = source[column - 1];
    }
    rows.push(values);
  }
  return { sheet, top: range.top, left: range.left, cells: rows };
}

/** The place of the first of the ascending `numbers` at or after `value`. */
function firstAtOrAfter(numbers: readonly number[], value: number): number {
  let low = 0;
  let high = numbers.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (numbers[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
