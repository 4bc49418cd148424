/** The pane's actions on a loaded source: save the settings, plan, write again, cancel, go to a cell, download. */
import type { FileWorkbook } from "./host";
import { errorText } from "./errors";
import { say, type PaneContext } from "./paneContext";
import type { RunHooks, RunResult } from "./planRun";
import { SETTINGS_HEADERS, SETTINGS_SHEET, SETTINGS_TABLE } from "../core/publicNames";
import { findSettingsTable, readSettingTexts, settingRows } from "./settingsForm";

export async function saveSettings(context: PaneContext): Promise<void> {
  const { workbook, settings, sheetSettings } = context.getState();
  if (!workbook) return;
  const rows = settingRows(settings, sheetSettings);
  if (!rows) {
    say(context, "error", "Settings not saved: correct the settings marked in red first.");
    return;
  }
  try {
    await workbook.writeInputTable(
      SETTINGS_SHEET,
      SETTINGS_TABLE,
      SETTINGS_HEADERS,
      rows,
      "upsert-by-first-column",
    );
    const saved = readSettingTexts(findSettingsTable(await workbook.readSheet(SETTINGS_SHEET)));
    context.dispatch({ type: "settingsSaved", settings: saved });
    say(context, "success", `Saved ${rows.length} settings on the ${SETTINGS_SHEET} sheet.`);
  } catch (error) {
    say(context, "error", `Could not save the settings: ${errorText(error)}`);
  }
}

function runHooks(context: PaneContext): RunHooks {
  return {
    onProgress: (step, fraction) => context.dispatch({ type: "stepped", step, fraction }),
    isCancelled: () => context.run.cancelRequested,
  };
}

/** After the vehicle table was renamed or deleted: the list as the workbook has it now, and no source chosen. */
async function listSourcesAgain(context: PaneContext): Promise<void> {
  const workbook = context.getState().workbook;
  if (!workbook) return;
  try {
    context.dispatch({ type: "sourceGone", sources: await workbook.listSources() });
  } catch {
    // The message already says to choose again; the old list stays until the workbook answers.
  }
}

function showOutcome(context: PaneContext, outcome: RunResult): void {
  if (outcome.kind === "failed" && outcome.sourceGone) void listSourcesAgain(context);
  context.dispatch({ type: "planFinished", outcome, browser: context.host.kind === "browser" });
}

export async function plan(context: PaneContext): Promise<void> {
  const current = context.getState();
  if (!current.workbook || !current.source || current.progress) return;
  context.run.cancelRequested = false;
  context.dispatch({ type: "started", step: "Reading the workbook", fraction: 0 });
  let outcome: RunResult;
  try {
    const { runPlan } = await import(/* webpackChunkName: "plan" */ "./planRun");
    outcome = await runPlan(
      current.workbook,
      {
        source: current.source,
        headerRow: current.headerRow ?? undefined,
        mapping: current.mapping,
        attention: current.attention,
        leads: current.leads,
        leadsNamed: current.leadsChosen,
        settings: current.settings,
        changedSettings: current.changedSettings,
      },
      runHooks(context),
    );
  } catch (error) {
    outcome = { kind: "failed", message: `Could not plan: ${errorText(error)}`, issues: [] };
  }
  showOutcome(context, outcome);
}

/** Writes the plan on screen whose write failed, without planning again. */
export async function writeAgain(context: PaneContext): Promise<void> {
  const { workbook, unwritten, progress } = context.getState();
  if (!workbook || !unwritten || progress) return;
  context.run.cancelRequested = false;
  context.dispatch({ type: "started", step: "Writing the plan", fraction: 0.5 });
  const { writePlan } = await import(/* webpackChunkName: "plan" */ "./planRun");
  showOutcome(context, await writePlan(workbook, unwritten, runHooks(context)));
}

export function cancel(context: PaneContext): void {
  context.run.cancelRequested = true;
  context.dispatch({ type: "cancelRequested" });
}

export async function selectCell(context: PaneContext, reference: string): Promise<void> {
  if (!context.excel) return;
  try {
    await context.excel.selectCell(reference);
    say(context, "info", `Selected ${reference}.`);
  } catch (error) {
    say(context, "error", `Could not select ${reference}: ${errorText(error)}`);
  }
}

export async function activateSheet(context: PaneContext, sheetName: string): Promise<void> {
  if (!context.excel) return;
  try {
    await context.excel.activateSheet(sheetName);
    say(context, "info", `Showing the ${sheetName} sheet.`);
  } catch (error) {
    say(context, "error", `Could not show the ${sheetName} sheet: ${errorText(error)}`);
  }
}

function planFileName(fileName: string | null): string {
  const base = (fileName ?? "workbook").replace(/\.xlsx$/i, "");
  return `${base}-plan.xlsx`;
}

export async function downloadPlan(context: PaneContext): Promise<void> {
  const { host } = context;
  const { workbook, fileName } = context.getState();
  if (host.kind !== "browser" || !workbook) return;
  const name = planFileName(fileName);
  try {
    host.download(await (workbook as FileWorkbook).toBytes(), name);
    say(context, "success", `Downloaded ${name}.`);
  } catch (error) {
    say(context, "error", `Could not save ${name}: ${errorText(error)}`);
  }
}
