import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";

const SHEET = "Planner Scenarios";
const TABLE = "tblPlannerScenarios";
const HEADERS = ["Scenario", "Vehicle", "Field", "Value"];

/** A scenarios table a user restyled: dark style, wide columns, a money format on Value, a note beside it. */
async function restyledWorkbook(): Promise<XlsxWorkbook> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Vehicles").addRow(["Vehicle", "Investment"]);
  const sheet = book.addWorksheet(SHEET);
  sheet.addTable({
    name: TABLE,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleDark3", showRowStripes: true },
    columns: HEADERS.map((name) => ({ name })),
    rows: [
      ["Six vehicles", "", "Bandwidth", 6],
      ["Big budget", "", "Budget", 400000],
      ["Six vehicles", "Webinar", "Investment", 20000],
    ],
  });
  [30, 18, 22, 16].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  for (let row = 2; row <= 4; row++) sheet.getCell(`D${row}`).numFmt = "$#,##0";
  sheet.getCell("F1").value = "my note";
  return XlsxWorkbook.open(new Uint8Array(await book.xlsx.writeBuffer()));
}

async function reopen(workbook: XlsxWorkbook) {
  const bytes = await workbook.toBytes();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const parts = unzipSync(bytes);
  const tableXml = Object.entries(parts)
    .filter(([path]) => path.startsWith("xl/tables/"))
    .map(([, data]) => strFromU8(data))
    .find((xml) => xml.includes(`name="${TABLE}"`)) as string;
  return { sheet: book.getWorksheet(SHEET) as ExcelJS.Worksheet, tableXml };
}

async function rows(workbook: XlsxWorkbook) {
  return (await workbook.readSource({ kind: "table", name: TABLE })).cells;
}

describe("SPEC 8 saving a scenario keeps the user's Planner Scenarios table as they styled it (.xlsx file)", () => {
  test("a saved row is added to the table with the column's number format; style, widths and the note stay", async () => {
    const workbook = await restyledWorkbook();
    await workbook.writeInputTable(
      SHEET,
      TABLE,
      HEADERS,
      [["Cheap webinar", "Webinar", "Investment", 5000]],
      "append",
    );
    expect(await rows(workbook)).toEqual([
      HEADERS,
      ["Six vehicles", null, "Bandwidth", 6],
      ["Big budget", null, "Budget", 400000],
      ["Six vehicles", "Webinar", "Investment", 20000],
      ["Cheap webinar", "Webinar", "Investment", 5000],
    ]);
    const { sheet, tableXml } = await reopen(workbook);
    expect(tableXml).toContain('name="TableStyleDark3"');
    expect(tableXml).toContain('ref="A1:D5"');
    expect([1, 2, 3, 4].map((column) => sheet.getColumn(column).width)).toEqual([30, 18, 22, 16]);
    expect(sheet.getCell("D5").numFmt).toBe("$#,##0");
    expect(sheet.getCell("D5").value).toBe(5000);
    expect(sheet.getCell("F1").value).toBe("my note");
  });

  test("a scenario saved again under its name takes its old rows' places; a row left over is deleted", async () => {
    const workbook = await restyledWorkbook();
    const replaced = await workbook.replaceInputRows(SHEET, TABLE, HEADERS, " six VEHICLES ", [
      ["Six vehicles", "", "Bandwidth", 7],
    ]);
    expect(replaced).toBe(2);
    expect(await rows(workbook)).toEqual([
      HEADERS,
      ["Six vehicles", null, "Bandwidth", 7],
      ["Big budget", null, "Budget", 400000],
    ]);
    const { sheet, tableXml } = await reopen(workbook);
    expect(tableXml).toContain('ref="A1:D3"');
    expect(tableXml).toContain('name="TableStyleDark3"');
    expect(sheet.getCell("D2").numFmt).toBe("$#,##0");
    expect(sheet.getCell("A4").value).toBeNull();
    expect(sheet.getColumn(1).width).toBe(30);
  });

  test("deleting a scenario removes its rows from the table and leaves the others", async () => {
    const workbook = await restyledWorkbook();
    expect(await workbook.replaceInputRows(SHEET, TABLE, HEADERS, "Big budget", [])).toBe(1);
    expect(await rows(workbook)).toEqual([
      HEADERS,
      ["Six vehicles", null, "Bandwidth", 6],
      ["Six vehicles", "Webinar", "Investment", 20000],
    ]);
    expect(await workbook.replaceInputRows(SHEET, TABLE, HEADERS, "No such scenario", [])).toBe(0);
    const { tableXml } = await reopen(workbook);
    expect(tableXml).toContain('ref="A1:D3"');
  });

  test("deleting every scenario leaves the table with one empty row, as Excel keeps it", async () => {
    const workbook = await restyledWorkbook();
    await workbook.replaceInputRows(SHEET, TABLE, HEADERS, "Six vehicles", []);
    await workbook.replaceInputRows(SHEET, TABLE, HEADERS, "Big budget", []);
    expect(await rows(workbook)).toEqual([HEADERS, [null, null, null, null]]);
    await workbook.writeInputTable(SHEET, TABLE, HEADERS, [["Again", "", "Bandwidth", 5]], "append");
    expect(await rows(workbook)).toEqual([HEADERS, ["Again", null, "Bandwidth", 5]]);
    const { tableXml } = await reopen(workbook);
    expect(tableXml).toContain('ref="A1:D2"');
  });

  test("a cell of the user's right below the table is never written over: the save stops and names it", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(SHEET);
    sheet.addTable({
      name: TABLE,
      ref: "A1",
      columns: HEADERS.map((name) => ({ name })),
      rows: [["Six vehicles", "", "Bandwidth", 6]],
    });
    sheet.getCell("B3").value = "total";
    const workbook = await XlsxWorkbook.open(new Uint8Array(await book.xlsx.writeBuffer()));
    await expect(
      workbook.writeInputTable(SHEET, TABLE, HEADERS, [["Other", "", "Budget", 1]], "append"),
    ).rejects.toThrow("'Planner Scenarios'!B3 is in the way");
    expect(await rows(workbook)).toEqual([HEADERS, ["Six vehicles", null, "Bandwidth", 6]]);
  });
});
