/**
 * Reads a worksheet part's cells: numbers, shared and inline strings,
 * booleans, error values and the cached values of formula cells. The part's
 * text comes in pieces (see OpcPackage.streamText) and is scanned a run of
 * whole rows at a time, straight into one array per row, so a sheet of a
 * million rows is never held as one string beside its cells.
 */
import type { CellValue } from "../../core/cells";
import { spreadsheetMain } from "./dialect";
import {
  detached,
  digitsAt,
  endsName,
  GREATER,
  numberAt,
  patternsFor,
  SHEET_DATA,
  SLASH,
  StartTag,
  type Patterns,
} from "./sheetXml";
import { decodeCellText } from "./xml";

/** The rows of a sheet that hold a value, in row order, each from column A to the sheet's last column. */
export interface SheetGrid {
  /** Sheet row numbers (1-based), ascending. */
  rowNumbers: number[];
  /** Each row's cells from column A, all `right` long, null where empty. */
  rows: CellValue[][];
  /** The leftmost and rightmost columns that hold a value (1-based), 0 when none does. */
  left: number;
  right: number;
}

/**
 * The shared strings, in order. Matched one at a time rather than all
 * gathered first: a table of a million strings gathered as matches held a
 * million match arrays at once. Each string is a slice of the part's text,
 * which they keep alive (one copy of the text, no copy per string).
 */
export function readSharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const patterns = patternsFor(spreadsheetMain(xml).prefix);
  const strings: string[] = [];
  for (const match of xml.matchAll(patterns.sharedString)) {
    const content = match[1];
    strings.push(content ? patterns.richText(content, 0, content.length) : "");
  }
  return strings;
}

/** 'C' → 3, 'AA' → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/**
 * Reads a worksheet part's text piece by piece into a SheetGrid. Rows and
 * cells are found with indexOf and their tags read by character, not with
 * regular expressions: on a million rows the match arrays and the cut
 * strings cost more than the scan itself.
 */
export class SheetScanner {
  private pending = "";
  private patterns: Patterns | null = null;
  private rowNumber = 0;
  private inOrder = true;
  private readonly grid: SheetGrid = { rowNumbers: [], rows: [], left: 0, right: 0 };
  private readonly tag = new StartTag();
  /**
   * The row being read, null where empty. Each row is copied out of it at its
   * width: an array grown cell by cell keeps spare room, which on a million
   * rows is more than the cells themselves.
   */
  private readonly row: CellValue[] = [];

  constructor(private readonly sharedStrings: readonly string[]) {}

  /**
   * Scans the whole rows the text completes. The rows are read where they
   * lie in the piece: joining each piece to the unfinished row before it and
   * searching the joined string cost V8 as much as the scan of every cell.
   * Only the unfinished row and the piece's first row are joined.
   */
  push(piece: string): void {
    let text = piece;
    if (this.patterns === null) {
      this.pending += text;
      const start = SHEET_DATA.exec(this.pending);
      if (!start) return;
      this.patterns = patternsFor(spreadsheetMain(this.pending.slice(0, start.index)).prefix);
      text = this.pending.slice(start.index);
      this.pending = "";
    }
    const rowEnd = this.patterns.rowEnd;
    const firstEnd = text.indexOf(rowEnd) + rowEnd.length;
    if (firstEnd < rowEnd.length) {
      this.pending += text;
      return;
    }
    const head = this.pending + text.slice(0, firstEnd);
    this.scanRows(head, 0, head.length);
    const lastEnd = text.lastIndexOf(rowEnd) + rowEnd.length;
    this.scanRows(text, firstEnd, lastEnd);
    this.pending = text.slice(lastEnd);
  }

  /** The grid, once the whole part has been pushed. */
  finish(): SheetGrid {
    if (this.patterns !== null) this.scanRows(this.pending, 0, this.pending.length);
    this.pending = "";
    const grid = this.grid;
    if (!this.inOrder) {
      const order = grid.rowNumbers.map((_, i) => i).sort((a, b) => grid.rowNumbers[a] - grid.rowNumbers[b]);
      grid.rowNumbers = order.map((i) => grid.rowNumbers[i]);
      grid.rows = order.map((i) => grid.rows[i]);
    }
    for (const row of grid.rows) while (row.length < grid.right) row.push(null);
    return grid;
  }

  /** Each `<row>` that starts at or after `from` and ends before `to` (rows do not nest). */
  private scanRows(xml: string, from: number, to: number): void {
    const { rowOpen } = this.patterns as Patterns;
    const tag = this.tag;
    let at = xml.indexOf(rowOpen, from);
    while (at >= 0 && at < to) {
      const nameEnd = at + rowOpen.length;
      if (!endsName(xml.charCodeAt(nameEnd))) {
        at = xml.indexOf(rowOpen, nameEnd);
        continue;
      }
      if (!tag.read(xml, nameEnd, to)) return;
      const number = tag.rowNumber(xml);
      this.rowNumber = number >= 0 ? number : this.rowNumber + 1;
      const end = tag.selfClosing ? tag.end + 1 : this.scanCells(xml, tag.end + 1, to);
      if (end < 0) return;
      at = xml.indexOf(rowOpen, end);
    }
  }

  /**
   * The cells of the row whose content starts at `from`, added to the grid
   * when one holds a value; where the row's end tag ends, or -1 when it does
   * not end before `to`. Anything in the row but its cells is passed over.
   */
  private scanCells(xml: string, from: number, to: number): number {
    const { cellOpen, cellEnd, rowEnd } = this.patterns as Patterns;
    const tag = this.tag;
    const row = this.row;
    let column = 0;
    let first = 0;
    let last = 0;
    let at = xml.indexOf("<", from);
    for (;;) {
      if (at < 0 || at >= to) return this.dropRow(last);
      if (xml.startsWith(rowEnd, at)) break;
      if (!xml.startsWith(cellOpen, at) || !endsName(xml.charCodeAt(at + cellOpen.length))) {
        at = xml.indexOf("<", at + 1);
        continue;
      }
      if (!tag.read(xml, at + cellOpen.length, to)) return this.dropRow(last);
      const ref = tag.column(xml);
      column = ref >= 0 ? ref : column + 1;
      if (tag.selfClosing) {
        at = xml.indexOf("<", tag.end + 1);
        continue;
      }
      const close = xml.indexOf(cellEnd, tag.end + 1);
      if (close < 0 || close >= to) return this.dropRow(last);
      const value = this.cellValue(xml, tag.cellType(xml), tag.end + 1, close);
      if (value !== null && value !== "") {
        while (row.length < column) row.push(null);
        row[column - 1] = value;
        if (first === 0 || column < first) first = column;
        last = Math.max(last, column);
      }
      at = xml.indexOf("<", close + cellEnd.length);
    }
    if (first > 0) this.addRow(first, last);
    return at + rowEnd.length;
  }

  /** Forgets a row that does not end where it should (a damaged part): -1. */
  private dropRow(last: number): number {
    this.row.fill(null, 0, last);
    return -1;
  }

  /** Copies the row read, whose values lie from column `first` to `last`, into the grid. */
  private addRow(first: number, last: number): void {
    const grid = this.grid;
    const row = this.row;
    const previous = grid.rowNumbers.length - 1;
    if (previous >= 0 && grid.rowNumbers[previous] >= this.rowNumber) this.inOrder = false;
    grid.left = grid.left === 0 ? first : Math.min(grid.left, first);
    grid.right = Math.max(grid.right, last);
    while (row.length < grid.right) row.push(null);
    grid.rowNumbers.push(this.rowNumber);
    grid.rows.push(row.slice(0, grid.right));
    row.fill(null, 0, last);
  }

  /** The value of a cell of type `type` whose content lies between `from` and `to`. */
  private cellValue(xml: string, type: string, from: number, to: number): CellValue {
    const patterns = this.patterns as Patterns;
    if (type === "inlineStr") {
      const open = xml.indexOf(patterns.inlineOpen, from);
      const start = open + patterns.inlineOpen.length;
      const end = open < 0 || open >= to ? -1 : xml.indexOf(patterns.inlineEnd, start);
      return end < 0 || end > to ? null : detached(patterns.richText(xml, start, end));
    }
    const start = this.valueStart(xml, from, to);
    if (start < 0) return null;
    const end = xml.indexOf("<", start);
    switch (type) {
      case "s": {
        const index = digitsAt(xml, start, end);
        return this.sharedStrings[index >= 0 ? index : Number(xml.slice(start, end))] ?? null;
      }
      case "str":
      case "d":
        return detached(decodeCellText(xml.slice(start, end)));
      case "b":
        return xml.slice(start, end).trim() === "1";
      case "e":
        return { error: detached(decodeCellText(xml.slice(start, end)).trim()) };
      default: {
        const number = numberAt(xml, start, end);
        return Number.isFinite(number) ? number : null;
      }
    }
  }

  /**
   * Where the text of the cell's `<v>` starts, the cell's content lying
   * between `from` and `to`, or -1 when it has none. A cell holds at most a
   * formula, a value, inline text and extensions, in that order, so content
   * that opens with `<v>` and closes with `</v>` is that value alone.
   */
  private valueStart(xml: string, from: number, to: number): number {
    const { valueOpen, valueEnd } = this.patterns as Patterns;
    if (
      xml.startsWith(valueOpen, from) &&
      xml.charCodeAt(from + valueOpen.length) === GREATER &&
      xml.startsWith(valueEnd, to - valueEnd.length)
    ) {
      return from + valueOpen.length + 1;
    }
    let at = xml.indexOf(valueOpen, from);
    while (at >= 0 && at < to && !endsName(xml.charCodeAt(at + valueOpen.length))) {
      at = xml.indexOf(valueOpen, at + valueOpen.length);
    }
    if (at < 0 || at >= to) return -1;
    const tagEnd = xml.indexOf(">", at);
    if (tagEnd < 0 || tagEnd >= to || xml.charCodeAt(tagEnd - 1) === SLASH) return -1;
    const end = xml.indexOf("<", tagEnd + 1);
    return end >= 0 && end < to && xml.startsWith(valueEnd, end) ? tagEnd + 1 : -1;
  }
}
