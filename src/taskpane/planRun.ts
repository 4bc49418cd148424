/**
 * One press of `Plan`: read the workbook, make the plan, write the output
 * sheets. The engine comes with this module, which the pane loads on the
 * first press, so it is not part of the pane's start-up. Steps report progress, yield to the page between them so the pane
 * stays responsive, and stop as soon as the user cancels; nothing is written
 * before the plan is complete, and a cancelled write leaves the sheets alone.
 */
import type { CellBlock } from "../core/cells";
import type { Issue } from "../core/issues";
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
import {
  findSettingsTable,
  SETTINGS_SHEET,
  settingOverrides,
  settingsForRun,
  type SettingTexts,
} from "./settingsForm";

export interface PlanJob {
  source: SourceRef;
  /** The vehicle block already read (a selection is read once, when the user picks it). */
  cachedBlock: CellBlock | null;
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
  | { kind: "failed"; message: string; issues: Issue[] }
  | { kind: "cancelled"; duringWrite: boolean };

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
    if (!job.cachedBlock && !vehicleBlock)
      throw new Error(`the vehicle table ${job.source.name} is no longer there`);
    vehicles = job.cachedBlock ?? (vehicleBlock as CellBlock);
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
    return { kind: "failed", message: `Could not read the workbook: ${errorText(error)}`, issues: [] };
  }
  hooks.onProgress("Planning", 0.3);
  await yieldToPage();
  if (hooks.isCancelled()) return cancelled;

  const overrides = settingOverrides(job.settings, job.changedSettings);
  const inputs = readPlanInputs({
    vehicles,
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

  let written: WrittenSheet[];
  try {
    written = await workbook.writeOutputs(buildOutputSheets(plan), {
      onProgress: (fraction) => hooks.onProgress("Writing the plan", 0.5 + 0.5 * fraction),
      isCancelled: hooks.isCancelled,
    });
  } catch (error) {
    if (hooks.isCancelled()) return { kind: "cancelled", duringWrite: true };
    return { kind: "failed", message: `Could not write the plan: ${errorText(error)}`, issues: plan.issues };
  }
  if (hooks.isCancelled()) return { kind: "cancelled", duringWrite: true };
  hooks.onProgress("Writing the plan", 1);
  return {
    kind: "planned",
    plan,
    inputs: inputs.value,
    written,
    message: plannedMessage(plan, written),
    warnings: planWarnings(plan, inputs.value),
  };
}
