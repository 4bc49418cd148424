import type { OutputSheet } from "../../../src/core/outputTable";
import { parseAddress, REQUEST_BUDGET_BYTES } from "../../../src/workbook/office/officeWorkbook";
import { FakeExcel, installExcelEnums, workbookOver } from "./fakeExcel";
import { fullRun } from "./fullRun";

beforeAll(installExcelEnums);

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
      rows: [
        [1, "=cmd|' /C calc'!A0", 1000],
        [2, "Webinar", null],
      ],
    },
    {
      kind: "filter",
      sheetName: "Vehicle Filter",
      tableName: "tblVehicleFilter",
      columns: [
        { header: "Vehicle", format: "text", width: 24 },
        { header: "Status", format: "text", width: 16 },
        { header: "Q1 Objective fit", format: "text", width: 10 },
      ],
      rows: [["Webinar", "Shortlisted", "Pass"]],
    },
    {
      kind: "mix",
      sheetName: "Media Mix",
      tableName: "tblMediaMix",
      columns: [
        { header: "Channel", format: "text", width: 16 },
        { header: "Current share", format: "percent", width: 10 },
        { header: "Recommended share", format: "percent", width: 10 },
        { header: "Attention share", format: "percent", width: 10 },
      ],
      rows: [
        ["Events", 0.6, 0.5, 0.1],
        ["Digital", 0.4, 0.5, 0.4],
        ["Total", 1, 1, 0.5],
      ],
    },
  ];
}

describe("reading through Office.js", () => {
  test("SPEC 1.1 values come through as the engine expects: numbers, text, booleans, errors, blanks", async () => {
    const excel = new FakeExcel();
    excel.addSheet(
      "Vehicle List",
      [
        ["Vehicle", "Investment", "Leads"],
        ["Webinar", 1000, { error: "#N/A" }],
        ["Print", "", true],
      ],
      "B3",
    );
    const [block] = await workbookOver(excel).readSources([{ kind: "sheet", name: "Vehicle List" }]);
    expect(block).toEqual({
      sheet: "Vehicle List",
      top: 3,
      left: 2,
      cells: [
        ["Vehicle", "Investment", "Leads"],
        ["Webinar", 1000, { error: "#N/A" }],
        ["Print", null, true],
      ],
    });
  });

  test("the vehicle table, settings and attention table are read in two syncs; a missing sheet is null", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Vehicles", [["Vehicle"], ["Webinar"]]);
    const blocks = await workbookOver(excel).readSources([
      { kind: "sheet", name: "Vehicles" },
      { kind: "sheet", name: "Planner Settings" },
    ]);
    expect(blocks[1]).toBeNull();
    expect(excel.syncs).toHaveLength(2);
  });

  test("parseAddress reads quoted sheet names", () => {
    expect(parseAddress("'Vehicle ''List'''!$C$7:$T$40")).toEqual({
      sheet: "Vehicle 'List'",
      top: 7,
      left: 3,
    });
  });
});

describe("writing through Office.js", () => {
  test("SPEC 6 the three sheets are Excel tables with values, number formats, frozen headers and widths", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Vehicles", [["Vehicle"]]);
    const written = await workbookOver(excel).writeOutputs(outputs());
    expect(written.map((sheet) => [sheet.sheetName, sheet.tableName, sheet.note])).toEqual([
      ["Shortlist", "tblShortlist", null],
      ["Vehicle Filter", "tblVehicleFilter", null],
      ["Media Mix", "tblMediaMix", null],
    ]);
    expect(excel.valuesOf("Shortlist", "A1:C3")).toEqual([
      ["Rank", "Vehicle", "Investment"],
      [1, "=cmd|' /C calc'!A0", 1000],
      [2, "Webinar", null],
    ]);
    const shortlist = excel.sheet("Shortlist");
    expect(shortlist?.numberFormats.get("1,1")).toBe("@");
    expect(shortlist?.numberFormats.get("1,2")).toBe("$#,##0");
    expect(shortlist?.frozenRows).toBe(1);
    expect(shortlist?.columnWidths.get(1)).toBe(24 * 7);
    expect(excel.tables.map((table) => [table.name, table.sheet.name, table.address, table.style])).toEqual([
      ["tblShortlist", "Shortlist", "A1:C3", "TableStyleMedium2"],
      ["tblVehicleFilter", "Vehicle Filter", "A1:C2", "TableStyleMedium2"],
      ["tblMediaMix", "Media Mix", "A1:D4", "TableStyleMedium2"],
    ]);
    expect(excel.calculationSuspensions).toBe(1);
  });

  test("SPEC 6 text from cells is written into text-formatted cells, so =… stays text", async () => {
    const excel = new FakeExcel();
    await workbookOver(excel).writeOutputs(outputs());
    expect(excel.sheet("Shortlist")?.numberFormats.get("1,1")).toBe("@");
    expect(excel.sheet("Shortlist")?.cells.get("1,1")).toBe("=cmd|' /C calc'!A0");
  });

  test("the filter's Status and Q columns get pass / fail / n/a colours", async () => {
    const excel = new FakeExcel();
    await workbookOver(excel).writeOutputs(outputs());
    const formats = excel.sheet("Vehicle Filter")?.conditionalFormats ?? [];
    expect(formats.filter((format) => format.address === "B2:B2").map((format) => format.text)).toEqual([
      "Shortlisted",
      "Eliminated",
      "Invalid input",
    ]);
    expect(formats.filter((format) => format.address === "C2:C2").map((format) => format.text)).toEqual([
      "Pass",
      "Fail",
      "n/a",
    ]);
  });

  test("SPEC 6 the planner marks its sheets with hidden names; a rerun replaces them in place and nothing else", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Vehicles", [["Vehicle"]]);
    const workbook = workbookOver(excel);
    await workbook.writeOutputs(outputs());
    excel.addSheet("Notes", [["mine"]]);
    await workbook.writeOutputs(outputs());
    expect([...excel.sheets].sort((a, b) => a.position - b.position).map((sheet) => sheet.name)).toEqual([
      "Vehicles",
      "Shortlist",
      "Vehicle Filter",
      "Media Mix",
      "Notes",
    ]);
    expect(excel.tables.map((table) => table.name).sort()).toEqual([
      "tblMediaMix",
      "tblShortlist",
      "tblVehicleFilter",
    ]);
    expect(excel.names.map((name) => [name.name, name.formula, name.visible])).toEqual([
      ["VehiclePlanner_Shortlist", "=Shortlist!$A$1", false],
      ["VehiclePlanner_VehicleFilter", "='Vehicle Filter'!$A$1", false],
      ["VehiclePlanner_MediaMix", "='Media Mix'!$A$1", false],
    ]);
  });

  test("SPEC 6 a user's own sheet called Shortlist is left alone: the output goes to Shortlist (2) with a note", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Shortlist", [["my picks"]]);
    const [shortlist] = await workbookOver(excel).writeOutputs(outputs());
    expect(shortlist.sheetName).toBe("Shortlist (2)");
    expect(shortlist.note).toContain('went to "Shortlist (2)"');
    expect(excel.valuesOf("Shortlist", "A1:A1")).toEqual([["my picks"]]);
  });
});

describe("round trips and request sizes of a full run (read, plan, write)", () => {
  test("a full run takes the same 5 syncs at 100 and 10,000 rows, no request above 2,000,000 bytes", async () => {
    const small = await fullRun(100);
    const large = await fullRun(10_000);
    expect(small.syncs).toBe(5);
    expect(large.syncs).toBe(5);
    expect(large.maxRequestBytes).toBeLessThanOrEqual(2_000_000);
    expect(large.maxRequestBytes).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
  }, 120_000);

  test("sheets without long text are written in one request after the look at the workbook, tables and formats with them", async () => {
    const excel = new FakeExcel();
    await workbookOver(excel).writeOutputs(outputs());
    expect(excel.syncs).toHaveLength(2);
    expect(excel.syncs[1].valueWrites).toContain("Vehicle Filter!A2:C2");
  });

  test("the figures are written before the long text: Reasons and Why go in a request of their own", async () => {
    const { excel } = await fullRun(100);
    const [, , , figures, prose] = excel.syncs;
    expect(figures.valueWrites).toEqual(
      expect.arrayContaining([
        "Shortlist!A2:O6",
        "Vehicle Filter!A2:P101",
        "Media Mix!A2:K7",
        "Budget Curve!A2:F22",
      ]),
    );
    expect(figures.valueWrites.some((range) => /^(Shortlist!P|Vehicle Filter!Q)/.test(range))).toBe(false);
    expect(prose.valueWrites).toEqual(["Shortlist!P2:P6", "Vehicle Filter!Q2:Q101"]);
  }, 60_000);

  test("no request above 2,000,000 bytes at 200,000 rows (large reads and writes go in blocks)", async () => {
    const run = await fullRun(200_000);
    expect(run.maxRequestBytes).toBeLessThanOrEqual(2_000_000);
    expect(run.syncs).toBeGreaterThan(6);
  }, 240_000);
});
