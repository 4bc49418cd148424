/**
 * SPEC 8 what-if scenarios: named sets of changes to vehicle fields and plan
 * settings, kept in `Planner Scenarios` (`tblPlannerScenarios`), applied to
 * the parsed inputs, and compared with the base plan.
 */
import type { CellBlock, CellValue } from "./cells";
import { cellReference } from "./cellReference";
import { fieldForName, headerText, normaliseHeader } from "./headers";
import type { Issue } from "./issues";
import { needsHeaders, noScenarioNamed } from "./messages";
import type { Plan, SettingKey, SettingValues } from "./model";
import { failure, success, type Outcome } from "./outcome";
import { makePlan, type PlanInputs } from "./plan";
import { BASE_SCENARIO, SCENARIO_HEADERS } from "./publicNames";
import { parseSettingValue, settingKeyForName } from "./settings";
import { parseFieldValue } from "./values";
import { setVehicleField } from "./changedVehicle";
import { normalisedName, tableWithVehicles } from "./vehicleTable";

export interface ScenarioRow {
  scenario: string;
  vehicle: string;
  field: string;
  value: CellValue;
  cells: { scenario: string; vehicle: string; field: string; value: string };
}

const COLUMNS = SCENARIO_HEADERS.map(normaliseHeader);

/** The `Planner Scenarios` table: header row first, with Scenario, Vehicle, Field and Value. */
export function readScenarioTable(block: CellBlock | null): Outcome<ScenarioRow[]> {
  if (block === null || block.cells.length === 0) return success([]);
  const headers = block.cells[0].map((cell) => normaliseHeader(headerText(cell)));
  const columns = COLUMNS.map((name) => headers.indexOf(name));
  if (columns.some((column) => column < 0)) {
    return failure(`${needsHeaders(block.sheet, SCENARIO_HEADERS)}.`);
  }
  const rows: ScenarioRow[] = [];
  for (let r = 1; r < block.cells.length; r++) {
    const cells = block.cells[r];
    const [scenario, vehicle, field] = columns.slice(0, 3).map((column) => headerText(cells[column] ?? null));
    if (scenario === "") continue;
    const reference = (i: number) => cellReference(block.sheet, block.top + r, block.left + columns[i]);
    rows.push({
      scenario,
      vehicle,
      field,
      value: cells[columns[3]] ?? null,
      cells: { scenario: reference(0), vehicle: reference(1), field: reference(2), value: reference(3) },
    });
  }
  return success(rows);
}

/** Scenario names in order of first appearance (matched trimmed and case-insensitive). */
export function scenarioNames(rows: readonly ScenarioRow[]): string[] {
  const names = new Map<string, string>();
  for (const row of rows)
    if (!names.has(normalisedName(row.scenario)))
      names.set(normalisedName(row.scenario), row.scenario.trim());
  return [...names.values()];
}

export function rowsOfScenario(rows: readonly ScenarioRow[], name: string): ScenarioRow[] {
  return rows.filter((row) => normalisedName(row.scenario) === normalisedName(name));
}

function rowError(cell: string, field: string, message: string): Issue {
  return { severity: "error", cell, field, message };
}

/**
 * The inputs with one scenario's changes applied in row order. A row that
 * names nothing known, or whose value does not parse, is an error issue at
 * its cell and is ignored.
 */
export function applyScenario(
  inputs: PlanInputs,
  rows: readonly ScenarioRow[],
): { inputs: PlanInputs; issues: Issue[] } {
  const vehicles = [...inputs.table.vehicles];
  const scenarioSettings: SettingValues = { ...inputs.scenarioSettings };
  const issues: Issue[] = [];
  for (const row of rows) {
    if (row.vehicle.trim() === "") {
      const key = settingKeyForName(row.field);
      if (key === null) {
        issues.push(
          rowError(
            row.cells.field,
            "Field",
            `"${row.field}" is not a plan setting: use a setting's name, such as Budget or Bandwidth`,
          ),
        );
        continue;
      }
      const blank = row.value === null || (typeof row.value === "string" && row.value.trim() === "");
      if (blank) {
        (scenarioSettings as Record<SettingKey, unknown>)[key] = null;
        continue;
      }
      const parsed = parseSettingValue(key, row.value, row.cells.value);
      if (parsed.issue) issues.push(parsed.issue);
      if (parsed.value !== undefined && parsed.issue?.severity !== "error")
        (scenarioSettings as Record<SettingKey, unknown>)[key] = parsed.value;
      continue;
    }
    const index = vehicles.findIndex(
      (vehicle) => normalisedName(vehicle.name) === normalisedName(row.vehicle),
    );
    if (index < 0) {
      issues.push(
        rowError(
          row.cells.vehicle,
          "Vehicle",
          `"${row.vehicle}" is not a vehicle of the table: use a name from its Vehicle column`,
        ),
      );
      continue;
    }
    const field = fieldForName(row.field);
    if (field === null) {
      issues.push(
        rowError(
          row.cells.field,
          "Field",
          `"${row.field}" is not a vehicle field: use a header of the vehicle table, such as Investment or Conversion rate`,
        ),
      );
      continue;
    }
    const parsed = parseFieldValue(field, row.value);
    if (parsed.kind === "error") {
      issues.push(rowError(row.cells.value, "Value", parsed.message));
      continue;
    }
    vehicles[index] = setVehicleField(vehicles[index], field, parsed, row.cells.value);
  }
  return {
    inputs: { ...inputs, table: tableWithVehicles(inputs.table, vehicles), scenarioSettings },
    issues,
  };
}

export interface ScenarioComparison {
  scenario: string;
  /** Shortlisted names in rank order. */
  shortlist: string[];
  budget: number;
  expectedPipeline: number | null;
  changeInExpectedPipeline: number | null;
  /** In the scenario's rank order. */
  entered: string[];
  /** In the base's rank order. */
  left: string[];
  plan: Plan;
}

function shortlistOf(plan: Plan): string[] {
  return plan.vehicles
    .filter((vehicle) => vehicle.rank !== null)
    .sort((a, b) => (a.rank as number) - (b.rank as number))
    .map((vehicle) => vehicle.vehicle);
}

/** One plan's row of the comparison against the base plan. */
export function compareWithBase(name: string, plan: Plan, base: Plan): ScenarioComparison {
  const shortlist = shortlistOf(plan);
  const baseList = shortlistOf(base);
  const inBase = new Set(baseList.map(normalisedName));
  const inPlan = new Set(shortlist.map(normalisedName));
  const expected = plan.allocation.expectedPipeline;
  const baseExpected = base.allocation.expectedPipeline;
  return {
    scenario: name,
    shortlist,
    budget: plan.settings.budget,
    expectedPipeline: expected,
    changeInExpectedPipeline: expected === null || baseExpected === null ? null : expected - baseExpected,
    entered: shortlist.filter((vehicle) => !inBase.has(normalisedName(vehicle))),
    left: baseList.filter((vehicle) => !inPlan.has(normalisedName(vehicle))),
    plan,
  };
}

/**
 * Plans the base and each named scenario (all, in order of first appearance,
 * when none is named). An unknown name, or a scenario that leaves nothing to
 * plan, is a failure naming it.
 */
export function compareScenarios(
  inputs: PlanInputs,
  rows: readonly ScenarioRow[],
  names: readonly string[],
): Outcome<{ comparisons: ScenarioComparison[]; issues: Issue[] }> {
  const known = scenarioNames(rows);
  const wanted = names.length > 0 ? names : known;
  const unknown = wanted.find(
    (name) => !known.some((candidate) => normalisedName(candidate) === normalisedName(name)),
  );
  if (unknown !== undefined) {
    return failure(noScenarioNamed(unknown, known));
  }
  const base = makePlan(inputs);
  if (!base.ok) return base;
  const comparisons = [compareWithBase(BASE_SCENARIO, base.value, base.value)];
  const issues: Issue[] = [...base.value.issues];
  for (const name of wanted) {
    const applied = applyScenario(inputs, rowsOfScenario(rows, name));
    issues.push(...applied.issues);
    const plan = makePlan(applied.inputs);
    if (!plan.ok)
      return failure(`Scenario "${name}" leaves nothing to plan: ${plan.message}`, [
        ...applied.issues,
        ...plan.issues,
      ]);
    const display = known.find((candidate) => normalisedName(candidate) === normalisedName(name)) ?? name;
    comparisons.push(compareWithBase(display, plan.value, base.value));
  }
  return success({ comparisons, issues });
}
