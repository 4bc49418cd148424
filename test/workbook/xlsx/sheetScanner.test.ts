import fc from "fast-check";
import type { CellValue } from "../../../src/core/cells";
import { SheetScanner, type SheetGrid } from "../../../src/workbook/xlsx/sheetCells";
import { escapeCellText } from "../../../src/workbook/xlsx/xml";

const SHARED = ["Status", "Won & lost", "<Open>", "  spaced  "];
const ERRORS = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!"];

type Cell =
  | { kind: "number"; value: number; text?: string }
  | { kind: "shared"; index: number }
  | { kind: "inline"; text: string }
  | { kind: "formulaText"; text: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; error: string }
  | { kind: "empty" };

/** How a cell's start tag is written: the forms Excel, LibreOffice, openpyxl and the Open XML SDK use. */
interface Style {
  withRef: boolean;
  typeFirst: boolean;
  quote: '"' | "'";
  spaced: boolean;
  styled: boolean;
}

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map((value) => ({ kind: "number" as const, value: value === 0 ? 0 : value })),
  fc.integer({ min: 0, max: 1_000_000 }).map((value) => ({ kind: "number" as const, value })),
  fc
    .tuple(fc.integer({ min: -99_999, max: 99_999 }), fc.nat(9_999_999_999), fc.integer({ min: 1, max: 12 }))
    .map(([whole, fraction, decimals]) => {
      const text = `${whole}.${String(fraction).padStart(10, "0").slice(0, decimals)}`;
      return { kind: "number" as const, value: Number(text), text };
    }),
  fc.nat(SHARED.length - 1).map((index) => ({ kind: "shared" as const, index })),
  fc.string({ unit: "binary-ascii", maxLength: 20 }).map((text) => ({ kind: "inline" as const, text })),
  fc.string({ maxLength: 20 }).map((text) => ({ kind: "formulaText" as const, text })),
  fc.boolean().map((value) => ({ kind: "boolean" as const, value })),
  fc.constantFrom(...ERRORS).map((error) => ({ kind: "error" as const, error })),
  fc.constant({ kind: "empty" as const }),
);

const style: fc.Arbitrary<Style> = fc.record({
  withRef: fc.boolean(),
  typeFirst: fc.boolean(),
  quote: fc.constantFrom<'"' | "'">('"', "'"),
  spaced: fc.boolean(),
  styled: fc.boolean(),
});

/** A row: its gap after the previous row, and each cell with its gap after the previous cell. */
interface Row {
  gap: number;
  withRef: boolean;
  cells: { gap: number; cell: Cell; style: Style }[];
}

const row: fc.Arbitrary<Row> = fc.record({
  gap: fc.integer({ min: 1, max: 3 }),
  withRef: fc.boolean(),
  cells: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 3 }), cell, style }), { maxLength: 6 }),
});

function letters(column: number): string {
  let text = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

function cellXml(p: string, ref: string, cell: Cell, style: Style): string {
  const attr = (name: string, value: string) =>
    style.spaced
      ? ` ${name} = ${style.quote}${value}${style.quote}`
      : ` ${name}=${style.quote}${value}${style.quote}`;
  const type = (t: string) => {
    const parts = [
      style.withRef ? attr("r", ref) : "",
      style.styled ? attr("s", "3") : "",
      t ? attr("t", t) : "",
    ];
    return style.typeFirst ? [parts[2], parts[0], parts[1]].join("") : parts.join("");
  };
  const value = (text: string) => `<${p}v>${text}</${p}v>`;
  switch (cell.kind) {
    case "number":
      return `<${p}c${type("")}>${value(cell.text ?? String(cell.value))}</${p}c>`;
    case "shared":
      return `<${p}c${type("s")}>${value(String(cell.index))}</${p}c>`;
    case "inline":
      return `<${p}c${type("inlineStr")}><${p}is><${p}t xml:space="preserve">${escapeCellText(cell.text)}</${p}t></${p}is></${p}c>`;
    case "formulaText":
      return `<${p}c${type("str")}><${p}f>CONCAT(A1,"x")</${p}f>${value(escapeCellText(cell.text))}</${p}c>`;
    case "boolean":
      return `<${p}c${type("b")}>${value(cell.value ? "1" : "0")}</${p}c>`;
    case "error":
      return `<${p}c${type("e")}><${p}f>1/0</${p}f>${value(cell.error)}</${p}c>`;
    case "empty":
      return `<${p}c${type("")}/>`;
  }
}

function expectedValue(cell: Cell): CellValue {
  switch (cell.kind) {
    case "number":
      return cell.value;
    case "shared":
      return SHARED[cell.index];
    case "inline":
    case "formulaText":
      return cell.text === "" ? null : cell.text;
    case "boolean":
      return cell.value;
    case "error":
      return { error: cell.error };
    case "empty":
      return null;
  }
}

/** The worksheet's XML and the grid it holds, built side by side. */
function worksheet(rows: Row[], prefix: string): { xml: string; grid: SheetGrid } {
  const p = prefix ? `${prefix}:` : "";
  const grid: SheetGrid = { rowNumbers: [], rows: [], left: 0, right: 0 };
  let xml = `<?xml version="1.0"?><${p}worksheet xmlns${prefix ? `:${prefix}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>`;
  let number = 0;
  for (const { gap, withRef, cells } of rows) {
    number += gap;
    const rowRef = withRef || gap > 1 ? ` r="${number}"` : "";
    const values: CellValue[] = [];
    let column = 0;
    let body = "";
    for (const written of cells) {
      column += written.gap;
      const ref = `${letters(column)}${number}`;
      body += cellXml(p, ref, written.cell, {
        ...written.style,
        withRef: written.style.withRef || written.gap > 1,
      });
      const value = expectedValue(written.cell);
      if (value !== null) {
        while (values.length < column) values.push(null);
        values[column - 1] = value;
      }
    }
    xml += body ? `<${p}row${rowRef} spans="1:9">${body}</${p}row>` : `<${p}row${rowRef}/>`;
    if (values.length === 0) continue;
    const first = values.findIndex((value) => value !== null) + 1;
    grid.left = grid.left === 0 ? first : Math.min(grid.left, first);
    grid.right = Math.max(grid.right, values.length);
    grid.rowNumbers.push(number);
    grid.rows.push(values);
  }
  for (const values of grid.rows) while (values.length < grid.right) values.push(null);
  return { xml: `${xml}</${p}sheetData><${p}pageMargins left="0.7"/></${p}worksheet>`, grid };
}

describe("SPEC 1.1 and 10.2 a worksheet's cells read from its XML, in pieces as the part is inflated", () => {
  test("every value comes back as written, whatever the attribute forms, the prefix and where the pieces are cut", () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 12 }),
        fc.constantFrom("", "x"),
        fc.array(fc.nat(), { maxLength: 8 }),
        (rows, prefix, cuts) => {
          const { xml, grid } = worksheet(rows, prefix);
          const at = [...new Set(cuts.map((cut) => cut % (xml.length + 1)))].sort((a, b) => a - b);
          const scanner = new SheetScanner(SHARED);
          let from = 0;
          for (const cut of [...at, xml.length]) {
            scanner.push(xml.slice(from, cut));
            from = cut;
          }
          expect(scanner.finish()).toEqual(grid);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("a row whose end tag is split across two pieces is read once, with all its cells", () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>3</v></c></row>' +
      '<row r="3"><c r="A3"><v>4</v></c></row></sheetData></worksheet>';
    const split = xml.indexOf('</row><row r="3"') + 3;
    const scanner = new SheetScanner([]);
    scanner.push(xml.slice(0, split));
    scanner.push(xml.slice(split));
    expect(scanner.finish()).toEqual({
      rowNumbers: [1, 2, 3],
      rows: [
        [1, null],
        [2, 3],
        [4, null],
      ],
      left: 1,
      right: 2,
    });
  });
});
