/**
 * One press of `Plan`: read the workbook, make the plan, write the output
 * sheets. The engine comes with this module, which the pane loads on the
 * first press, so it is not part of the pane's start-up. Steps report progress, yield to the page between them so the pane
 * stays responsive, and stop as soon as the user cancels; nothing is written
 * before the plan is complete, and a write is either cancelled before it changes anything or finished.
 */
import type { CellBlock } from "../core/cells";
import type { Issue } from "../core/issues";
import { readFailed } from "../core/messages";
import type { MappingOverride, Plan, SettingKey } from "../core/model";
import { buildOutputSheets } from "../core/outputSheets";
import { makePlan, readPlanInputs, type PlanInputs } from "../core/plan";
import {
  ReadCancelledError,
  type PlannerWorkbook,
  type SourceRef,
  type WrittenSheet,
} from "../workbook/plannerWorkbook";
import { planWarnings, type PlanWarning } from "./planHealth";
import { plannedMessage } from "./summary";
import { errorText } from "./errors";
import { SETTINGS_SHEET } from "../core/publicNames";
import { findSettingsTable, settingOverrides, settingsForRun, type SettingTexts } from "./settingsForm";

export interface PlanJob {
  /** The source the pane shows (a selection by the address it had when the user picked it). */
  source: SourceRef;
  /** The sheet row of the vehicle table's header row; without it the engine finds it. */
  headerRow?: number;
  mapping: MappingOverride;
  attention: SourceRef | null;
  /** SPEC 10.2 the lead log, read after the other sources in row blocks with progress. */
  leads: SourceRef | null;
  /** The user picked the log: without its headers nothing is planned (else a warning). */
  leadsNamed: boolean;
  /** The settings as typed in the pane. */
  settings: SettingTexts;
  /** The settings the user changed in the pane; the others are as on the sheet. */
  changedSettings: ReadonlySet<SettingKey>;
}

export type PlanStep = "Reading the workbook" | "Planning" | "Writing the plan";

export interface RunHooks {
  onProgress(step: PlanStep, fraction: number): void;
  isCancelled(): boolean;
}

/** A finished plan that could not be written, kept so the user can write it again without replanning. */
export interface UnwrittenPlan {
  plan: Plan;
  inputs: PlanInputs;
}

export type RunResult =
  | {
      kind: "planned";
      plan: Plan;
      inputs: PlanInputs;
      written: WrittenSheet[];
      message: string;
      /** What keeps the plan from being sound; empty when it is. */
      warnings: PlanWarning[];
    }
  | {
      kind: "failed";
      message: string;
      issues: Issue[];
      unwritten?: UnwrittenPlan;
      /** The vehicle table was renamed or deleted: the pane lists the sources again. */
      sourceGone?: boolean;
    }
  | { kind: "cancelled"; duringWrite: boolean };

/** Said when Cancel came after the first change reached the workbook: the write went on to the end. */
const WRITTEN_DESPITE_CANCEL =
  " Cancel came after the plan had started to reach the workbook, so it was written in full rather than left half-written.";

const SOURCE_KINDS: Record<SourceRef["kind"], string> = {
  table: "table",
  name: "named range",
  sheet: "sheet",
  selection: "selected range",
};

/** Names the source that is gone and says what to do. */
export function sourceGoneMessage(source: SourceRef): string {
  return (
    `The ${SOURCE_KINDS[source.kind]} "${source.name}" is no longer in the workbook: it was renamed or deleted. ` +
    "Choose the vehicle table again from the list."
  );
}

/** Lets the browser paint the progress bar and handle a click on Cancel. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function runPlan(workbook: PlannerWorkbook, job: PlanJob, hooks: RunHooks): Promise<RunResult> {
  const cancelled: RunResult = { kind: "cancelled", duringWrite: false };

  hooks.onProgress("Reading the workbook", 0);
  let vehicles: CellBlock;
  let settings: CellBlock | null;
  let attention: CellBlock | null;
  let leads: CellBlock | null = null;
  let date1904 = false;
  try {
    const [vehicleBlock, settingsSheet, attentionBlock] = await workbook.readSources([
      job.source,
      { kind: "sheet", name: SETTINGS_SHEET },
      job.attention ?? { kind: "sheet", name: "" },
    ]);
    if (!vehicleBlock)
      return { kind: "failed", message: sourceGoneMessage(job.source), issues: [], sourceGone: true };
    vehicles = vehicleBlock;
    hooks.onProgress("Reading the workbook", 0.15);
    settings = settingsForRun(findSettingsTable(settingsSheet), job.settings, job.changedSettings);
    attention = job.attention ? attentionBlock : null;
    if (job.leads) {
      date1904 = await workbook.usesDate1904();
      leads = await workbook.readSource(job.leads, {
        onProgress: (fraction) => hooks.onProgress("Reading the workbook", 0.15 + 0.15 * fraction),
        isCancelled: hooks.isCancelled,
      });
    }
  } catch (error) {
    if (error instanceof ReadCancelledError) return cancelled;
    return { kind: "failed", message: readFailed(errorText(error)), issues: [] };
  }
  hooks.onProgress("Planning", 0.3);
  await yieldToPage();
  if (hooks.isCancelled()) return cancelled;

  const overrides = settingOverrides(job.settings, job.changedSettings);
  const inputs = readPlanInputs({
    vehicles,
    headerRow: job.headerRow,
    mapping: job.mapping,
    settings,
    attention,
    leads,
    leadsNamed: job.leadsNamed,
    date1904,
    overrides,
  });
  if (!inputs.ok) return { kind: "failed", message: inputs.message, issues: inputs.issues };
  hooks.onProgress("Planning", 0.4);
  await yieldToPage();
  if (hooks.isCancelled()) return cancelled;

  const planned = makePlan(inputs.value);
  if (!planned.ok) return { kind: "failed", message: planned.message, issues: planned.issues };
  const plan = planned.value;
  hooks.onProgress("Writing the plan", 0.5);
  await yieldToPage();
  if (hooks.isCancelled()) return cancelled;

  return writePlan(workbook, { plan, inputs: inputs.value }, hooks);
}

/**
 * Writes a finished plan's sheets. Once the first change has reached the
 * workbook the write is not stopped, so the sheets are never left half-written:
 * a Cancel then only ends up in the message. A failed write hands the plan
 * back, so the pane keeps it on screen and can write it again without replanning.
 */
export async function writePlan(
  workbook: PlannerWorkbook,
  unwritten: UnwrittenPlan,
  hooks: RunHooks,
): Promise<RunResult> {
  const { plan, inputs } = unwritten;
  let written: WrittenSheet[];
  try {
    written = await workbook.writeOutputs(buildOutputSheets(plan), {
      onProgress: (fraction) => hooks.onProgress("Writing the plan", 0.5 + 0.5 * fraction),
      isCancelled: hooks.isCancelled,
    });
  } catch (error) {
    if (error instanceof Error && error.name === "WriteCancelledError") {
      return { kind: "cancelled", duringWrite: true };
    }
    return {
      kind: "failed",
      message: `Could not write the plan: ${errorText(error)} The plan is still shown: fix the cause and write it again.`,
      issues: plan.issues,
      unwritten,
    };
  }
  hooks.onProgress("Writing the plan", 1);
  const message = plannedMessage(plan, written) + (hooks.isCancelled() ? WRITTEN_DESPITE_CANCEL : "");
  return { kind: "planned", plan, inputs, written, message, warnings: planWarnings(plan, inputs) };
}
