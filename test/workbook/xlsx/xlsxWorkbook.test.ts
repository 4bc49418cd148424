import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { OutputSheet } from "../../../src/core/outputTable";
import { findVehicleSource, WorkbookFileError, XlsxWorkbook } from "../../../src/workbook/xlsx";

const FIXTURE = join(__dirname, "..", "..", "fixtures", "rich-workbook.xlsx");
const CHANGED_PARTS = new Set([
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/styles.xml",
]);

function outputs(rows = 2): OutputSheet[] {
  return [
    {
      kind: "shortlist",
      sheetName: "Shortlist",
      tableName: "tblShortlist",
      columns: [
        { header: "Rank", format: "integer", width: 6 },
        { header: "Vehicle", format: "text", width: 24 },
        { header: "Investment", format: "money", width: 14 },
        { header: "Pipeline per $", format: "ratio", width: 12 },
        { header: "Cost per lead", format: "moneyCents", width: 12 },
      ],
      rows: Array.from({ length: rows }, (_, i) => [
        i + 1,
        i === 0 ? '=HYPERLINK("x")' : `Vehicle <${i}> & "co"`,
        1000 * (i + 1),
        null,
        12.5,
      ]),
    },
    {
      kind: "mix",
      sheetName: "Media Mix",
      tableName: "tblMediaMix",
      columns: [
        { header: "Channel", format: "text", width: 16 },
        { header: "Current share", format: "percent", width: 12 },
      ],
      rows: [["Events", 0.25]],
    },
  ];
}

async function excelJsRead(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

function entries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

describe("reading an .xlsx package", () => {
  test("SPEC 1.1 values: numbers, shared and inline text, booleans, Excel errors and cached formula results", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Vehicle List");
    sheet.addRow(["Vehicle", "Investment", "Leads", "Pipeline", "Flag"]);
    sheet.addRow(["  Webinar  ", { formula: "1000*5", result: 5000 }, { error: "#N/A" }, "$1.2k", true]);
    sheet.addRow([
      { richText: [{ text: "Trade " }, { text: "show", font: { bold: true } }] },
      0,
      12,
      null,
      false,
    ]);
    const workbook = await XlsxWorkbook.open(new Uint8Array(await book.xlsx.writeBuffer()));
    const block = await workbook.readSheet("vehicle list");
    expect(block).toEqual({
      sheet: "Vehicle List",
      top: 1,
      left: 1,
      cells: [
        ["Vehicle", "Investment", "Leads", "Pipeline", "Flag"],
        ["  Webinar  ", 5000, { error: "#N/A" }, "$1.2k", true],
        ["Trade show", 0, 12, null, false],
      ],
    });
  });

  test("SPEC 1.1 the CLI takes the first sheet whose first non-empty row matches, starting at that row", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Cover").addRow(["Regional plan"]);
    const vehicles = book.addWorksheet("Data");
    vehicles.getCell("B3").value = "Vehicle";
    vehicles.getCell("C3").value = "Spend";
    vehicles.getCell("D3").value = "Leads";
    vehicles.getCell("E3").value = "Pipeline";
    vehicles.getCell("B4").value = "Webinar";
    const workbook = await XlsxWorkbook.open(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(await findVehicleSource(workbook)).toEqual({ kind: "sheet", name: "Data" });
    const block = await workbook.readSource({ kind: "sheet", name: "Data" });
    expect(block.top).toBe(3);
    expect(block.left).toBe(2);
    expect(block.cells[1]).toEqual(["Webinar", null, null, null]);
  });

  test("Excel tables and named ranges are sources, read over their own range", async () => {
    const workbook = await XlsxWorkbook.open(readFileSync(FIXTURE));
    const sources = await workbook.listSources();
    expect(sources.map((source) => `${source.kind}:${source.name}`)).toEqual([
      "table:tblVehicles",
      "table:tblQuarterly",
      "name:TotalSpend",
      "sheet:Vehicles",
      "sheet:Notes",
    ]);
    const table = await workbook.readSource({ kind: "table", name: "tblVehicles" });
    expect(table.cells).toHaveLength(6);
    expect(table.cells[1].slice(0, 3)).toEqual(["Trade show", "Events", 40000]);
    const name = await workbook.readSource({ kind: "name", name: "TotalSpend" });
    expect(name).toMatchObject({ sheet: "Notes", top: 2, left: 2, cells: [[100], [140], [90], [160]] });
  });

  test("a sheet whose data reaches row 1,048,576 is read without building a million rows of cells", async () => {
    const sheetXml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Vehicle</t></is></c></row>' +
      '<row r="1048576"><c r="A1048576"><v>7</v></c></row></sheetData></worksheet>';
    const bytes = minimalPackage(sheetXml);
    const workbook = await XlsxWorkbook.open(bytes);
    const block = await workbook.readSheet("Sheet1");
    expect(block?.cells).toHaveLength(1_048_576);
    expect(block?.cells[1_048_575]).toEqual([7]);
    expect(new Set(block?.cells.slice(1, -1)).size).toBe(1);
  });
});

describe("files that are not workbooks we can read", () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ["a text file", new TextEncoder().encode("Vehicle,Investment\nWebinar,100\n"), /not an \.xlsx workbook/],
    [
      "a password-protected file",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]),
      /password-protected/,
    ],
    ["a truncated .xlsx", readFileSync(FIXTURE).subarray(0, 4000), /damaged/],
    [
      "a zip that is not a workbook",
      zipSync({ "readme.txt": new TextEncoder().encode("hello") }),
      /zip archive but not an \.xlsx/,
    ],
  ];
  test.each(cases)(
    "%s is a WorkbookFileError with a message that says what to do",
    async (_, bytes, message) => {
      const opened = XlsxWorkbook.open(bytes);
      await expect(opened).rejects.toBeInstanceOf(WorkbookFileError);
      await expect(opened).rejects.toThrow(message);
    },
  );
});

describe("writing the planner's sheets into the user's package", () => {
  test("SPEC 6 nothing is lost: every part of the user's workbook is kept byte for byte, the four listing parts keep what they had", async () => {
    const original = readFileSync(FIXTURE);
    const workbook = await XlsxWorkbook.open(original);
    await workbook.writeOutputs(outputs());
    const before = entries(original);
    const after = entries(await workbook.toBytes());
    for (const [path, data] of Object.entries(before)) {
      expect(after[path]).toBeDefined();
      if (!CHANGED_PARTS.has(path)) expect(Buffer.from(after[path]).equals(Buffer.from(data))).toBe(true);
    }
    const workbookXml = strFromU8(after["xl/workbook.xml"]);
    expect(workbookXml).toMatch(/<sheet [^>]*name="Vehicles"/);
    expect(workbookXml).toMatch(/<sheet [^>]*name="Notes"/);
    expect(workbookXml).toContain(">Notes!$B$2:$B$5</definedName>");
    const oldTypes = strFromU8(before["[Content_Types].xml"]).match(/<Override [^>]*\/>/g) ?? [];
    for (const override of oldTypes) expect(strFromU8(after["[Content_Types].xml"])).toContain(override);
    const oldRels = strFromU8(before["xl/_rels/workbook.xml.rels"]).match(/<Relationship [^>]*\/>/g) ?? [];
    for (const rel of oldRels) expect(strFromU8(after["xl/_rels/workbook.xml.rels"])).toContain(rel);
    const oldXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(strFromU8(before["xl/styles.xml"]))?.[1] ?? "";
    expect(strFromU8(after["xl/styles.xml"])).toContain(oldXfs);
  });

  test("SPEC 6 outputs are real Excel tables with headers, numbers as numbers, number formats and text kept as text", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Vehicles").addRow(["Vehicle", "Investment"]);
    const workbook = await XlsxWorkbook.open(new Uint8Array(await book.xlsx.writeBuffer()));
    const written = await workbook.writeOutputs(outputs());
    expect(written).toEqual([
      { kind: "shortlist", sheetName: "Shortlist", tableName: "tblShortlist", note: null },
      { kind: "mix", sheetName: "Media Mix", tableName: "tblMediaMix", note: null },
    ]);
    const bytes = await workbook.toBytes();
    const check = await excelJsRead(bytes);
    const sheet = check.getWorksheet("Shortlist");
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "Rank",
      "Vehicle",
      "Investment",
      "Pipeline per $",
      "Cost per lead",
    ]);
    expect(sheet?.getCell("A2").value).toBe(1);
    expect(sheet?.getCell("B2").value).toBe('=HYPERLINK("x")');
    expect(sheet?.getCell("B2").formula).toBeUndefined();
    expect(sheet?.getCell("B3").value).toBe('Vehicle <1> & "co"');
    expect(sheet?.getCell("C3").value).toBe(2000);
    expect(sheet?.getCell("C3").numFmt).toBe("$#,##0");
    expect(sheet?.getCell("E2").numFmt).toBe("$#,##0.00");
    expect(sheet?.getCell("D2").value).toBeNull();
    expect(check.getWorksheet("Media Mix")?.getCell("B2").numFmt).toBe("0.0%");
    const parts = entries(bytes);
    const sheetXml = Object.entries(parts).find(
      ([path, data]) => path.startsWith("xl/worksheets/sheet") && strFromU8(data).includes("HYPERLINK"),
    );
    expect(sheetXml && strFromU8(sheetXml[1])).not.toContain("<f>");
    expect(sheetXml && strFromU8(sheetXml[1])).toContain('state="frozen"');
    const tables = Object.entries(parts)
      .filter(([path]) => path.startsWith("xl/tables/"))
      .map(([, data]) => strFromU8(data));
    expect(
      tables.some(
        (xml) =>
          xml.includes('name="tblShortlist"') &&
          xml.includes('ref="A1:E3"') &&
          xml.includes("TableStyleMedium2"),
      ),
    ).toBe(true);
  });

  test("SPEC 6 a rerun replaces only the sheets the planner made; the user's sheets, tables and names stay", async () => {
    const first = await XlsxWorkbook.open(readFileSync(FIXTURE));
    await first.writeOutputs(outputs(2));
    const once = await first.toBytes();
    const second = await XlsxWorkbook.open(once);
    const written = await second.writeOutputs(outputs(5));
    expect(written.map((sheet) => sheet.sheetName)).toEqual(["Shortlist", "Media Mix"]);
    expect(second.sheetNames()).toEqual(["Vehicles", "Notes", "Shortlist", "Media Mix"]);
    expect(second.tableNames().sort()).toEqual([
      "tblMediaMix",
      "tblQuarterly",
      "tblShortlist",
      "tblVehicles",
    ]);
    const twice = await second.toBytes();
    const reread = await XlsxWorkbook.open(twice);
    expect((await reread.readSheet("Shortlist"))?.cells[5]).toEqual([
      5,
      'Vehicle <4> & "co"',
      5000,
      null,
      12.5,
    ]);
    const parts = entries(twice);
    expect(Object.keys(parts).filter((path) => path.startsWith("xl/tables/"))).toHaveLength(4);
    const workbookXml = strFromU8(parts["xl/workbook.xml"]);
    expect(workbookXml).toContain(
      '<definedName name="VehiclePlanner_Shortlist" hidden="1">Shortlist!$A$1</definedName>',
    );
    expect(workbookXml).toContain(
      `<definedName name="VehiclePlanner_MediaMix" hidden="1">&apos;Media Mix&apos;!$A$1</definedName>`,
    );
    expect(workbookXml.match(/VehiclePlanner_/g)).toHaveLength(2);
    for (const [path, data] of Object.entries(entries(readFileSync(FIXTURE)))) {
      if (!CHANGED_PARTS.has(path)) expect(Buffer.from(parts[path]).equals(Buffer.from(data))).toBe(true);
    }
  });

  test("SPEC 6 a user's own sheet called Shortlist is left alone: the output goes to Shortlist (2) with a note, its table to tblShortlist2", async () => {
    const book = new ExcelJS.Workbook();
    const mine = book.addWorksheet("Shortlist");
    mine.getCell("A1").value = "my own notes";
    mine.addTable({ name: "tblShortlist", ref: "C1", columns: [{ name: "X" }], rows: [[1]] });
    const workbook = await XlsxWorkbook.open(new Uint8Array(await book.xlsx.writeBuffer()));
    const [shortlist] = await workbook.writeOutputs(outputs());
    expect(shortlist.sheetName).toBe("Shortlist (2)");
    expect(shortlist.tableName).toBe("tblShortlist2");
    expect(shortlist.note).toContain('"Shortlist (2)"');
    const check = await excelJsRead(await workbook.toBytes());
    expect(check.getWorksheet("Shortlist")?.getCell("A1").value).toBe("my own notes");
    expect(check.getWorksheet("Shortlist (2)")?.getCell("A1").value).toBe("Rank");
  });

  test("SPEC 6 a planner sheet deleted in Excel leaves a broken marker: the next run marks its new sheet once, the broken marker dropped", async () => {
    const first = await XlsxWorkbook.open(readFileSync(FIXTURE));
    await first.writeOutputs(outputs().slice(0, 1));
    const parts = entries(await first.toBytes());
    const xml = strFromU8(parts["xl/workbook.xml"]).replace(">Shortlist!$A$1<", ">#REF!$A$1<");
    const broken = zipSync({ ...parts, "xl/workbook.xml": strToU8(xml) });
    const again = await XlsxWorkbook.open(broken);
    const [shortlist] = await again.writeOutputs(outputs().slice(0, 1));
    expect(shortlist.sheetName).toBe("Shortlist (2)");
    const workbookXml = strFromU8(entries(await again.toBytes())["xl/workbook.xml"]);
    expect(workbookXml.match(/VehiclePlanner_Shortlist/g)).toHaveLength(1);
    expect(workbookXml).toContain(">&apos;Shortlist (2)&apos;!$A$1</definedName>");
  });

  test("writeInputTable creates Planner Settings with its table, then updates a setting by name", async () => {
    const workbook = await XlsxWorkbook.open(readFileSync(FIXTURE));
    await workbook.writeInputTable(
      "Planner Settings",
      "tblPlannerSettings",
      ["Setting", "Value"],
      [
        ["Bandwidth", 4],
        ["Budget", "250k"],
      ],
      "upsert-by-first-column",
    );
    await workbook.writeInputTable(
      "Planner Settings",
      "tblPlannerSettings",
      ["Setting", "Value"],
      [["bandwidth", 6]],
      "upsert-by-first-column",
    );
    const block = await workbook.readSource({ kind: "table", name: "tblPlannerSettings" });
    expect(block.cells).toEqual([
      ["Setting", "Value"],
      ["bandwidth", 6],
      ["Budget", "250k"],
    ]);
  });

  test("the output opens in LibreOffice Calc, which reads the planner's tables", () => {
    const dir = mkdtempSync(join(tmpdir(), "vp-xlsx-lo-"));
    return XlsxWorkbook.open(readFileSync(FIXTURE)).then(async (workbook) => {
      await workbook.writeOutputs(outputs());
      writeFileSync(join(dir, "plan.xlsx"), await workbook.toBytes());
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${dir}/profile`,
          "--headless",
          "--convert-to",
          "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
          "--outdir",
          dir,
          join(dir, "plan.xlsx"),
        ],
        { stdio: "ignore", timeout: 120_000 },
      );
      expect(
        readdirSync(dir)
          .filter((name) => name.endsWith(".csv"))
          .sort(),
      ).toEqual(["plan-Media Mix.csv", "plan-Notes.csv", "plan-Shortlist.csv", "plan-Vehicles.csv"]);
      const shortlist = readFileSync(join(dir, "plan-Shortlist.csv"), "utf8").trim().split("\n");
      expect(shortlist[0]).toBe("Rank,Vehicle,Investment,Pipeline per $,Cost per lead");
      expect(shortlist[2]).toBe('2,"Vehicle <1> & ""co""",2000,,12.5');
      expect(readFileSync(join(dir, "plan-Vehicles.csv"), "utf8")).toContain("Trade show,Events,40000");
    });
  }, 150_000);
});

function minimalPackage(sheetXml: string): Uint8Array {
  const text = (s: string) => new TextEncoder().encode(s);
  return zipSync({
    "[Content_Types].xml": text(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    "_rels/.rels": text(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    "xl/workbook.xml": text(
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    "xl/_rels/workbook.xml.rels": text(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    "xl/worksheets/sheet1.xml": text(sheetXml),
  });
}

test("the fixture script is committed beside its output", () => {
  expect(existsSync(join(__dirname, "..", "..", "..", "scripts", "fixtures", "make_rich_workbook.py"))).toBe(
    true,
  );
});
