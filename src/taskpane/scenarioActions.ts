/** SPEC 8 the pane's scenario actions: save, delete and compare the scenarios of `Planner Scenarios`. */
import type { PlannerWorkbook } from "../workbook/plannerWorkbook";
import { errorText } from "./errors";
import { report, type PaneContext } from "./paneContext";
import type { CompareReport, Status } from "./plannerReducer";
import { SCENARIO_HEADERS, SCENARIO_SHEET, SCENARIO_TABLE } from "../core/publicNames";
import { readSavedScenarios } from "./savedScenarios";
import type { WhatIfChange } from "./whatIf";

const NO_WORKBOOK: Status = { intent: "error", text: "No workbook is open." };

function changesText(count: number): string {
  return count === 1 ? "1 change" : `${count} changes`;
}

/** The saved scenarios read again after a change, so the list shows what the sheet holds. */
async function readScenariosAgain(context: PaneContext, workbook: PlannerWorkbook): Promise<void> {
  context.dispatch({
    type: "scenariosRead",
    scenarios: readSavedScenarios(await workbook.readSheet(SCENARIO_SHEET)),
  });
}

/** Saves the changes under the name, replacing a saved scenario of that name (the panel asks first). */
export async function saveScenario(
  context: PaneContext,
  name: string,
  changes: WhatIfChange[],
): Promise<Status> {
  const { workbook } = context.getState();
  if (!workbook) return NO_WORKBOOK;
  try {
    const rows = changes.map((change) => [name, change.vehicle, change.field, change.number ?? change.value]);
    const had = await workbook.replaceInputRows(SCENARIO_SHEET, SCENARIO_TABLE, SCENARIO_HEADERS, name, rows);
    await readScenariosAgain(context, workbook);
    const count = changes.length === 1 ? "the change" : `${changes.length} changes`;
    return report(
      context,
      "success",
      had > 0
        ? `Replaced scenario "${name}" in ${SCENARIO_SHEET}: it now has ${changesText(changes.length)} (it had ${changesText(had)}).`
        : `Saved ${count} as scenario "${name}" in ${SCENARIO_SHEET}.`,
    );
  } catch (error) {
    return report(context, "error", `Could not save the scenario: ${errorText(error)}`);
  }
}

export async function deleteScenario(context: PaneContext, name: string): Promise<Status> {
  const { workbook } = context.getState();
  if (!workbook) return NO_WORKBOOK;
  try {
    const had = await workbook.replaceInputRows(SCENARIO_SHEET, SCENARIO_TABLE, SCENARIO_HEADERS, name, []);
    await readScenariosAgain(context, workbook);
    return had > 0
      ? report(context, "success", `Deleted scenario "${name}" (${changesText(had)}) from ${SCENARIO_SHEET}.`)
      : report(
          context,
          "warning",
          `${SCENARIO_SHEET} has no scenario "${name}" any more; nothing was deleted.`,
        );
  } catch (error) {
    return report(context, "error", `Could not delete the scenario: ${errorText(error)}`);
  }
}

export async function compareSavedScenarios(context: PaneContext): Promise<CompareReport> {
  const { workbook, result } = context.getState();
  if (!workbook || !result) return { status: { intent: "error", text: "Plan first." }, comparisons: [] };
  try {
    const { compareSaved } = await import(/* webpackChunkName: "plan" */ "./whatIf");
    const compared = await compareSaved(workbook, result.inputs);
    context.dispatch({ type: "problemsFound", problems: compared.issues });
    if (!compared.ok) return { status: report(context, "error", compared.message), comparisons: [] };
    const sheets = compared.written.map((sheet) => sheet.sheetName).join(", ");
    const count = compared.comparisons.length - 1;
    return {
      status: report(
        context,
        "success",
        `Compared ${count} scenario${count === 1 ? "" : "s"} with the base plan. Wrote ${sheets}.`,
      ),
      comparisons: compared.comparisons,
    };
  } catch (error) {
    return {
      status: report(context, "error", `Could not compare the scenarios: ${errorText(error)}`),
      comparisons: [],
    };
  }
}
