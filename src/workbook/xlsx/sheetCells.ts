/**
 * Reads a worksheet part's cells: numbers, shared and inline strings,
 * booleans, error values and the cached values of formula cells, scanning
 * the XML as text (fast, and fine for a sheet that reaches row 1,048,576).
 */
import type { CellValue } from "../../core/cells";
import { attributes, decodeCellText } from "./xml";

/** The cells of a sheet by row number, then column number (both 1-based). */
export type SheetCells = Map<number, Map<number, CellValue>>;

const TEXT_RUN = /<t(?:\s[^>]*)?>([^<]*)<\/t>/g;
const PHONETIC = /<rPh\b[\s\S]*?<\/rPh>/g;

/** The text of an `<si>` or `<is>` element: every run's `<t>`, without phonetic guides. */
export function richText(xml: string): string {
  let text = "";
  for (const match of xml.replace(PHONETIC, "").matchAll(TEXT_RUN)) text += match[1];
  return decodeCellText(text);
}

export function readSharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((match) =>
    match[1] ? richText(match[1]) : "",
  );
}

/** 'C' → 3, 'AA' → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const REF = /^([A-Z]+)(\d+)$/;
const VALUE = /<v(?:\s[^>]*)?>([^<]*)<\/v>/;
const INLINE = /<is>([\s\S]*?)<\/is>/;

function cellValue(type: string | undefined, body: string, sharedStrings: readonly string[]): CellValue {
  if (type === "inlineStr") {
    const inline = INLINE.exec(body);
    return inline ? richText(inline[1]) : null;
  }
  const raw = VALUE.exec(body)?.[1];
  if (raw === undefined) return null;
  switch (type) {
    case "s":
      return sharedStrings[Number(raw)] ?? null;
    case "str":
    case "d":
      return decodeCellText(raw);
    case "b":
      return raw.trim() === "1";
    case "e":
      return { error: decodeCellText(raw).trim() };
    default: {
      const number = Number(raw);
      return Number.isFinite(number) ? number : null;
    }
  }
}

export function readSheetCells(xml: string, sharedStrings: readonly string[]): SheetCells {
  const rows: SheetCells = new Map();
  let rowNumber = 0;
  for (const rowMatch of xml.matchAll(ROW)) {
    const rowAttrs = attributes(rowMatch[1]);
    rowNumber = rowAttrs.r ? Number(rowAttrs.r) : rowNumber + 1;
    const body = rowMatch[2];
    if (!body) continue;
    let column = 0;
    const cells = new Map<number, CellValue>();
    for (const cellMatch of body.matchAll(CELL)) {
      const attrs = attributes(cellMatch[1]);
      const ref = attrs.r ? REF.exec(attrs.r) : null;
      column = ref ? columnNumber(ref[1]) : column + 1;
      const value = cellMatch[2] ? cellValue(attrs.t, cellMatch[2], sharedStrings) : null;
      if (value !== null && value !== "") cells.set(column, value);
    }
    if (cells.size > 0) rows.set(rowNumber, cells);
  }
  return rows;
}
