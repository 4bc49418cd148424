/**
 * Rewrites the body of an Excel table where it stands in its worksheet part,
 * as Excel does when rows are typed, added or deleted: only the cells whose
 * value changes are written, a new cell takes the style (number format) of
 * the cell above it in its column, and the sheet's column widths, the
 * table's style and every cell outside the table's columns stay as they were.
 */
import type { CellValue } from "../../core/cells";
import { cellReference, columnLetters } from "../../core/cellReference";
import { spreadsheetMain, tagPattern } from "./dialect";
import { columnNumber } from "./sheetCells";
import { attributes, escapeCellText } from "./xml";

/** A table's place on its sheet (1-based) and its body before and after. */
export interface TableBodyEdit {
  sheetName: string;
  /** The header row. */
  top: number;
  left: number;
  right: number;
  /** The body as read, each row the table's width. */
  old: readonly (readonly CellValue[])[];
  /** The body to write, each row the table's width. */
  rows: readonly (readonly (string | number | null)[])[];
}

export class TableInTheWayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TableInTheWayError";
  }
}

interface SheetCell {
  column: number;
  xml: string;
  style: string | null;
  /** Whether the cell holds a value or formula (not just a format). */
  filled: boolean;
}

interface SheetRow {
  attrs: string;
  cells: SheetCell[];
  changed: boolean;
}

/** The last row of a table with `count` body rows: a table with no rows still spans one empty row. */
export function tableBottom(top: number, count: number): number {
  return top + Math.max(1, count);
}

function sameValue(old: CellValue, value: string | number | null): boolean {
  if (old === null || old === "") return value === null || value === "";
  return typeof old === typeof value && old === value;
}

/** The worksheet part with the table's body rewritten. Throws TableInTheWayError when a new row would cover a cell of the user's. */
export function rewriteTableBody(sheetXml: string, edit: TableBodyEdit): string {
  const p = spreadsheetMain(sheetXml).prefix;
  const tag = (local: string) => tagPattern(p, local);
  const sheetData = new RegExp(`<${tag("sheetData")}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${tag("sheetData")}>)`);
  const found = sheetData.exec(sheetXml);
  if (!found) return sheetXml;
  const rowPattern = new RegExp(`<${tag("row")}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${tag("row")}>)`, "g");
  const cellPattern = new RegExp(`<${tag("c")}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${tag("c")}>)`, "g");
  const rows = new Map<number, SheetRow>();
  let lastRow = 0;
  for (const row of (found[2] ?? "").matchAll(rowPattern)) {
    const number = Number(attributes(row[1]).r ?? lastRow + 1);
    lastRow = number;
    let lastColumn = 0;
    const cells = [...(row[2] ?? "").matchAll(cellPattern)].map((cell) => {
      const attrs = attributes(cell[1]);
      const column = attrs.r ? columnNumber(attrs.r.replace(/\d+$/, "")) : lastColumn + 1;
      lastColumn = column;
      // A cell written without its reference gets one, so the cells around it keep their places.
      const xml = attrs.r
        ? cell[0]
        : cell[0].replace(new RegExp(`^<${tag("c")}`), `<${p}c r="${columnLetters(column)}${number}"`);
      return { column, xml, style: attrs.s ?? null, filled: /<\w*:?(?:v|is|f)\b/.test(cell[2] ?? "") };
    });
    rows.set(number, { attrs: row[1], cells, changed: !attributes(row[1]).r });
  }

  const { top, left, right } = edit;
  const oldBottom = tableBottom(top, edit.old.length);
  const newBottom = tableBottom(top, edit.rows.length);
  for (let number = oldBottom + 1; number <= newBottom; number++) {
    const taken = rows
      .get(number)
      ?.cells.find((cell) => cell.filled && cell.column >= left && cell.column <= right);
    if (taken) {
      throw new TableInTheWayError(
        `${cellReference(edit.sheetName, number, taken.column)} is in the way of the table's new rows: move what is below the table and save again.`,
      );
    }
  }

  const styleAbove = (number: number, column: number): string | null => {
    for (let above = number - 1; above > top; above--) {
      const cell = rows.get(above)?.cells.find((candidate) => candidate.column === column);
      if (cell?.style) return cell.style;
    }
    return null;
  };
  for (let number = top + 1; number <= Math.max(oldBottom, newBottom); number++) {
    const r = number - top - 1;
    const values = edit.rows[r];
    const row = rows.get(number) ?? { attrs: ` r="${number}"`, cells: [], changed: true };
    for (let column = left; column <= right; column++) {
      const value = values?.[column - left] ?? null;
      const old = r < edit.old.length ? (edit.old[r][column - left] ?? null) : null;
      const at = row.cells.findIndex((cell) => cell.column === column);
      const existing = at >= 0 ? row.cells[at] : null;
      if (existing && sameValue(old, value) && values !== undefined) continue;
      if (!existing && (value === null || value === "")) continue;
      const style = existing?.style ?? styleAbove(number, column);
      const written =
        values === undefined ? null : cellXml(p, `${columnLetters(column)}${number}`, value, style);
      row.changed = true;
      if (written === null) row.cells.splice(at, 1);
      else if (existing) row.cells[at] = { column, xml: written, style, filled: value !== null };
      else row.cells.push({ column, xml: written, style, filled: value !== null });
    }
    if (row.changed) {
      row.cells.sort((a, b) => a.column - b.column);
      rows.set(number, row);
    }
  }

  const body = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, row]) => {
      if (!row.changed) return rowXml(p, row.attrs, row.cells);
      // `spans` is a hint of the row's columns; a row whose cells changed drops it rather than keep a wrong one.
      const attrs = row.attrs
        .replace(/\s+spans\s*=\s*"[^"]*"/, "")
        .replace(/^(?![\s\S]*\br=)/, ` r="${number}"`);
      return rowXml(p, attrs, row.cells);
    })
    .join("");
  const rewritten =
    sheetXml.slice(0, found.index) +
    `<${p}sheetData${found[1]}>${body}</${p}sheetData>` +
    sheetXml.slice(found.index + found[0].length);
  return growDimension(rewritten, p, newBottom, right);
}

function rowXml(p: string, attrs: string, cells: readonly SheetCell[]): string {
  return cells.length === 0
    ? `<${p}row${attrs}/>`
    : `<${p}row${attrs}>${cells.map((cell) => cell.xml).join("")}</${p}row>`;
}

/** A cell of the body; a blank with a style keeps its format, a blank without one is no cell. */
function cellXml(p: string, ref: string, value: string | number | null, style: string | null): string | null {
  const s = style === null ? "" : ` s="${style}"`;
  if (value === null || value === "" || (typeof value === "number" && !Number.isFinite(value)))
    return style === null ? null : `<${p}c r="${ref}"${s}/>`;
  if (typeof value === "number") return `<${p}c r="${ref}"${s}><${p}v>${value}</${p}v></${p}c>`;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t${space}>${escapeCellText(value)}</${p}t></${p}is></${p}c>`;
}

/** `<dimension ref>` grown to take in the table's new last row and column. */
function growDimension(xml: string, p: string, bottom: number, right: number): string {
  return xml.replace(
    new RegExp(`(<${tagPattern(p, "dimension")}\\b[^>]*\\bref=")([A-Z]+)(\\d+)(?::([A-Z]+)(\\d+))?"`),
    (_, start: string, firstColumn: string, firstRow: string, lastColumn?: string, lastRow?: string) => {
      const endColumn = Math.max(columnNumber(lastColumn ?? firstColumn), right);
      const endRow = Math.max(Number(lastRow ?? firstRow), bottom);
      return `${start}${firstColumn}${firstRow}:${columnLetters(endColumn)}${endRow}"`;
    },
  );
}

/** The table part with its range (and its filter's and sort's) ending at `bottom`. */
export function tableEndingAt(tableXml: string, oldBottom: number, bottom: number): string {
  return tableXml.replace(
    new RegExp(`(\\bref="\\$?[A-Z]+\\$?\\d+:\\$?[A-Z]+\\$?)${oldBottom}"`, "g"),
    (_, start: string) => `${start}${bottom}"`,
  );
}
