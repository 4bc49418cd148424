/**
 * `cli-lead-log`: `vehicle-planner plan` on an .xlsx with a 30-vehicle table
 * and a `Lead Log` of 1,000,000 leads (shared strings for names and statuses,
 * date-time serials with a date style, as Excel saves a CRM export). The file
 * is generated here with fflate and not kept. Each run is a Node process of
 * its own, so its peak resident memory is the command's alone. Issue 12 asks
 * for at most 20 s and 1,500 MB.
 */
import { spawnSync } from "child_process";
import { closeSync, mkdtempSync, openSync, writeSync } from "fs";
import { Zip, ZipDeflate, strToU8 } from "fflate";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "../src/cli/main";
import { LOG_HEADERS, LOG_OWNERS, LOG_STATUSES, LOG_VEHICLES, logRow } from "./leadLog.bench";
import { printBench } from "./measure";

const ROWS = 1_000_000;
const CHILD = "--child";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

function letter(column: number): string {
  return String.fromCharCode(65 + column);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Writes the workbook to `path`, the log sheet streamed through the zip a block of rows at a time. */
export function writeWorkbook(path: string): void {
  const file = openSync(path, "w");
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    writeSync(file, chunk);
  });
  const add = (name: string, text: string) => {
    const entry = new ZipDeflate(name, { level: 1 });
    zip.add(entry);
    entry.push(strToU8(text), true);
  };

  const strings = [
    "Vehicle",
    "Investment",
    "Leads",
    "Pipeline",
    ...LOG_HEADERS,
    ...LOG_VEHICLES,
    ...LOG_OWNERS,
    ...LOG_STATUSES,
  ];
  const index = new Map(strings.map((text, i) => [text, i]));
  add(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      "</Types>",
  );
  add(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL.replace("relationships", "relationships/officeDocument")}" Target="xl/workbook.xml"/></Relationships>`,
  );
  add(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
      '<sheet name="Vehicles" sheetId="1" r:id="rId1"/><sheet name="Lead Log" sheetId="2" r:id="rId2"/></sheets></workbook>',
  );
  add(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  add(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${MAIN}">` +
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>' +
      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
      "</styleSheet>",
  );
  add(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">` +
      strings.map((text) => `<si><t>${escapeXml(text)}</t></si>`).join("") +
      "</sst>",
  );

  const shared = (ref: string, text: string) => `<c r="${ref}" t="s"><v>${index.get(text)}</v></c>`;
  const vehicles = [
    `<row r="1">${["Vehicle", "Investment", "Leads", "Pipeline"].map((h, c) => shared(`${letter(c)}1`, h)).join("")}</row>`,
  ];
  LOG_VEHICLES.slice(0, 30).forEach((name, i) => {
    const r = i + 2;
    vehicles.push(
      `<row r="${r}">${shared(`A${r}`, name)}<c r="B${r}"><v>${10_000 + i * 1000}</v></c>` +
        `<c r="C${r}"><v>${200 + i * 10}</v></c><c r="D${r}"><v>${50_000 + i * 7000}</v></c></row>`,
    );
  });
  add(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>${vehicles.join("")}</sheetData></worksheet>`,
  );

  const log = new ZipDeflate("xl/worksheets/sheet2.xml", { level: 1 });
  zip.add(log);
  log.push(
    strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}">` +
        `<dimension ref="A1:F${ROWS + 1}"/><sheetData>` +
        `<row r="1">${LOG_HEADERS.map((h, c) => shared(`${letter(c)}1`, h)).join("")}</row>`,
    ),
  );
  const BLOCK = 20_000;
  for (let start = 0; start < ROWS; start += BLOCK) {
    const parts: string[] = [];
    for (let i = start; i < Math.min(ROWS, start + BLOCK); i++) {
      const r = i + 2;
      const [lead, vehicle, owner, handedOff, firstTouch, status] = logRow(i);
      parts.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${lead}</t></is></c>`);
      parts.push(shared(`B${r}`, vehicle as string), shared(`C${r}`, owner as string));
      parts.push(
        typeof handedOff === "number"
          ? `<c r="D${r}" s="1"><v>${handedOff}</v></c>`
          : `<c r="D${r}" t="inlineStr"><is><t>${handedOff}</t></is></c>`,
      );
      if (firstTouch !== null) parts.push(`<c r="E${r}" s="1"><v>${firstTouch}</v></c>`);
      if (status !== null) parts.push(shared(`F${r}`, status as string));
      parts.push("</row>");
    }
    log.push(strToU8(parts.join("")));
  }
  log.push(strToU8("</sheetData></worksheet>"), true);
  zip.end();
  closeSync(file);
}

/** In the child process: the command once, then its peak resident memory. */
async function child(input: string, out: string): Promise<void> {
  const io = { stdout: () => undefined, stderr: () => undefined, stderrIsTTY: false };
  const start = process.hrtime.bigint();
  const code = await runCli(["plan", input, "--out", out, "--force"], io);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (code !== 0) throw new Error(`vehicle-planner exited ${code}`);
  process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "vp-lead-log-"));
  const input = join(dir, "leads.xlsx");
  const out = join(dir, "plan.xlsx");
  writeWorkbook(input);
  const runs: { ms: number; maxRssMb: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const result = spawnSync(process.execPath, [...process.execArgv, __filename, CHILD, input, out], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    if (result.status !== 0) throw new Error(`the command failed: ${result.stderr}`);
    runs.push(JSON.parse(result.stdout) as { ms: number; maxRssMb: number });
  }
  runs.sort((a, b) => a.ms - b.ms);
  printBench({
    bench: "cli-lead-log",
    rows: ROWS,
    medianMs: Math.round(runs[1].ms),
    maxRssMb: Math.round(Math.max(...runs.map((r) => r.maxRssMb))),
  });
}

if (require.main === module && process.argv[2] === CHILD) {
  child(process.argv[3], process.argv[4]).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
