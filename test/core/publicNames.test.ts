import {
  ATTENTION_SHEET,
  BASE_SCENARIO,
  LEAD_HEALTH_BY_REP_TABLE,
  LEAD_LOG_SHEET,
  OUTPUT_SHEETS,
  OUTPUT_TABLES,
  SCENARIO_HEADERS,
  SCENARIO_SHEET,
  SCENARIO_TABLE,
  SETTINGS_HEADERS,
  SETTINGS_SHEET,
  SETTINGS_TABLE,
  TOTAL_ROW,
} from "../../src/core/publicNames";

// Typed from the SPEC's code font, not from the module: a renamed name fails here.
describe("the SPEC's public names", () => {
  test("SPEC 1.2 settings live on `Planner Settings` in `tblPlannerSettings` (`Setting`, `Value`)", () => {
    expect([SETTINGS_SHEET, SETTINGS_TABLE, SETTINGS_HEADERS]).toEqual([
      "Planner Settings",
      "tblPlannerSettings",
      ["Setting", "Value"],
    ]);
  });

  test("SPEC 8 scenarios live on `Planner Scenarios` in `tblPlannerScenarios`; the plan without one is `Base`", () => {
    expect([SCENARIO_SHEET, SCENARIO_TABLE, SCENARIO_HEADERS, BASE_SCENARIO]).toEqual([
      "Planner Scenarios",
      "tblPlannerScenarios",
      ["Scenario", "Vehicle", "Field", "Value"],
      "Base",
    ]);
  });

  test("SPEC 5 and 10.2 the attention sheet is `Audience Attention` and the lead log `Lead Log`", () => {
    expect([ATTENTION_SHEET, LEAD_LOG_SHEET]).toEqual(["Audience Attention", "Lead Log"]);
  });

  test("SPEC 6, 8, 10.2 and 11 each output sheet and its table", () => {
    expect(OUTPUT_SHEETS).toEqual({
      shortlist: "Shortlist",
      filter: "Vehicle Filter",
      mix: "Media Mix",
      scenarios: "Scenarios",
      budgetCurve: "Budget Curve",
      leadHealth: "Lead Health",
    });
    expect(OUTPUT_TABLES).toEqual({
      shortlist: "tblShortlist",
      filter: "tblVehicleFilter",
      mix: "tblMediaMix",
      scenarios: "tblScenarios",
      budgetCurve: "tblBudgetCurve",
      leadHealth: "tblLeadHealthByVehicle",
    });
    expect(LEAD_HEALTH_BY_REP_TABLE).toBe("tblLeadHealthByRep");
  });

  test("SPEC 5 and 10.2 the last row of the media mix and of lead health is `Total`", () => {
    expect(TOTAL_ROW).toBe("Total");
  });
});
