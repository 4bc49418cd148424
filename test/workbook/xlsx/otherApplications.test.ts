import { strFromU8, unzipSync } from "fflate";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import type { OutputSheet } from "../../../src/core/outputTable";
import { findVehicleSource, WorkbookFileError, XlsxWorkbook } from "../../../src/workbook/xlsx";
import { SheetScanner } from "../../../src/workbook/xlsx/sheetCells";
import { VEHICLE_HEADERS, VEHICLE_ROWS, vehiclePackage } from "../../fixtures/packages";

const FIXTURES = join(__dirname, "..", "..", "fixtures");
const SAMPLE = join(__dirname, "..", "..", "..", "assets", "vehicle-planner-sample.xlsx");

function outputs(): OutputSheet[] {
  return [
    {
      kind: "shortlist",
      sheetName: "Shortlist",
      tableName: "tblShortlist",
      columns: [
        { header: "Rank", format: "integer", width: 6 },
        { header: "Vehicle", format: "text", width: 24 },
        { header: "Investment", format: "money", width: 14 },
      ],
      rows: [[1, "Webinar", 10000]],
    },
    {
      kind: "mix",
      sheetName: "Media Mix",
      tableName: "tblMediaMix",
      columns: [
        { header: "Channel", format: "text", width: 16 },
        { header: "Current share", format: "percent", width: 12 },
      ],
      rows: [["Digital", 0.25]],
    },
  ];
}

/** Plans `bytes` `times` times over, each run on the last one's output, as a user replanning would. */
async function replan(bytes: Uint8Array, times: number): Promise<Uint8Array> {
  let current = bytes;
  for (let i = 0; i < times; i++) {
    const workbook = await XlsxWorkbook.open(current);
    await workbook.writeOutputs(outputs());
    current = await workbook.toBytes();
  }
  return current;
}

function part(bytes: Uint8Array, path: string): string {
  return strFromU8(unzipSync(bytes)[path]);
}

describe("SPEC 1.1 reading workbooks other applications write", () => {
  test.each([
    ["x:-prefixed SpreadsheetML (.NET Open XML SDK)", { prefix: "x" }],
    ["Strict Open XML", { strict: true }],
    ["Strict Open XML with a prefix", { strict: true, prefix: "s" }],
  ])("%s: the sheets, the vehicle table and the names are read", async (_, options) => {
    const workbook = await XlsxWorkbook.open(vehiclePackage(options));
    expect(workbook.sheetNames()).toEqual(["Vehicles", "Notes"]);
    expect(await findVehicleSource(workbook)).toEqual({ kind: "sheet", name: "Vehicles" });
    const block = await workbook.readSheet("Vehicles");
    expect(block?.cells).toEqual([VEHICLE_HEADERS, ...VEHICLE_ROWS]);
    expect((await workbook.readSheet("Notes"))?.cells).toEqual([["Notes"]]);
    expect((await workbook.readSource({ kind: "name", name: "Spend" })).cells).toEqual([
      [40000],
      [10000],
      [20000],
    ]);
  });

  test("a workbook whose worksheet parts are missing is a damaged file, said so", async () => {
    await expect(XlsxWorkbook.open(vehiclePackage({ missingWorksheets: true }))).rejects.toThrow(
      new WorkbookFileError(
        'This .xlsx file is damaged: the part that holds the sheet "Vehicles" is missing. Open it in Excel, let Excel repair it, and save it again.',
      ),
    );
  });

  test("a worksheet's text read in pieces of any size gives the same cells as read whole", () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="D2"><v>1.5</v></c></row><row r="3"/>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t>A longer text &amp; more</t></is></c><c r="B4" t="b"><v>1</v></c></row>' +
      "</sheetData></worksheet>";
    const read = (size: number) => {
      const scanner = new SheetScanner(["Status"]);
      for (let at = 0; at < xml.length; at += size) scanner.push(xml.slice(at, at + size));
      return scanner.finish();
    };
    const expected = {
      rowNumbers: [2, 4],
      rows: [
        [null, "Status", null, 1.5],
        ["A longer text & more", true, null, null],
      ],
      left: 1,
      right: 4,
    };
    for (const size of [1, 7, 64, xml.length]) expect(read(size)).toEqual(expected);
  });
});

describe("SPEC 6 writing into workbooks other applications write", () => {
  test("x:-prefixed: the planner's parts and entries are written under the package's own prefix", async () => {
    const bytes = await replan(vehiclePackage({ prefix: "x" }), 1);
    const workbookXml = part(bytes, "xl/workbook.xml");
    expect(workbookXml).toContain('<x:sheet name="Shortlist" sheetId="3" r:id="rId5"/>');
    expect(workbookXml).toContain(
      '<x:definedName name="VehiclePlanner_Shortlist" hidden="1">Shortlist!$A$1</x:definedName>',
    );
    expect(part(bytes, "xl/worksheets/sheet3.xml")).toContain(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
    );
    expect(part(bytes, "xl/styles.xml")).toMatch(/<x:cellXfs count="\d+"><x:xf numFmtId="0"[^>]*\/><x:xf /);
    const reread = await XlsxWorkbook.open(bytes);
    expect((await reread.readSheet("Shortlist"))?.cells).toEqual([
      ["Rank", "Vehicle", "Investment"],
      [1, "Webinar", 10000],
    ]);
  });

  test("Strict: the planner's parts use Strict's namespace and relationship types", async () => {
    const bytes = await replan(vehiclePackage({ strict: true }), 1);
    const rels = part(bytes, "xl/_rels/workbook.xml.rels");
    expect(rels).toContain(
      '<Relationship Id="rId5" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="worksheets/sheet3.xml"/>',
    );
    expect(rels).not.toContain("schemas.openxmlformats.org/officeDocument");
    expect(part(bytes, "xl/worksheets/_rels/sheet3.xml.rels")).toContain(
      'Type="http://purl.oclc.org/ooxml/officeDocument/relationships/table"',
    );
    expect(part(bytes, "xl/worksheets/sheet3.xml")).toContain(
      '<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships">',
    );
    expect(part(bytes, "xl/tables/table1.xml")).toContain(
      '<table xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"',
    );
    const reread = await XlsxWorkbook.open(bytes);
    expect(reread.tableNames()).toEqual(["tblShortlist", "tblMediaMix"]);
    expect((await reread.readSource({ kind: "table", name: "tblMediaMix" })).cells).toEqual([
      ["Channel", "Current share"],
      ["Digital", 0.25],
    ]);
  });

  test("zip folder entries (xl/, _rels/) are kept: every entry of the input is in the output", async () => {
    const input = vehiclePackage({ folderEntries: true });
    const output = unzipSync(await replan(input, 1));
    for (const name of Object.keys(unzipSync(input))) expect(output).toHaveProperty([name]);
    expect(Object.keys(output)).toEqual(
      expect.arrayContaining(["_rels/", "xl/", "xl/_rels/", "xl/worksheets/"]),
    );
  });

  test.each([
    ["openpyxl (<definedNames/>)", () => readFileSync(join(FIXTURES, "openpyxl-vehicles.xlsx"))],
    ["LibreOffice (no definedNames)", () => readFileSync(join(FIXTURES, "libreoffice-vehicles.xlsx"))],
    ["Excel (the sample)", () => readFileSync(SAMPLE)],
    ["a hand-made <x:definedNames/>", () => vehiclePackage({ prefix: "x", definedNames: "self-closing" })],
    ["a hand-made workbook without definedNames", () => vehiclePackage({ definedNames: "absent" })],
  ])("%s: replanning three times leaves exactly one set of planner sheets", async (_, input) => {
    const bytes = input();
    const before = (await XlsxWorkbook.open(bytes)).sheetNames();
    const workbook = await XlsxWorkbook.open(await replan(bytes, 3));
    expect(workbook.sheetNames()).toEqual([...before, "Shortlist", "Media Mix"]);
    expect(workbook.tableNames().filter((name) => /^tbl(Shortlist|MediaMix)/.test(name))).toEqual([
      "tblShortlist",
      "tblMediaMix",
    ]);
  });

  test("the app-made fixtures' script is committed beside them", () => {
    expect(
      existsSync(join(__dirname, "..", "..", "..", "scripts", "fixtures", "make_app_workbooks.py")),
    ).toBe(true);
  });
});
