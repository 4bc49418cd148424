import { FakeExcel, installExcelEnums, workbookOver } from "./fakeExcel";

beforeAll(installExcelEnums);

const SHEET = "Planner Scenarios";
const TABLE = "tblPlannerScenarios";
const HEADERS = ["Scenario", "Vehicle", "Field", "Value"];

/** The user's scenarios table at B2, with a Note column of theirs and a cell below it of theirs in column H. */
function scenariosWorkbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet(
    SHEET,
    [
      ["Scenario", "Vehicle", "Field", "Value", "Note"],
      ["Six vehicles", null, "Bandwidth", 6, "ask Sam"],
      ["Big budget", null, "Budget", 400000, "if approved"],
      ["Six vehicles", "Webinar", "Investment", 20000, "pilot"],
    ],
    "B2",
  );
  excel.sheet(SHEET)?.cells.set("9,7", "my total");
  excel.tables.push({
    name: TABLE,
    sheet: excel.sheet(SHEET) as FakeExcel["sheets"][number],
    address: "B2:F5",
    style: "TableStyleDark3",
  });
  return excel;
}

describe("SPEC 8 replacing and deleting a saved scenario in Excel keeps the user's table", () => {
  test("deleting a scenario deletes just its table rows; the table, its style and the other rows stay", async () => {
    const excel = scenariosWorkbook();
    const table = excel.tables[0];
    expect(await workbookOver(excel).replaceInputRows(SHEET, TABLE, HEADERS, "six vehicles", [])).toBe(2);
    expect(excel.tables).toEqual([table]);
    expect(table).toMatchObject({ address: "B2:F3", style: "TableStyleDark3" });
    expect(excel.valuesOf(SHEET, "B2:F5")).toEqual([
      ["Scenario", "Vehicle", "Field", "Value", "Note"],
      ["Big budget", null, "Budget", 400000, "if approved"],
      [null, null, null, null, null],
      [null, null, null, null, null],
    ]);
    expect(excel.valuesOf(SHEET, "H10:H10")).toEqual([["my total"]]);
    expect(excel.syncs.flatMap((sync) => sync.valueWrites)).toEqual([]);
  });

  test("saving again under the name writes only the changed cell in the old row and deletes the row left over", async () => {
    const excel = scenariosWorkbook();
    const replaced = await workbookOver(excel).replaceInputRows(SHEET, TABLE, HEADERS, "Six vehicles", [
      ["Six vehicles", "", "Bandwidth", 7],
    ]);
    expect(replaced).toBe(2);
    expect(excel.syncs.flatMap((sync) => sync.valueWrites)).toEqual([`${SHEET}!E3:E3`]);
    expect(excel.tables[0].address).toBe("B2:F4");
    expect(excel.valuesOf(SHEET, "B3:F4")).toEqual([
      ["Six vehicles", null, "Bandwidth", 7, "ask Sam"],
      ["Big budget", null, "Budget", 400000, "if approved"],
    ]);
  });

  test("a scenario saved with more rows than it had adds the rest at the table's end", async () => {
    const excel = scenariosWorkbook();
    await workbookOver(excel).replaceInputRows(SHEET, TABLE, HEADERS, "Big budget", [
      ["Big budget", "", "Budget", 500000],
      ["Big budget", "", "Bandwidth", 8],
    ]);
    expect(excel.tables[0].address).toBe("B2:F6");
    expect(excel.valuesOf(SHEET, "B4:F6")).toEqual([
      ["Big budget", null, "Budget", 500000, "if approved"],
      ["Six vehicles", "Webinar", "Investment", 20000, "pilot"],
      ["Big budget", null, "Bandwidth", 8, null],
    ]);
  });

  test("deleting the last scenario empties the table's one row rather than deleting it", async () => {
    const excel = new FakeExcel();
    excel.addSheet(SHEET, [HEADERS, ["Only", null, "Bandwidth", 6]]);
    excel.tables.push({
      name: TABLE,
      sheet: excel.sheet(SHEET) as FakeExcel["sheets"][number],
      address: "A1:D2",
      style: "TableStyleLight9",
    });
    expect(await workbookOver(excel).replaceInputRows(SHEET, TABLE, HEADERS, "only", [])).toBe(1);
    expect(excel.tables[0].address).toBe("A1:D2");
    expect(excel.valuesOf(SHEET, "A2:D2")).toEqual([[null, null, null, null]]);
  });
});

test("SPEC 8 saving into a scenarios table without a Value column adds the column at the table's end, as Save settings does", async () => {
  const excel = new FakeExcel();
  excel.addSheet(SHEET, [
    ["Scenario", "Vehicle", "Field"],
    ["Old", null, "Bandwidth"],
  ]);
  excel.tables.push({
    name: TABLE,
    sheet: excel.sheet(SHEET) as FakeExcel["sheets"][number],
    address: "A1:C2",
    style: "TableStyleLight9",
  });
  expect(
    await workbookOver(excel).replaceInputRows(SHEET, TABLE, HEADERS, "Old", [["Old", "", "Bandwidth", 4]]),
  ).toBe(1);
  expect(excel.tables[0].address).toBe("A1:D2");
  expect(excel.valuesOf(SHEET, "A1:D2")).toEqual([HEADERS, ["Old", null, "Bandwidth", 4]]);
});
