/** SPEC 8 outputs: the `Scenarios` sheet (`tblScenarios`) and the `compare` JSON. */
import type { Issue } from "./issues";
import type { OutputSheet } from "./outputTable";
import { OUTPUT_SHEETS, OUTPUT_TABLES } from "./publicNames";
import type { ScenarioComparison } from "./scenarios";

export function buildScenarioSheet(comparisons: readonly ScenarioComparison[]): OutputSheet {
  return {
    kind: "scenarios",
    sheetName: OUTPUT_SHEETS.scenarios,
    tableName: OUTPUT_TABLES.scenarios,
    columns: [
      { header: "Scenario", format: "text", width: 18 },
      { header: "Shortlist", format: "text", width: 60 },
      { header: "Budget", format: "money", width: 14 },
      { header: "Expected pipeline", format: "money", width: 18 },
      { header: "Change in expected pipeline", format: "money", width: 18 },
      { header: "Entered", format: "text", width: 30 },
      { header: "Left", format: "text", width: 30 },
    ],
    rows: comparisons.map((row) => [
      row.scenario,
      row.shortlist.join(", "),
      row.budget,
      row.expectedPipeline,
      row.changeInExpectedPipeline,
      row.entered.join(", "),
      row.left.join(", "),
    ]),
  };
}

export interface ScenariosJson {
  scenarios: {
    scenario: string;
    shortlist: string[];
    budget: number;
    expectedPipeline: number | null;
    entered: string[];
    left: string[];
  }[];
  issues: Issue[];
}

export function scenariosToJson(
  comparisons: readonly ScenarioComparison[],
  issues: readonly Issue[],
): ScenariosJson {
  return {
    scenarios: comparisons.map((row) => ({
      scenario: row.scenario,
      shortlist: row.shortlist,
      budget: row.budget,
      expectedPipeline: row.expectedPipeline,
      entered: row.entered,
      left: row.left,
    })),
    issues: issues.map((issue) => ({
      severity: issue.severity,
      cell: issue.cell,
      field: issue.field,
      message: issue.message,
    })),
  };
}
