import type { CellValue } from "../../../src/core/cells";
import { summariseLeadHealth } from "../../../src/core/leadHealth";
import { readLeadLog } from "../../../src/core/leadLog";
import { buildLeadHealthSheet } from "../../../src/core/outputSheets";
import { OfficeWorkbook, REQUEST_BUDGET_BYTES } from "../../../src/workbook/office/officeWorkbook";
import { ReadCancelledError } from "../../../src/workbook/plannerWorkbook";
import { FakeExcel, installExcelEnums, workbookOver } from "./fakeExcel";

beforeAll(installExcelEnums);

const DAY = 46328;

function leadHealthSheet() {
  const log = readLeadLog(
    {
      sheet: "Lead Log",
      top: 1,
      left: 1,
      cells: [
        ["Vehicle", "Owner", "Handed off"],
        ["Webinar", "Ann", DAY],
        ["Webinar", "Ann", DAY],
        ["Webinar", "Bob", DAY],
      ],
    },
    false,
  );
  if (!log.ok) throw new Error(log.message);
  return buildLeadHealthSheet(
    summariseLeadHealth(log.value, ["Webinar"], { leadExpiry: 24, asOf: DAY + 2, leadsPerRep: 1.5 }),
  );
}

describe("SPEC 10.2 Lead Health through Office.js", () => {
  test("SPEC 10.2 both tables are Excel tables side by side, Total rows last, Load over 100 % highlighted", async () => {
    const excel = new FakeExcel();
    const written = await workbookOver(excel).writeOutputs([leadHealthSheet()]);
    expect(written).toEqual([
      { kind: "leadHealth", sheetName: "Lead Health", tableName: "tblLeadHealthByVehicle", note: null },
    ]);
    expect(excel.tables.map((table) => [table.name, table.address])).toEqual([
      ["tblLeadHealthByVehicle", "A1:H3"],
      ["tblLeadHealthByRep", "J1:O4"],
    ]);
    expect(excel.valuesOf("Lead Health", "J2:O4")).toEqual([
      ["Ann", 2, 2, 1, 1.5, 2 / 1.5],
      ["Bob", 1, 1, 1, 1.5, 1 / 1.5],
      ["Total", 3, 3, 1, null, null],
    ]);
    expect(excel.sheet("Lead Health")?.conditionalFormats).toEqual([
      { address: "O2:O4", text: "> 1", fill: "#FCE4E4", font: "#9C0006" },
    ]);
    expect(excel.sheet("Lead Health")?.numberFormats.get("1,14")).toBe("0.0%");
  });

  test("SPEC 10.2 a taken table name gets the next free one, with a note", async () => {
    const excel = new FakeExcel();
    const mine = excel.addSheet("Mine", [["A"], [1]]);
    excel.tables.push({ name: "tblLeadHealthByRep", sheet: mine, address: "Mine!A1:A2", style: "" });
    const [written] = await workbookOver(excel).writeOutputs([leadHealthSheet()]);
    expect(excel.tables.map((table) => table.name)).toContain("tblLeadHealthByRep2");
    expect(written.note).toMatch(/tblLeadHealthByRep2/);
  });

  test("SPEC 10.2 the workbook's 1904 date system is found without writing anything", async () => {
    const excel = new FakeExcel();
    expect(await new OfficeWorkbook(excel.run).usesDate1904()).toBe(false);
    excel.date1904 = true;
    expect(await new OfficeWorkbook(excel.run).usesDate1904()).toBe(true);
    expect(excel.sheets).toEqual([]);
  });

  const BIG_LOG = 60_000;
  function bigLog(excel: FakeExcel): void {
    const rows: CellValue[][] = [["Lead", "Vehicle", "Owner", "Handed off", "First touch", "Status"]];
    for (let i = 0; i < BIG_LOG; i++)
      rows.push([`L-${i}`, "Paid search", "Sam Okafor", DAY + i / 1000, null, "New"]);
    excel.addSheet("Lead Log", rows);
  }

  test("SPEC 10.2 a large log is read in row blocks within the request budget, with progress", async () => {
    const excel = new FakeExcel();
    bigLog(excel);
    const progress: number[] = [];
    const block = await new OfficeWorkbook(excel.run).readSource(
      { kind: "sheet", name: "Lead Log" },
      { onProgress: (fraction) => progress.push(fraction) },
    );
    expect(block.cells).toHaveLength(BIG_LOG + 1);
    expect(excel.syncs.length).toBeGreaterThan(3);
    expect(excel.maxRequestBytes).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(1);
  });

  test("SPEC 10.2 cancelling stops the read between row blocks", async () => {
    const excel = new FakeExcel();
    bigLog(excel);
    let blocks = 0;
    const read = new OfficeWorkbook(excel.run).readSource(
      { kind: "sheet", name: "Lead Log" },
      { onProgress: () => void blocks++, isCancelled: () => blocks >= 1 },
    );
    await expect(read).rejects.toBeInstanceOf(ReadCancelledError);
    expect(blocks).toBe(1);
  });
});
