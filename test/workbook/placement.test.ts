import type { OutputKind, OutputSheet } from "../../src/core/outputTable";
import { inputTableName, placeOutputs, type WorkbookNames } from "../../src/workbook/placement";

function output(kind: OutputKind, sheetName: string, tableName: string, more: string[] = []): OutputSheet {
  const table = { tableName, columns: [], rows: [] };
  return {
    kind,
    sheetName,
    ...table,
    moreTables: more.map((name) => ({ ...table, tableName: name })),
  };
}

const SHORTLIST = output("shortlist", "Shortlist", "tblShortlist");
const FILTER = output("filter", "Vehicle Filter", "tblVehicleFilter");
const LEAD_HEALTH = output("leadHealth", "Lead Health", "tblLeadHealthByVehicle", ["tblLeadHealthByRep"]);

function workbook(parts: Partial<WorkbookNames>): WorkbookNames {
  return { sheets: [], tables: [], names: [], ...parts };
}

const KEEPS = { clearedSheetKeepsTables: true };
const REWRITES = { clearedSheetKeepsTables: false };

describe("SPEC 6 Outputs: names of a first run", () => {
  test("each output gets the SPEC's sheet and table names and a hidden marker on its A1", () => {
    const [placed] = placeOutputs([SHORTLIST], workbook({ sheets: ["Vehicles"] }), KEEPS);
    expect(placed).toEqual({
      kind: "shortlist",
      sheetName: "Shortlist",
      replaces: null,
      tableNames: ["tblShortlist"],
      inPlace: false,
      marker: { name: "VehiclePlanner_Shortlist", formula: "Shortlist!$A$1" },
      staleMarker: null,
      note: null,
    });
  });

  test("a user's own sheet called Shortlist is left alone: the output goes to Shortlist (2), with a note", () => {
    const [placed] = placeOutputs([SHORTLIST], workbook({ sheets: ["shortlist", "Shortlist (2)"] }), KEEPS);
    expect(placed.sheetName).toBe("Shortlist (3)");
    expect(placed.replaces).toBeNull();
    expect(placed.marker?.formula).toBe("'Shortlist (3)'!$A$1");
    expect(placed.note).toContain('went to "Shortlist (3)"');
  });

  test("a table keeps its name unless the workbook has a table or name of that name: then tblShortlist2, with a note", () => {
    const taken = workbook({
      sheets: ["Data"],
      tables: [{ name: "TBLSHORTLIST", sheet: "Data" }],
      names: [{ name: "tblLeadHealthByRep", formula: "=Data!$A$1" }],
    });
    const [shortlist, health] = placeOutputs([SHORTLIST, LEAD_HEALTH], taken, KEEPS);
    expect(shortlist.tableNames).toEqual(["tblShortlist2"]);
    expect(shortlist.note).toBe(
      'The workbook already has a table or name "tblShortlist", so this table is named "tblShortlist2".',
    );
    expect(health.tableNames).toEqual(["tblLeadHealthByVehicle", "tblLeadHealthByRep2"]);
    expect(health.note).toMatch(/tblLeadHealthByRep2/);
  });

  test("the sheet note comes before the table note", () => {
    const taken = workbook({ sheets: ["Shortlist"], tables: [{ name: "tblShortlist", sheet: "Shortlist" }] });
    const [placed] = placeOutputs([SHORTLIST], taken, KEEPS);
    expect(placed.note).toMatch(/^The workbook already has a sheet named "Shortlist".*"tblShortlist2"\.$/);
  });
});

describe("SPEC 6 Running again replaces only the sheets the planner made itself", () => {
  const replan = workbook({
    sheets: ["Vehicles", "My Shortlist", "Vehicle Filter"],
    tables: [
      { name: "tblShortlist", sheet: "My Shortlist" },
      { name: "tblVehicleFilter", sheet: "Vehicle Filter" },
    ],
    names: [
      { name: "VehiclePlanner_Shortlist", formula: "='My Shortlist'!$A$1" },
      { name: "VehiclePlanner_VehicleFilter", formula: "=#REF!$A$1" },
    ],
  });

  test("the marked sheet is replaced under the name the user gave it, its table kept in place, no note", () => {
    const [placed] = placeOutputs([SHORTLIST], replan, REWRITES);
    expect(placed).toMatchObject({
      sheetName: "My Shortlist",
      replaces: "My Shortlist",
      tableNames: ["tblShortlist"],
      inPlace: true,
      marker: null,
      note: null,
    });
  });

  test("a sheet whose marker is broken is the user's now: a new sheet, whose marker replaces the stale one", () => {
    const [, placed] = placeOutputs([SHORTLIST, FILTER], replan, REWRITES);
    expect(placed.sheetName).toBe("Vehicle Filter (2)");
    expect(placed.replaces).toBeNull();
    expect(placed.tableNames).toEqual(["tblVehicleFilter2"]);
    expect(placed.staleMarker).toBe("VehiclePlanner_VehicleFilter");
  });

  test("issue 14.7 a planner table the user renamed on a one-table sheet keeps its new name, so formulas on it keep working", () => {
    const renamed = workbook({
      sheets: ["Shortlist"],
      tables: [{ name: "Budget2027", sheet: "Shortlist" }],
      names: [{ name: "VehiclePlanner_Shortlist", formula: "=Shortlist!$A$1" }],
    });
    expect(placeOutputs([SHORTLIST], renamed, KEEPS)[0]).toMatchObject({
      tableNames: ["Budget2027"],
      inPlace: true,
    });
  });

  test("a sheet missing one of its planner tables is written afresh; a table left on it counts as taken only where clearing keeps tables", () => {
    const partial = workbook({
      sheets: ["Lead Health"],
      tables: [{ name: "tblLeadHealthByVehicle", sheet: "Lead Health" }],
      names: [{ name: "VehiclePlanner_LeadHealth", formula: "='Lead Health'!$A$1" }],
    });
    const [cleared] = placeOutputs([LEAD_HEALTH], partial, KEEPS);
    expect(cleared).toMatchObject({ replaces: "Lead Health", inPlace: false });
    expect(cleared.tableNames).toEqual(["tblLeadHealthByVehicle2", "tblLeadHealthByRep"]);
    const [rewritten] = placeOutputs([LEAD_HEALTH], partial, REWRITES);
    expect(rewritten.tableNames).toEqual(["tblLeadHealthByVehicle", "tblLeadHealthByRep"]);
  });
});

describe("SPEC 8 the Planner Scenarios table written afresh", () => {
  test("keeps its name, unless a table on another sheet has it", () => {
    const names = workbook({
      sheets: ["Planner Scenarios", "Other"],
      tables: [{ name: "tblPlannerScenarios", sheet: "Planner Scenarios" }],
    });
    expect(inputTableName("tblPlannerScenarios", "Planner Scenarios", names)).toBe("tblPlannerScenarios");
    expect(inputTableName("tblPlannerScenarios", "Other", names)).toBe("tblPlannerScenarios2");
  });
});
