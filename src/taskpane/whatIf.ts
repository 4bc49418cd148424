/**
 * The what-if panel's engine work, loaded with the plan: one change applied
 * to the inputs already read (no workbook round trip per keystroke), its
 * difference from the base plan, and comparing the saved scenarios.
 */
import { elasticityFit, type ElasticityFit } from "../core/allocation";
import { FIELD_HEADERS } from "../core/headers";
import type { Issue } from "../core/issues";
import type { FieldKey, Plan, SettingKey } from "../core/model";
import { buildOutputSheets } from "../core/outputSheets";
import { makePlan, type PlanInputs } from "../core/plan";
import { SCENARIO_SHEET, SETTING_NAMES } from "../core/publicNames";
import { buildScenarioSheet } from "../core/scenarioSheet";
import {
  applyScenario,
  compareScenarios,
  compareWithBase,
  readScenarioTable,
  type ScenarioComparison,
} from "../core/scenarios";
import type { PlannerWorkbook, WrittenSheet } from "../workbook/plannerWorkbook";

/** The vehicle fields a what-if can change, by their headers. */
export const WHAT_IF_FIELDS: FieldKey[] = [
  "investment",
  "leads",
  "conversion",
  "dealSize",
  "pipeline",
  "hours",
  "risk",
  "reach",
  "resonance",
  "skillToday",
  "impactPotential",
  "minInvestment",
  "maxInvestment",
];

/** The plan settings a what-if can change, by their names. */
export const WHAT_IF_SETTINGS: SettingKey[] = [
  "budget",
  "bandwidth",
  "pipelineGoal",
  "hourlyRate",
  "returnsElasticity",
  "floorFactor",
  "ceilingFactor",
  "salesReps",
  "leadsPerRep",
];

export interface WhatIfChange {
  /** A vehicle's name, or '' for a plan setting. */
  vehicle: string;
  /** A field's header or a setting's name, as a scenario row writes it. */
  field: string;
  value: string;
  /** The value as a number when it reads as one, so the scenario sheet keeps a number rather than text. */
  number?: number | null;
}

export interface ChannelShift {
  channel: string;
  base: number | null;
  changed: number | null;
}

export type WhatIfResult =
  | {
      ok: true;
      comparison: ScenarioComparison;
      channels: ChannelShift[];
      issues: Issue[];
      /** The changed plan's returns curves, to say why money moved as it did. */
      curves: ReturnsCurve[];
    }
  | { ok: false; message: string };

export function fieldLabel(field: FieldKey): string {
  return FIELD_HEADERS[field];
}

export function settingLabel(key: SettingKey): string {
  return SETTING_NAMES[key];
}

/** The plan with a scenario's changes applied in order (a saved one being edited), and how it differs from the base. */
export function tryChanges(inputs: PlanInputs, base: Plan, changes: readonly WhatIfChange[]): WhatIfResult {
  const applied = applyScenario(
    inputs,
    changes.map((change) => ({
      scenario: "What if",
      vehicle: change.vehicle,
      field: change.field,
      // A saved number is planned as saved; typed text as the plan reads it.
      value: change.number ?? change.value,
      cells: { scenario: "", vehicle: "", field: "", value: "" },
    })),
  );
  const errors = applied.issues.filter((issue) => issue.severity === "error");
  if (errors.length > 0) return { ok: false, message: errors[0].message };
  const plan = makePlan(applied.inputs);
  if (!plan.ok) return { ok: false, message: plan.message };
  const baseMix = new Map(base.mix.map((row) => [row.channel.toLowerCase(), row.recommendedInvestment]));
  const channels = plan.value.mix
    .map((row) => ({
      channel: row.channel,
      base: baseMix.get(row.channel.toLowerCase()) ?? null,
      changed: row.recommendedInvestment,
    }))
    .filter((row) => Math.abs((row.changed ?? 0) - (row.base ?? 0)) >= 0.5);
  return {
    ok: true,
    comparison: compareWithBase("What if", plan.value, base),
    channels,
    issues: applied.issues,
    curves: returnsCurves(plan.value, inputs),
  };
}

/** Plans the base and every saved scenario and writes the plan's sheets with `Scenarios`. */
export async function compareSaved(
  workbook: PlannerWorkbook,
  inputs: PlanInputs,
): Promise<
  | { ok: true; comparisons: ScenarioComparison[]; written: WrittenSheet[]; issues: Issue[] }
  | { ok: false; message: string; issues: Issue[] }
> {
  const [block] = await workbook.readSources([{ kind: "sheet", name: SCENARIO_SHEET }]);
  const rows = readScenarioTable(block);
  if (!rows.ok) return { ok: false, message: rows.message, issues: [] };
  if (rows.value.length === 0)
    return {
      ok: false,
      message: `${SCENARIO_SHEET} has no scenarios yet: save a change as a scenario first.`,
      issues: [],
    };
  const compared = compareScenarios(inputs, rows.value, []);
  if (!compared.ok) return { ok: false, message: compared.message, issues: compared.issues };
  const { comparisons, issues } = compared.value;
  const written = await workbook.writeOutputs([
    ...buildOutputSheets(comparisons[0].plan),
    buildScenarioSheet(comparisons),
  ]);
  return { ok: true, comparisons, written, issues };
}

/** A shortlisted vehicle's returns curve: how fast its pipeline grows with money, and where that came from. */
export interface ReturnsCurve {
  vehicle: string;
  recommendedInvestment: number | null;
  fit: ElasticityFit;
}

/**
 * The returns curve of each shortlisted vehicle of `plan`, in rank order: a
 * flat curve (low elasticity) is why money can move away from a vehicle that
 * a change seems to favour.
 */
export function returnsCurves(plan: Plan, inputs: PlanInputs): ReturnsCurve[] {
  const parsed = new Map(inputs.table.vehicles.map((row) => [row.row, row.values]));
  return plan.vehicles
    .filter((vehicle) => vehicle.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .map((vehicle) => {
      const values = parsed.get(vehicle.row);
      const fit = elasticityFit(
        {
          current: vehicle.investment ?? 0,
          pipeline: vehicle.pipeline ?? 0,
          priorInvestment: values?.priorInvestment ?? null,
          priorPipeline: values?.priorPipeline ?? null,
          minInvestment: null,
          maxInvestment: null,
        },
        plan.settings,
      );
      return { vehicle: vehicle.vehicle, recommendedInvestment: vehicle.recommendedInvestment, fit };
    });
}
