/**
 * Worksheet XML read by character: the tags a scan looks for under the
 * part's prefix, start tags' `r` and `t` attributes, plain decimals parsed
 * without cutting a string, and text detached from the piece it was cut from.
 * On a million rows, match arrays and cut strings cost more than the scan.
 */
import { tagPattern } from "./dialect";
import { decodeCellText } from "./xml";

/** The tags and patterns for the elements of a part whose main namespace has the prefix `prefix` (`x:` or `""`). */
export class Patterns {
  readonly rowOpen: string;
  readonly rowEnd: string;
  readonly cellOpen: string;
  readonly cellEnd: string;
  readonly valueOpen: string;
  readonly valueEnd: string;
  readonly inlineOpen: string;
  readonly inlineEnd: string;
  readonly textOpen: string;
  readonly textEnd: string;
  readonly textRun: RegExp;
  readonly phonetic: RegExp;
  readonly sharedString: RegExp;

  constructor(prefix: string) {
    const tag = (local: string) => tagPattern(prefix, local);
    this.rowOpen = `<${prefix}row`;
    this.rowEnd = `</${prefix}row>`;
    this.cellOpen = `<${prefix}c`;
    this.cellEnd = `</${prefix}c>`;
    this.valueOpen = `<${prefix}v`;
    this.valueEnd = `</${prefix}v>`;
    this.inlineOpen = `<${prefix}is>`;
    this.inlineEnd = `</${prefix}is>`;
    this.textOpen = `<${prefix}t`;
    this.textEnd = `</${prefix}t>`;
    this.textRun = new RegExp(`<${tag("t")}(?:\\s[^>]*)?>([^<]*)</${tag("t")}>`, "g");
    this.phonetic = new RegExp(`<${tag("rPh")}\\b[\\s\\S]*?</${tag("rPh")}>`, "g");
    this.sharedString = new RegExp(`<${tag("si")}>([\\s\\S]*?)</${tag("si")}>|<${tag("si")}/>`, "g");
  }

  /**
   * The text of the `<si>` or `<is>` element whose content is `xml` between
   * `from` and `to`: every run's `<t>`, without phonetic guides. A single
   * plain `<t>` (nearly every cell) is cut out directly.
   */
  richText(xml: string, from: number, to: number): string {
    const open = this.textOpen;
    if (xml.startsWith(open, from) && endsName(xml.charCodeAt(from + open.length))) {
      const tagEnd = xml.indexOf(">", from);
      const textEnd = xml.indexOf("<", tagEnd);
      if (
        xml.charCodeAt(tagEnd - 1) !== 47 &&
        textEnd + this.textEnd.length === to &&
        xml.startsWith(this.textEnd, textEnd)
      ) {
        return decodeCellText(xml.slice(tagEnd + 1, textEnd));
      }
    }
    let text = "";
    for (const match of xml.slice(from, to).replace(this.phonetic, "").matchAll(this.textRun))
      text += match[1];
    return decodeCellText(text);
  }
}

const PATTERNS = new Map<string, Patterns>();

export function patternsFor(prefix: string): Patterns {
  let patterns = PATTERNS.get(prefix);
  if (!patterns) {
    patterns = new Patterns(prefix);
    PATTERNS.set(prefix, patterns);
  }
  return patterns;
}

export const SHEET_DATA = /<(?:[\w.-]+:)?sheetData\b/;
const TAB = 9;
const LINE_FEED = 10;
const RETURN = 13;
const SPACE = 32;
const QUOTE = 34;
const APOSTROPHE = 39;
const MINUS = 45;
const DOT = 46;
export const SLASH = 47;
const EQUALS = 61;
export const GREATER = 62;
/** The cell types (`t`) the reader tells apart; any other is read as a number, as Excel does. */
const CELL_TYPES = ["s", "str", "inlineStr", "b", "e", "d"];
/** 10^0 … 10^22, each exactly a double. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB || code === LINE_FEED || code === RETURN;
}

/** Whether the character after `<name` ends the name: white space, `>` or `/`. */
export function endsName(code: number): boolean {
  return isSpace(code) || code === GREATER || code === SLASH;
}

/**
 * The start tag last read: where it ends, whether it closes itself, and where
 * the values of its `r` and `t` attributes lie (-1 when it has none). Read
 * character by character into this one object: on a million rows, cutting
 * each tag's text and matching it cost more than the rest of the scan.
 */
export class StartTag {
  /** Where its `>` is. */
  end = -1;
  selfClosing = false;
  ref = -1;
  refEnd = -1;
  type = -1;
  typeEnd = -1;

  /** Reads the tag whose name ends at `from`; false when it does not end before `to`. */
  read(xml: string, from: number, to: number): boolean {
    this.ref = this.type = -1;
    let at = from;
    while (at < to) {
      const code = xml.charCodeAt(at);
      if (isSpace(code)) {
        at++;
      } else if (code === GREATER || (code === SLASH && xml.charCodeAt(at + 1) === GREATER)) {
        return this.ended(xml, code === SLASH ? at + 1 : at, to);
      } else {
        const nameStart = at;
        while (at < to && !endsName(xml.charCodeAt(at)) && xml.charCodeAt(at) !== EQUALS) at++;
        const named = at - nameStart === 1 ? xml.charCodeAt(nameStart) : 0;
        while (at < to && isSpace(xml.charCodeAt(at))) at++;
        if (xml.charCodeAt(at) !== EQUALS) return this.ended(xml, xml.indexOf(">", at), to);
        at++;
        while (at < to && isSpace(xml.charCodeAt(at))) at++;
        const quote = xml.charCodeAt(at);
        if (quote !== QUOTE && quote !== APOSTROPHE) return this.ended(xml, xml.indexOf(">", at), to);
        const valueStart = ++at;
        while (at < to && xml.charCodeAt(at) !== quote) at++;
        if (named === 114 /* r */) {
          this.ref = valueStart;
          this.refEnd = at;
        } else if (named === 116 /* t */) {
          this.type = valueStart;
          this.typeEnd = at;
        }
        at++;
      }
    }
    return false;
  }

  /** The row number of a row's `r="12"`, or -1 when it has none in that form. */
  rowNumber(xml: string): number {
    return this.ref < 0 ? -1 : digitsAt(xml, this.ref, this.refEnd);
  }

  /** The column (1-based) of a cell's `r="AB12"` (28), or -1 when it has none in that form. */
  column(xml: string): number {
    if (this.ref < 0) return -1;
    let column = 0;
    let at = this.ref;
    for (; at < this.refEnd; at++) {
      const code = xml.charCodeAt(at);
      if (code < 65 || code > 90) break;
      column = column * 26 + (code - 64);
    }
    return at > this.ref && digitsAt(xml, at, this.refEnd) >= 0 ? column : -1;
  }

  /** The cell type (`t`): one of CELL_TYPES, or "" for a number. */
  cellType(xml: string): string {
    if (this.type < 0) return "";
    const length = this.typeEnd - this.type;
    for (const type of CELL_TYPES) if (type.length === length && xml.startsWith(type, this.type)) return type;
    return "";
  }

  private ended(xml: string, end: number, to: number): boolean {
    this.end = end;
    this.selfClosing = xml.charCodeAt(end - 1) === SLASH;
    return end >= 0 && end < to;
  }
}

/** The number written in plain digits from `from` to `to` (at most 15 of them, so exact), or -1. */
export function digitsAt(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let at = from; at < to; at++) {
    const digit = xml.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * The number written from `from` to `to`. A plain decimal of at most 15
 * digits (`-45658.5416666667`) is its digits divided by a power of ten: both
 * are exact doubles and the division rounds correctly, so the result is
 * exactly what Number gives, without cutting a string for each cell.
 * Anything else (exponents, more digits, stray text) goes to Number.
 */
export function numberAt(xml: string, from: number, to: number): number {
  const negative = xml.charCodeAt(from) === MINUS;
  let digits = 0;
  let n = 0;
  let decimals = -1;
  for (let at = negative ? from + 1 : from; at < to; at++) {
    const code = xml.charCodeAt(at);
    if (code === DOT && decimals < 0) {
      decimals = 0;
      continue;
    }
    const digit = code - 48;
    if (digit < 0 || digit > 9 || ++digits > 15) return Number(xml.slice(from, to));
    n = n * 10 + digit;
    if (decimals >= 0) decimals++;
  }
  if (digits === 0) return Number(xml.slice(from, to));
  const value = decimals > 0 ? n / POWERS_OF_TEN[decimals] : n;
  return negative ? -value : value;
}

/**
 * Text cut from a piece of the part keeps the whole piece alive in V8 (a
 * sliced string); joined to a character and cut again it is copied, so the
 * cells keep only their own text.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
