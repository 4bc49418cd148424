/**
 * Writes a lead-log workbook of any size, as Excel would save it (shared
 * strings, dates as serial numbers), to try the file reader at scale:
 *
 *     npx tsx scripts/make-lead-log.ts out/lead-log.xlsx 1000000
 *
 * The sheet `Lead Log` has six columns: Lead (unique text), Vehicle, Created
 * (a date), Status, Value and Owner. The package is streamed to the file, so
 * a million rows need little memory; nothing this writes is committed.
 */
import { closeSync, openSync, writeSync } from "fs";
import { strToU8, Zip, ZipDeflate } from "fflate";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const HEADERS = ["Lead", "Vehicle", "Created", "Status", "Value", "Owner"];
const VEHICLES = ["Trade show", "Webinar", "Paid search", "LinkedIn ads", "Direct mail", "Partner event"];
const STATUSES = ["Open", "MQL", "SQL", "Opportunity", "Won", "Lost"];
const OWNERS = ["Ana", "Ben", "Chen", "Dara", "Eli"];
/** 1 January 2025 as an Excel serial date. */
const FIRST_DAY = 45658;
const ROWS_PER_PIECE = 10_000;

/** Writes `rows` lead rows (below a header row) to `path`. */
export function writeLeadLog(path: string, rows: number): void {
  const file = openSync(path, "w");
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    writeSync(file, chunk);
  });
  const add = (name: string, pieces: Iterable<string>) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    for (const piece of pieces) entry.push(strToU8(piece));
    entry.push(new Uint8Array(0), true);
  };
  // Shared strings: the headers and the fixed lists first, then each lead's own id.
  const fixed = [...HEADERS, ...VEHICLES, ...STATUSES, ...OWNERS];
  const index = new Map(fixed.map((text, i) => [text, i]));
  const leadString = (row: number) => fixed.length + row;
  const text = (ref: string, value: string) => `<c r="${ref}" t="s"><v>${index.get(value)}</v></c>`;

  add("[Content_Types].xml", [
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT}.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CONTENT}.worksheet+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CONTENT}.sharedStrings+xml"/></Types>`,
  ]);
  add("_rels/.rels", [
    `${HEAD}<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ]);
  add("xl/workbook.xml", [
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="Lead Log" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  ]);
  add("xl/_rels/workbook.xml.rels", [
    `${HEAD}<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  ]);
  add(
    "xl/worksheets/sheet1.xml",
    (function* () {
      yield `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${RELS}"><dimension ref="A1:F${rows + 1}"/><sheetData>`;
      yield `<row r="1">${HEADERS.map((header, i) => text(`${String.fromCharCode(65 + i)}1`, header)).join("")}</row>`;
      for (let start = 0; start < rows; start += ROWS_PER_PIECE) {
        let piece = "";
        for (let i = start; i < Math.min(rows, start + ROWS_PER_PIECE); i++) {
          const r = i + 2;
          piece +=
            `<row r="${r}"><c r="A${r}" t="s"><v>${leadString(i)}</v></c>${text(`B${r}`, VEHICLES[i % VEHICLES.length])}` +
            `<c r="C${r}"><v>${FIRST_DAY + (i % 730)}</v></c>${text(`D${r}`, STATUSES[(i * 7) % STATUSES.length])}` +
            `<c r="E${r}"><v>${((i * 7919) % 100_000) / 4}</v></c>${text(`F${r}`, OWNERS[i % OWNERS.length])}</row>`;
        }
        yield piece;
      }
      yield "</sheetData></worksheet>";
    })(),
  );
  add(
    "xl/sharedStrings.xml",
    (function* () {
      const count = fixed.length + rows;
      yield `${HEAD}<sst xmlns="${MAIN}" count="${count}" uniqueCount="${count}">`;
      yield fixed.map((value) => `<si><t>${value}</t></si>`).join("");
      for (let start = 0; start < rows; start += ROWS_PER_PIECE) {
        let piece = "";
        for (let i = start; i < Math.min(rows, start + ROWS_PER_PIECE); i++) {
          piece += `<si><t>L-${String(i + 1).padStart(7, "0")}</t></si>`;
        }
        yield piece;
      }
      yield "</sst>";
    })(),
  );
  zip.end();
  closeSync(file);
}

if (require.main === module) {
  const [path, rows] = process.argv.slice(2);
  if (!path) {
    console.error("Usage: npx tsx scripts/make-lead-log.ts OUT.xlsx [ROWS]");
    process.exit(2);
  }
  writeLeadLog(path, Number(rows ?? 1_000_000));
}
