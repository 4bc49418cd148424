/**
 * Issue 14: the add-in in a real user's Excel — whole-column selections,
 * protected and read-only workbooks, replans that keep the user's formulas,
 * settings that keep the user's data. Each test runs the Office.js workbook
 * over the strict recording fake.
 */
import type { OutputSheet } from "../../../src/core/outputTable";
import { runPlan, writePlan } from "../../../src/taskpane/planRun";
import { excelErrorMessage } from "../../../src/workbook/office/officeErrors";
import { mixSheet } from "../../core/chartFixtures";
import {
  onSourceChanged,
  onSourcesChanged,
  readSavedMapping,
  saveMapping,
} from "../../../src/workbook/office";
import { missingColumnsMessage } from "../../../src/workbook/savedMapping";
import { parseAddress, REQUEST_BUDGET_BYTES } from "../../../src/workbook/office/officeWorkbook";
import {
  EXCEL_WEB_PAYLOAD_LIMIT,
  FakeExcel,
  FakeOfficeError,
  installExcelEnums,
  workbookOver,
} from "./fakeExcel";
import { vehicleRows, wholeColumnRead } from "./fullRun";

beforeAll(installExcelEnums);

function shortlist(rows: number): OutputSheet {
  return {
    kind: "shortlist",
    sheetName: "Shortlist",
    tableName: "tblShortlist",
    columns: [
      { header: "Rank", format: "integer", width: 6 },
      { header: "Vehicle", format: "text", width: 24 },
      { header: "Recommended investment", format: "money", width: 14 },
      { header: "Why", format: "text", width: 40, prose: true },
    ],
    rows: Array.from({ length: rows }, (_, i) => [
      i + 1,
      `Vehicle ${i + 1}`,
      1000 * (i + 1),
      `reason ${i + 1}`,
    ]),
  };
}

/** Media Mix with its chart, so a replan shows whether the chart is drawn again rather than added. */
function mix(): OutputSheet {
  return mixSheet();
}

function sheetNames(excel: FakeExcel): string[] {
  return [...excel.sheets].sort((a, b) => a.position - b.position).map((sheet) => sheet.name);
}

describe("issue 14.1 whole columns or a whole sheet selected read only the used cells, at their true address", () => {
  const USED_ROWS = 10_000;

  function wideSheet(): FakeExcel {
    const excel = new FakeExcel();
    excel.addSheet("Vehicles", vehicleRows(USED_ROWS), "C1");
    return excel;
  }

  test("a name over whole columns C:T reads the 10,000 used rows from C1, at most 1.1 × the used cells in at most 6 syncs", async () => {
    const excel = wideSheet();
    excel.names.push({ name: "Picks", formula: "=Vehicles!$C:$T", visible: true });
    const [block] = await workbookOver(excel).readSources([{ kind: "name", name: "Picks" }]);
    expect(block?.top).toBe(1);
    expect(block?.left).toBe(3);
    expect(block?.cells).toHaveLength(USED_ROWS + 1);
    expect(block?.cells[1][0]).toBe("Vehicle 1");
    const measured = await wholeColumnRead(USED_ROWS);
    expect(measured.cellsRead).toBeLessThanOrEqual(1.1 * measured.usedCells);
    expect(measured.syncs).toBeLessThanOrEqual(6);
  });

  test("Use selection with whole columns selected reads only the used cells", async () => {
    const excel = wideSheet();
    excel.selection = { sheet: "Vehicles", address: "A:Z" };
    const [block] = await workbookOver(excel).readSources([{ kind: "selection", name: "" }]);
    expect(block).toMatchObject({ sheet: "Vehicles", top: 1, left: 3 });
    expect(excel.cellsRead).toBeLessThanOrEqual(1.1 * (USED_ROWS + 1) * 7);
  });

  test("addresses of whole columns and whole rows keep their true corner", () => {
    expect(parseAddress("Vehicles!C:T")).toEqual({ sheet: "Vehicles", top: 1, left: 3 });
    expect(parseAddress("'Vehicle List'!$4:$9")).toEqual({ sheet: "Vehicle List", top: 4, left: 1 });
  });
});

describe("issue 14.2 Plan reads the block the pane shows, not what is selected now", () => {
  test("a selection kept by its address is read there after the user selected something else", async () => {
    const excel = new FakeExcel();
    excel.addSheet(
      "Ideas",
      [
        ["Vehicle", "Investment"],
        ["Webinar", 1000],
      ],
      "B3",
    );
    excel.addSheet("Notes", [["mine"]]);
    excel.selection = { sheet: "Notes", address: "A1:A1" };
    const [block] = await workbookOver(excel).readSources([{ kind: "selection", name: "Ideas!B3:C4" }]);
    expect(block).toEqual({
      sheet: "Ideas",
      top: 3,
      left: 2,
      cells: [
        ["Vehicle", "Investment"],
        ["Webinar", 1000],
      ],
    });
  });
});

describe("issue 14.7 replanning keeps the outputs' identity", () => {
  test("a user's formula on tblShortlist[Recommended investment] survives two replans, the table resized in place", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Vehicles", [["Vehicle"]]);
    excel.addSheet("Summary", [["Total"]]);
    const workbook = workbookOver(excel);
    await workbook.writeOutputs([shortlist(3), mix()]);
    const formula = "=SUM(tblShortlist[Recommended investment])";
    excel.addFormula("Summary", "B1", formula);
    const table = excel.tables.find((candidate) => candidate.name === "tblShortlist");

    await workbook.writeOutputs([shortlist(5), mix()]);
    expect(excel.tables.find((candidate) => candidate.name === "tblShortlist")).toBe(table);
    expect(table?.address).toBe("A1:D6");
    await workbook.writeOutputs([shortlist(2), mix()]);

    expect(excel.formulas[0].formula).toBe(formula);
    expect(excel.referencesResolve(formula)).toBe(true);
    expect(excel.tables.find((candidate) => candidate.name === "tblShortlist")).toBe(table);
    expect(table?.address).toBe("A1:D3");
    expect(excel.valuesOf("Shortlist", "A1:D4")).toEqual([
      ["Rank", "Vehicle", "Recommended investment", "Why"],
      [1, "Vehicle 1", 1000, "reason 1"],
      [2, "Vehicle 2", 2000, "reason 2"],
      [null, null, null, null],
    ]);
    expect(sheetNames(excel)).toEqual(["Vehicles", "Summary", "Shortlist", "Media Mix"]);
    expect(excel.sheet("Media Mix")?.charts).toHaveLength(1);
  });

  test("a replan to an empty shortlist keeps the table with one blank row", async () => {
    const excel = new FakeExcel();
    const workbook = workbookOver(excel);
    await workbook.writeOutputs([shortlist(3)]);
    await workbook.writeOutputs([shortlist(0)]);
    expect(excel.tables[0].address).toBe("A1:D2");
    expect(excel.valuesOf("Shortlist", "A2:D4")).toEqual([
      [null, null, null, null],
      [null, null, null, null],
      [null, null, null, null],
    ]);
  });
});

describe("issue 14.4 a failed write tells the truth", () => {
  test("a first write that fails part-way takes back what it added: the workbook is as it was", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Vehicles", [["Vehicle"]]);
    excel.addSheet("Scenarios", [["Scenario"]]);
    excel.names.push({ name: "VehiclePlanner_Scenarios", formula: "=Scenarios!$A$1", visible: false });
    excel.failAtSync = 3;
    await expect(workbookOver(excel).writeOutputs([shortlist(3), mix()])).rejects.toThrow(
      "An internal error has occurred. Nothing was written: the workbook is as it was.",
    );
    expect(sheetNames(excel)).toEqual(["Vehicles", "Scenarios"]);
    expect(excel.names.map((name) => name.name)).toEqual(["VehiclePlanner_Scenarios"]);
  });

  test("a replan that fails part-way says the planner's sheets were only partly updated", async () => {
    const excel = new FakeExcel();
    const workbook = workbookOver(excel);
    await workbook.writeOutputs([shortlist(3)]);
    excel.failAtSync = excel.syncs.length + 3;
    await expect(workbook.writeOutputs([shortlist(4)])).rejects.toThrow(
      "The planner's sheets were only partly updated: write the plan again to finish.",
    );
  });
});

describe("issue 14.5 protection, read-only documents and Excel's error codes", () => {
  test("a protected output sheet is named with what to do, and nothing is written", async () => {
    const excel = new FakeExcel();
    const workbook = workbookOver(excel);
    await workbook.writeOutputs([shortlist(3)]);
    const before = excel.valuesOf("Shortlist", "A1:D4");
    (excel.sheet("Shortlist") as { protected: boolean }).protected = true;
    const syncs = excel.syncs.length;
    await expect(workbook.writeOutputs([shortlist(1)])).rejects.toThrow(
      'The sheet "Shortlist" is protected, so the planner cannot update it. Unprotect it (Review › Unprotect Sheet) and plan again.',
    );
    expect(excel.syncs.length).toBe(syncs + 1);
    expect(excel.valuesOf("Shortlist", "A1:D4")).toEqual(before);
  });

  test("a protected workbook structure stops a first write before any sheet is added", async () => {
    const excel = new FakeExcel();
    excel.workbookProtected = true;
    await expect(workbookOver(excel).writeOutputs([shortlist(3)])).rejects.toThrow(
      "The workbook's structure is protected, so the planner cannot add its sheets.",
    );
    expect(excel.sheets).toHaveLength(0);
  });

  test("a read-only document (or view mode on the web) is refused before Excel is asked anything", async () => {
    const excel = new FakeExcel();
    excel.readOnly = true;
    await expect(workbookOver(excel).writeOutputs([shortlist(3)])).rejects.toThrow(/open read-only/);
    await expect(
      workbookOver(excel).writeInputTable(
        "Planner Settings",
        "tblPlannerSettings",
        ["Setting", "Value"],
        [],
        "append",
      ),
    ).rejects.toThrow(/open read-only/);
    expect(excel.syncs).toHaveLength(0);
  });

  test("Excel's error codes become plain messages: cell-edit mode, access denied, a missing item", async () => {
    expect(excelErrorMessage(new FakeOfficeError("InvalidOperationInCellEditMode", "x"))).toBe(
      "Excel is editing a cell. Press Enter or Esc to finish typing, then try again.",
    );
    expect(excelErrorMessage(new FakeOfficeError("AccessDenied", "x"))).toMatch(
      /protected, or the file is read-only/,
    );
    const excel = new FakeExcel();
    excel.addSheet("Vehicles", [["Vehicle"]]);
    excel.failAtSync = 1;
    excel.failCode = "InvalidOperationInCellEditMode";
    await expect(workbookOver(excel).readSources([{ kind: "sheet", name: "Vehicles" }])).rejects.toThrow(
      "Excel is editing a cell. Press Enter or Esc to finish typing, then try again.",
    );
  });

  test("in Excel 1.11 and later the add-in's runs wait for cell-edit mode to end", async () => {
    const run = jest.fn(async (_options: unknown, batch: (context: unknown) => Promise<unknown>) =>
      batch({}),
    );
    const globals = globalThis as unknown as { Office: unknown; Excel: Record<string, unknown> };
    globals.Office = {
      context: {
        requirements: {
          isSetSupported: (set: string, version: string) => set === "ExcelApi" && version === "1.11",
        },
      },
    };
    const saved = globals.Excel.run;
    globals.Excel.run = run;
    try {
      const { OfficeWorkbook } = await import("../../../src/workbook/office/officeWorkbook");
      await new OfficeWorkbook().readSources([]).catch(() => undefined);
      expect(run.mock.calls[0][0]).toEqual({ delayForCellEdit: true });
    } finally {
      globals.Excel.run = saved;
    }
  });
});

describe("issue 14.6 Save settings and Save as scenario keep the user's data", () => {
  function settingsWorkbook(): FakeExcel {
    const excel = new FakeExcel();
    excel.addSheet(
      "Planner Settings",
      [
        ["Setting", "Value", "Note"],
        ["Budget", 250000, "from finance"],
        ["Bandwidth", 5, "team of five"],
      ],
      "C4",
    );
    excel.tables.push({
      name: "tblPlannerSettings",
      sheet: excel.sheet("Planner Settings") as FakeExcel["sheets"][number],
      address: "C4:E6",
      style: "TableStyleLight9",
    });
    return excel;
  }

  test("only the changed cell is written; the table, its place and its extra column stay", async () => {
    const excel = settingsWorkbook();
    const table = excel.tables[0];
    await workbookOver(excel).writeInputTable(
      "Planner Settings",
      "tblPlannerSettings",
      ["Setting", "Value"],
      [
        ["Budget", 250000],
        ["Bandwidth", 6],
      ],
      "upsert-by-first-column",
    );
    expect(excel.tables).toEqual([table]);
    expect(table.address).toBe("C4:E6");
    expect(excel.syncs.flatMap((sync) => sync.valueWrites)).toEqual(["Planner Settings!D6:D6"]);
    expect(excel.valuesOf("Planner Settings", "C4:E6")).toEqual([
      ["Setting", "Value", "Note"],
      ["Budget", 250000, "from finance"],
      ["Bandwidth", 6, "team of five"],
    ]);
  });

  test("a new row goes at the table's end; text starting with = + - @ stays text", async () => {
    const excel = settingsWorkbook();
    await workbookOver(excel).writeInputTable(
      "Planner Settings",
      "tblPlannerSettings",
      ["Setting", "Value"],
      [
        ["Objective", "=Conversion"],
        ["Message complexity", "@simple"],
      ],
      "append",
    );
    expect(excel.tables[0].address).toBe("C4:E8");
    expect(excel.valuesOf("Planner Settings", "C7:E8")).toEqual([
      ["Objective", "=Conversion", null],
      ["Message complexity", "@simple", null],
    ]);
    expect(excel.sheet("Planner Settings")?.numberFormats.get("6,3")).toBe("@");
  });
});

describe("issue 14.4 Cancel and failures during a plan's write, as the pane runs it", () => {
  const job = {
    source: { kind: "sheet" as const, name: "Vehicles" },
    mapping: {},
    attention: null,
    leads: null,
    leadsNamed: false,
    settings: {},
    changedSettings: new Set<never>(),
  };

  function vehiclesWorkbook(): FakeExcel {
    const excel = new FakeExcel();
    excel.addSheet("Vehicles", vehicleRows(20));
    return excel;
  }

  test("Cancel after the first change reached the workbook: the write finishes and the message says so", async () => {
    const excel = vehiclesWorkbook();
    const hooks = { onProgress: () => {}, isCancelled: () => excel.syncs.length >= 4 };
    const outcome = await runPlan(workbookOver(excel), job, hooks);
    expect(outcome.kind).toBe("planned");
    expect(outcome.kind === "planned" && outcome.message).toMatch(
      /so it was written in full rather than left half-written\.$/,
    );
    expect(excel.valuesOf("Shortlist", "A1:A1")).toEqual([["Rank"]]);
  });

  test("a failed write keeps the finished plan, which is written again once the cause is fixed", async () => {
    const excel = vehiclesWorkbook();
    excel.workbookProtected = true;
    const hooks = { onProgress: () => {}, isCancelled: () => false };
    const failed = await runPlan(workbookOver(excel), job, hooks);
    expect(failed.kind).toBe("failed");
    if (failed.kind !== "failed" || !failed.unwritten) throw new Error("the plan was not kept");
    expect(failed.message).toMatch(
      /workbook's structure is protected.*The plan is still shown: fix the cause and write it again\.$/,
    );
    expect(sheetNames(excel)).toEqual(["Vehicles"]);

    excel.workbookProtected = false;
    const readsBefore = excel.cellsRead;
    const written = await writePlan(workbookOver(excel), failed.unwritten, hooks);
    expect(written.kind).toBe("planned");
    expect(excel.cellsRead).toBe(readsBefore);
    expect(sheetNames(excel)).toEqual([
      "Vehicles",
      "Shortlist",
      "Vehicle Filter",
      "Media Mix",
      "Budget Curve",
    ]);
  });
});

describe("issue 14.12 a renamed or deleted source", () => {
  test("is named in the message, which offers the list again; the other sources are still read", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Vehicles", vehicleRows(3));
    excel.addSheet("Planner Settings", [["Setting", "Value"]]);
    excel.tables.push({
      name: "tblRenamed",
      sheet: excel.sheet("Vehicles") as FakeExcel["sheets"][number],
      address: "A1:G4",
      style: "",
    });
    const workbook = workbookOver(excel);
    const [vehicles, settings] = await workbook.readSources([
      { kind: "table", name: "tblVehicles" },
      { kind: "sheet", name: "Planner Settings" },
    ]);
    expect(vehicles).toBeNull();
    expect(settings?.cells).toEqual([["Setting", "Value"]]);
    const outcome = await runPlan(
      workbook,
      {
        source: { kind: "table", name: "tblVehicles" },
        mapping: {},
        attention: null,
        leads: null,
        leadsNamed: false,
        settings: {},
        changedSettings: new Set(),
      },
      { onProgress: () => {}, isCancelled: () => false },
    );
    expect(outcome).toEqual({
      kind: "failed",
      message:
        'The table "tblVehicles" is no longer in the workbook: it was renamed or deleted. Choose the vehicle table again from the list.',
      issues: [],
      sourceGone: true,
    });
  });
});

describe("issue 14.8 Replan when the sheet changes follows the source's sheet", () => {
  test.each([
    [{ kind: "name" as const, name: "Picks" }, "Data"],
    [{ kind: "selection" as const, name: "'Data 2'!B3:C9" }, "Data 2"],
    [{ kind: "sheet" as const, name: "Data" }, "Data"],
  ])("%j is followed on %s, not on the active sheet", async (source, sheet) => {
    const excel = new FakeExcel();
    excel.addSheet("Data", [["Vehicle"]]);
    excel.addSheet("Data 2", [["Vehicle"]]);
    excel.addSheet("Notes", [["mine"]]);
    excel.activeSheet = "Notes";
    excel.names.push({ name: "Picks", formula: "=Data!$A:$G", visible: true });
    await onSourceChanged(source, () => {}, excel.run);
    expect(excel.changeListeners).toEqual([sheet]);
  });
});

describe("issue 14.9 the saved column mapping survives an inserted column", () => {
  const stored = new Map<string, unknown>();
  beforeEach(() => {
    stored.clear();
    (globalThis as unknown as { Office: unknown }).Office = {
      AsyncResultStatus: { Succeeded: "succeeded" },
      context: {
        document: {
          settings: {
            get: (key: string) => stored.get(key) ?? null,
            set: (key: string, value: unknown) => void stored.set(key, value),
            saveAsync: (done: (result: { status: string }) => void) => done({ status: "succeeded" }),
          },
        },
      },
    };
  });
  const source = { kind: "table" as const, name: "tblVehicles" };

  test("a field is found by its header after the user inserts a column before it", async () => {
    await saveMapping(source, { pipeline: 4 }, ["Vehicle", "Channel", "Investment", "Leads", "Pipe $"]);
    const read = await readSavedMapping(source, [
      "Vehicle",
      "Region",
      "Channel",
      "Investment",
      "Leads",
      "Pipe $",
    ]);
    expect(read).toEqual({ mapping: { pipeline: 5 }, missing: [] });
  });

  test("a mapped header that has gone is reported, and that field is matched afresh", async () => {
    await saveMapping(source, { pipeline: 4, channel: null }, [
      "Vehicle",
      "Channel",
      "Investment",
      "Leads",
      "Pipe $",
    ]);
    const read = await readSavedMapping(source, ["Vehicle", "Channel", "Investment", "Leads", "Pipeline $"]);
    expect(read).toEqual({ mapping: { channel: null }, missing: [{ field: "pipeline", header: "Pipe $" }] });
    expect(missingColumnsMessage(read?.missing ?? [])).toBe(
      'The saved column mapping names "Pipe $" (Pipeline), no longer a header of the table; those fields were matched afresh: check them below.',
    );
  });
});

describe("issue 14.11 request size is measured, not assumed", () => {
  test("10,000 rows of 200-character text are read whole, in requests within the budget once measured", async () => {
    const excel = new FakeExcel();
    const text = (i: number, what: string) => `${what} ${i} `.padEnd(200, "x");
    excel.addSheet("Vehicles", [
      ["Vehicle", "Notes", "Audience", "Investment"],
      ...Array.from({ length: 10_000 }, (_, i) => [
        text(i, "Vehicle"),
        text(i, "Notes"),
        text(i, "Audience"),
        1000 + i,
      ]),
    ]);
    const [block] = await workbookOver(excel).readSources([{ kind: "sheet", name: "Vehicles" }]);
    expect(block?.cells).toHaveLength(10_001);
    expect(block?.cells[10_000][0]).toBe(text(9_999, "Vehicle"));
    const refused = excel.syncs.filter((sync) => sync.bytes > EXCEL_WEB_PAYLOAD_LIMIT);
    expect(refused.length).toBeLessThanOrEqual(1);
    const measured = excel.syncs.slice(excel.syncs.indexOf(refused[0]) + 1);
    expect(measured.length).toBeGreaterThan(3);
    for (const sync of measured) expect(sync.bytes).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
  });
});

describe("issue 14.10 start-up reads the candidates in one batch, and the list follows added sheets and tables", () => {
  test("twelve candidate sheets' header rows are read in two syncs, 20 rows each at most", async () => {
    const excel = new FakeExcel();
    const sources = Array.from({ length: 12 }, (_, i) => {
      excel.addSheet(`Sheet ${i + 1}`, vehicleRows(500));
      return { kind: "sheet" as const, name: `Sheet ${i + 1}` };
    });
    const blocks = await workbookOver(excel).readSources(sources, { firstRows: 20 });
    expect(blocks.map((block) => block?.cells.length)).toEqual(Array(12).fill(20));
    expect(excel.syncs).toHaveLength(2);
    expect(excel.cellsRead).toBe(12 * 20 * 7);
  });

  test("sheets added or deleted are followed, and tables too where Excel has their events (1.9)", async () => {
    const excel = new FakeExcel();
    await onSourcesChanged(
      () => {},
      excel.run,
      () => false,
    );
    expect(excel.collectionListeners).toEqual(["worksheets.onAdded", "worksheets.onDeleted"]);
    excel.collectionListeners.length = 0;
    await onSourcesChanged(
      () => {},
      excel.run,
      (version) => version === "1.9",
    );
    expect(excel.collectionListeners).toEqual([
      "worksheets.onAdded",
      "worksheets.onDeleted",
      "tables.onAdded",
      "tables.onDeleted",
    ]);
  });
});
