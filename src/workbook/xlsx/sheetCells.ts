/**
 * Reads a worksheet part's cells: numbers, shared and inline strings,
 * booleans, error values and the cached values of formula cells. The part's
 * text comes in pieces (see OpcPackage.streamText) and is scanned a run of
 * whole rows at a time, straight into one array per row, so a sheet of a
 * million rows is never held as one string beside its cells.
 */
import type { CellValue } from "../../core/cells";
import { spreadsheetMain, tagPattern } from "./dialect";
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

/** The patterns for the elements of a part whose main namespace has the prefix `prefix` (`x:` or `""`). */
class Patterns {
  readonly rowName: string;
  readonly rowEnd: string;
  readonly cellName: string;
  readonly value: RegExp;
  readonly inline: RegExp;
  readonly textRun: RegExp;
  readonly phonetic: RegExp;
  readonly sharedString: RegExp;
  readonly plainText: RegExp;

  constructor(prefix: string) {
    const tag = (local: string) => tagPattern(prefix, local);
    this.rowName = `${prefix}row`;
    this.rowEnd = `</${prefix}row>`;
    this.cellName = `${prefix}c`;
    this.value = new RegExp(`<${tag("v")}(?:\\s[^>]*)?>([^<]*)</${tag("v")}>`);
    this.inline = new RegExp(`<${tag("is")}>([\\s\\S]*?)</${tag("is")}>`);
    this.textRun = new RegExp(`<${tag("t")}(?:\\s[^>]*)?>([^<]*)</${tag("t")}>`, "g");
    this.phonetic = new RegExp(`<${tag("rPh")}\\b[\\s\\S]*?</${tag("rPh")}>`, "g");
    this.sharedString = new RegExp(`<${tag("si")}>([\\s\\S]*?)</${tag("si")}>|<${tag("si")}/>`, "g");
    this.plainText = new RegExp(`^<${tag("t")}(?:\\s[^>]*)?>([^<]*)</${tag("t")}>$`);
  }

  /** The text of an `<si>` or `<is>` element: every run's `<t>`, without phonetic guides. */
  richText(xml: string): string {
    const plain = this.plainText.exec(xml);
    if (plain) return decodeCellText(plain[1]);
    let text = "";
    for (const match of xml.replace(this.phonetic, "").matchAll(this.textRun)) text += match[1];
    return decodeCellText(text);
  }
}

const PATTERNS = new Map<string, Patterns>();

function patternsFor(prefix: string): Patterns {
  let patterns = PATTERNS.get(prefix);
  if (!patterns) {
    patterns = new Patterns(prefix);
    PATTERNS.set(prefix, patterns);
  }
  return patterns;
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
    strings.push(match[1] ? patterns.richText(match[1]) : "");
  }
  return strings;
}

/** 'C' → 3, 'AA' → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const CELL_REF = /(?:^|\s)r\s*=\s*["']([A-Z]+)\d+["']/;
const ROW_REF = /(?:^|\s)r\s*=\s*["'](\d+)["']/;
const CELL_TYPE = /(?:^|\s)t\s*=\s*["']([^"']*)["']/;
const SHEET_DATA = /<(?:[\w.-]+:)?sheetData\b/;

/** Whether the character after `<name` ends the name: white space, `>` or `/`. */
function endsName(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 62 || code === 47;
}

/**
 * Calls `visit` for each `<name …>…</name>` or `<name …/>` element that
 * starts between `from` and `to` (a sheet's rows do not nest, nor do its
 * cells), with its attributes' text and where its content starts and ends
 * (the same place for an empty element). Found with indexOf rather than a
 * regular expression: on a million rows the match arrays cost more than the scan.
 */
function eachElement(
  xml: string,
  from: number,
  to: number,
  name: string,
  visit: (attrs: string, start: number, end: number) => void,
): void {
  const open = `<${name}`;
  const close = `</${name}>`;
  let at = xml.indexOf(open, from);
  while (at >= 0 && at < to) {
    const tagEnd = xml.indexOf(">", at);
    if (tagEnd < 0 || tagEnd >= to) return;
    if (!endsName(xml.charCodeAt(at + open.length))) {
      at = xml.indexOf(open, at + open.length);
      continue;
    }
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      visit(xml.slice(at + open.length, tagEnd - 1), tagEnd + 1, tagEnd + 1);
      at = xml.indexOf(open, tagEnd + 1);
      continue;
    }
    const end = xml.indexOf(close, tagEnd + 1);
    if (end < 0 || end > to) return;
    visit(xml.slice(at + open.length, tagEnd), tagEnd + 1, end);
    at = xml.indexOf(open, end + close.length);
  }
}

/**
 * Text cut from a piece of the part keeps the whole piece alive in V8 (a
 * sliced string); joined to a character and cut again it is copied, so the
 * cells keep only their own text.
 */
function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** Reads a worksheet part's text piece by piece into a SheetGrid. */
export class SheetScanner {
  private pending = "";
  private patterns: Patterns | null = null;
  private rowNumber = 0;
  private inOrder = true;
  private readonly grid: SheetGrid = { rowNumbers: [], rows: [], left: 0, right: 0 };

  constructor(private readonly sharedStrings: readonly string[]) {}

  push(text: string): void {
    this.pending += text;
    if (this.patterns === null) {
      const start = SHEET_DATA.exec(this.pending);
      if (!start) return;
      this.patterns = patternsFor(spreadsheetMain(this.pending.slice(0, start.index)).prefix);
      this.pending = this.pending.slice(start.index);
    }
    const close = this.pending.lastIndexOf(this.patterns.rowEnd);
    if (close < 0) return;
    const end = close + this.patterns.rowEnd.length;
    this.scanRows(this.pending.slice(0, end));
    this.pending = this.pending.slice(end);
  }

  /** The grid, once the whole part has been pushed. */
  finish(): SheetGrid {
    if (this.patterns !== null) this.scanRows(this.pending);
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

  private scanRows(xml: string): void {
    const patterns = this.patterns as Patterns;
    eachElement(xml, 0, xml.length, patterns.rowName, (attrs, start, end) => {
      const ref = ROW_REF.exec(attrs);
      this.rowNumber = ref ? Number(ref[1]) : this.rowNumber + 1;
      if (end > start) this.scanCells(xml, start, end, patterns);
    });
  }

  private scanCells(xml: string, from: number, to: number, patterns: Patterns): void {
    const cells: CellValue[] = [];
    let column = 0;
    let first = 0;
    eachElement(xml, from, to, patterns.cellName, (attrs, start, end) => {
      const ref = CELL_REF.exec(attrs);
      column = ref ? columnNumber(ref[1]) : column + 1;
      if (end === start) return;
      const value = this.cellValue(CELL_TYPE.exec(attrs)?.[1], xml.slice(start, end), patterns);
      if (value === null || value === "") return;
      while (cells.length < column - 1) cells.push(null);
      cells[column - 1] = value;
      if (first === 0 || column < first) first = column;
    });
    if (first === 0) return;
    const grid = this.grid;
    const last = grid.rowNumbers.length - 1;
    if (last >= 0 && grid.rowNumbers[last] >= this.rowNumber) this.inOrder = false;
    grid.rowNumbers.push(this.rowNumber);
    grid.rows.push(cells);
    grid.left = grid.left === 0 ? first : Math.min(grid.left, first);
    grid.right = Math.max(grid.right, cells.length);
  }

  private cellValue(type: string | undefined, body: string, patterns: Patterns): CellValue {
    if (type === "inlineStr") {
      const inline = patterns.inline.exec(body);
      return inline ? detached(patterns.richText(inline[1])) : null;
    }
    const raw = patterns.value.exec(body)?.[1];
    if (raw === undefined) return null;
    switch (type) {
      case "s":
        return this.sharedStrings[Number(raw)] ?? null;
      case "str":
      case "d":
        return detached(decodeCellText(raw));
      case "b":
        return raw.trim() === "1";
      case "e":
        return { error: detached(decodeCellText(raw).trim()) };
      default: {
        const number = Number(raw);
        return Number.isFinite(number) ? number : null;
      }
    }
  }
}
