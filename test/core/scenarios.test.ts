import type { CellBlock, CellValue } from "../../src/core/cells";
import { makePlan, readPlanInputs, type PlanInputs } from "../../src/core/plan";
import { buildScenarioSheet, scenariosToJson } from "../../src/core/scenarioSheet";
import {
  applyScenario,
  compareScenarios,
  readScenarioTable,
  rowsOfScenario,
  scenarioNames,
  type ScenarioRow,
} from "../../src/core/scenarios";

const VEHICLES: CellValue[][] = [
  ["Vehicle", "Channel", "Investment", "Leads", "Conversion rate", "Average deal size"],
  ["Webinar", "Content", 10000, 200, 0.05, 1800],
  ["Trade show", "Events", 10000, 100, 0.12, 2500],
  ["Paid search", "Digital", 10000, 100, 0.04, 2000],
  ["Print", "Print", 10000, 50, 0.05, 2000],
];

function inputs(bandwidth = 2): PlanInputs {
  const read = readPlanInputs({
    vehicles: { sheet: "Vehicles", top: 1, left: 1, cells: VEHICLES },
    overrides: { bandwidth, pipelineGoal: 0 },
  });
  if (!read.ok) throw new Error(read.message);
  return read.value;
}

function scenarios(rows: CellValue[][]): ScenarioRow[] {
  const block: CellBlock = {
    sheet: "Planner Scenarios",
    top: 1,
    left: 1,
    cells: [["Scenario", "Vehicle", "Field", "Value"], ...rows],
  };
  const read = readScenarioTable(block);
  if (!read.ok) throw new Error(read.message);
  return read.value;
}

function shortlist(planInputs: PlanInputs): string[] {
  const plan = makePlan(planInputs);
  if (!plan.ok) throw new Error(plan.message);
  return plan.value.vehicles
    .filter((v) => v.rank !== null)
    .sort((a, b) => (a.rank as number) - (b.rank as number))
    .map((v) => v.vehicle);
}

test("SPEC 8 scenario names come in order of first appearance, matched trimmed and case-insensitive", () => {
  const rows = scenarios([
    ["Webinars up", "Webinar", "Leads", 900],
    [" Budget cut ", "", "Budget", 15000],
    ["webinars UP", "Webinar", "Conversion rate", "15%"],
  ]);
  expect(scenarioNames(rows)).toEqual(["Webinars up", "Budget cut"]);
  expect(rowsOfScenario(rows, "WEBINARS UP")).toHaveLength(2);
});

test("SPEC 8 a row with a Vehicle sets that vehicle's field, parsed as the field's values, by header or synonym", () => {
  const base = inputs();
  expect(shortlist(base)).toEqual(["Trade show", "Webinar"]);
  const applied = applyScenario(base, scenarios([["Search wins", " paid SEARCH ", "Conv. Rate (%)", "20%"]]));
  expect(applied.issues).toEqual([]);
  expect(shortlist(applied.inputs)).toEqual(["Paid search", "Trade show"]);
  expect(shortlist(base)).toEqual(["Trade show", "Webinar"]);
});

test("SPEC 8 several changes to one vehicle stack in row order", () => {
  const applied = applyScenario(
    inputs(),
    scenarios([
      ["Print", "Print", "Leads", 5000],
      ["Print", "Print", "Leads", 10],
      ["Print", "Print", "Average deal size", 90000],
    ]),
  );
  const plan = makePlan(applied.inputs);
  expect(plan.ok && plan.value.vehicles[3].pipeline).toBe(10 * 0.05 * 90000);
});

test("SPEC 8 a row with a blank Vehicle sets a plan setting; flags still win over the scenario", () => {
  const applied = applyScenario(inputs(), scenarios([["Wider", null, "Bandwidth", 3]]));
  expect(shortlist(applied.inputs)).toHaveLength(2);
  const noFlag = { ...applied.inputs, overrideSettings: { pipelineGoal: 0 } };
  expect(shortlist(noFlag)).toHaveLength(3);
});

test("SPEC 8 a scenario that changes the Budget changes the allocation", () => {
  const base = inputs();
  const applied = applyScenario(base, scenarios([["Cut", "", "Budget", "15k"]]));
  const plan = makePlan(applied.inputs);
  expect(plan.ok && plan.value.allocation.budget).toBe(15000);
});

test("SPEC 8 a blank Value clears the field; a setting takes its default", () => {
  const applied = applyScenario(
    { ...inputs(), sheetSettings: { hourlyRate: 50 } },
    scenarios([
      ["Clear", "Webinar", "Average deal size", null],
      ["Clear", "", "Hourly rate", ""],
    ]),
  );
  const plan = makePlan(applied.inputs);
  expect(plan.ok && plan.value.settings.hourlyRate).toBe(100);
  expect(plan.ok && plan.value.vehicles[0].status).toBe("Invalid input");
});

test("SPEC 8 rows naming no known vehicle, field or setting, or a value that does not parse, are errors at their cells and ignored", () => {
  const applied = applyScenario(
    inputs(),
    scenarios([
      ["Bad", "Radio", "Leads", 10],
      ["Bad", "Webinar", "Colour", "red"],
      ["Bad", "", "Speed", 3],
      ["Bad", "Webinar", "Leads", "lots"],
      ["Bad", "", "Bandwidth", "two"],
    ]),
  );
  expect(applied.issues.map((issue) => [issue.cell, issue.field])).toEqual([
    ["'Planner Scenarios'!B2", "Vehicle"],
    ["'Planner Scenarios'!C3", "Field"],
    ["'Planner Scenarios'!C4", "Field"],
    ["'Planner Scenarios'!D5", "Value"],
    ["'Planner Scenarios'!D6", "Bandwidth"],
  ]);
  expect(applied.issues.every((issue) => issue.severity === "error")).toBe(true);
  expect(shortlist(applied.inputs)).toEqual(shortlist(inputs()));
});

test("SPEC 8 compare plans the base and each scenario, with shortlist, budget, expected pipeline, entered and left", () => {
  const rows = scenarios([
    ["Search wins", "Paid search", "Conversion rate", 0.2],
    ["Only the rows of planned scenarios are checked", "Nobody", "Leads", 1],
  ]);
  const compared = compareScenarios(inputs(), rows, ["search wins"]);
  expect(compared.ok).toBe(true);
  if (!compared.ok) return;
  const [base, search] = compared.value.comparisons;
  expect(base).toMatchObject({
    scenario: "Base",
    shortlist: ["Trade show", "Webinar"],
    changeInExpectedPipeline: 0,
    entered: [],
    left: [],
  });
  expect(search).toMatchObject({
    scenario: "Search wins",
    shortlist: ["Paid search", "Trade show"],
    entered: ["Paid search"],
    left: ["Webinar"],
  });
  expect(search.changeInExpectedPipeline).toBeCloseTo(
    (search.expectedPipeline as number) - (base.expectedPipeline as number),
    6,
  );
  expect(compared.value.issues).toEqual([]);
  const sheet = buildScenarioSheet(compared.value.comparisons);
  expect(sheet.columns.map((column) => column.header)).toEqual([
    "Scenario",
    "Shortlist",
    "Budget",
    "Expected pipeline",
    "Change in expected pipeline",
    "Entered",
    "Left",
  ]);
  expect(sheet.rows[1].slice(0, 2)).toEqual(["Search wins", "Paid search, Trade show"]);
  expect(Object.keys(scenariosToJson(compared.value.comparisons, []).scenarios[1])).toEqual([
    "scenario",
    "shortlist",
    "budget",
    "expectedPipeline",
    "entered",
    "left",
  ]);
});

test("SPEC 8 compare with no name plans every scenario; an unknown name is a failure naming it", () => {
  const rows = scenarios([
    ["A", "", "Bandwidth", 1],
    ["B", "", "Bandwidth", 3],
  ]);
  const all = compareScenarios(inputs(), rows, []);
  expect(all.ok && all.value.comparisons.map((row) => row.scenario)).toEqual(["Base", "A", "B"]);
  const unknown = compareScenarios(inputs(), rows, ["C"]);
  expect(!unknown.ok && unknown.message).toContain('no scenario named "C"');
});
