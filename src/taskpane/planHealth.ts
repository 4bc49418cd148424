/**
 * Whether a finished plan is sound, and when it is not, why in words and
 * which setting to look at: the pane's banner is green only when this finds
 * nothing.
 */
import { formatMoney } from "../core/numberText";
import type { Plan, SettingKey } from "../core/model";
import type { PlanInputs } from "../core/plan";
import { SETTING_NAMES } from "../core/publicNames";
import { plural, QUESTION_TITLES, statusCounts } from "./summary";

/** Where a warning's button takes the user. */
export type HealthTarget = { kind: "setting"; key: SettingKey } | { kind: "problems" };

export interface PlanWarning {
  text: string;
  target: HealthTarget;
  /** The button's words: "Go to Pipeline goal". */
  action: string;
}

/** Amounts below half a dollar are rounding, not money left over or missing. */
const MONEY_TOLERANCE = 0.5;

function setting(key: SettingKey): { target: HealthTarget; action: string } {
  return { target: { kind: "setting", key }, action: `Go to ${SETTING_NAMES[key]}` };
}

/** Whether the Pipeline goal was given (sheet, scenario or pane) rather than defaulted to the sum of Pipeline. */
function goalGiven(inputs: PlanInputs): boolean {
  return [inputs.sheetSettings, inputs.scenarioSettings, inputs.overrideSettings].some(
    (layer) => layer.pipelineGoal !== undefined && layer.pipelineGoal !== null,
  );
}

/** The question that eliminated the most vehicles, the setting behind it and a hint in words. */
function eliminationCause(question: number, goalIsDefault: boolean): { key: SettingKey; hint: string } {
  const named = (key: SettingKey, verb: string) => ({
    key,
    hint: `${verb} ${SETTING_NAMES[key]} in Settings`,
  });
  switch (question) {
    case 0:
      return named("objective", "check the");
    case 1:
      return named("minimumReach", "lower");
    case 2:
      return named("messageComplexity", "check");
    case 3:
      return named("minimumSkill", "lower");
    case 4:
      return goalIsDefault
        ? {
            key: "pipelineGoal",
            hint: "the Pipeline goal is the sum of every vehicle's pipeline; set a goal in Settings",
          }
        : named("minimumImpactShare", "lower");
    case 5:
      return named("requireTrackRecord", "check");
    default:
      return named("minimumRelativeReturn", "lower");
  }
}

/** What keeps the plan from being sound, most telling first; empty when it is sound. */
export function planWarnings(plan: Plan, inputs: PlanInputs): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const counts = statusCounts(plan);
  const { allocation, settings } = plan;

  if (counts.shortlisted < settings.bandwidth) {
    const most = counts.eliminated.reduce(
      (best, count, k) => (count > counts.eliminated[best] ? k : best),
      0,
    );
    const head = `${counts.shortlisted} of ${settings.bandwidth} shortlist places are filled (Bandwidth ${settings.bandwidth})`;
    if (counts.eliminated[most] > 0) {
      const cause = eliminationCause(most, !goalGiven(inputs));
      warnings.push({
        text:
          `${head}: ${counts.eliminated[most]} of ${counts.total} vehicles were eliminated by ` +
          `${QUESTION_TITLES[most]}: ${cause.hint}.`,
        ...setting(cause.key),
      });
    } else {
      warnings.push({
        text: `${head}: the table has only ${plural(counts.total - counts.invalid, "valid vehicle")}; lower Bandwidth in Settings.`,
        ...setting("bandwidth"),
      });
    }
  }

  const expected = allocation.expectedPipeline;
  if (expected !== null && expected < allocation.pipelineGoal - MONEY_TOLERANCE) {
    const short = `Expected pipeline ${formatMoney(Math.round(expected))} misses the Pipeline goal ${formatMoney(
      Math.round(allocation.pipelineGoal),
    )} by ${formatMoney(Math.round(allocation.pipelineGoal - expected))}`;
    warnings.push(
      allocation.budgetForGoal !== null && allocation.budgetForGoal > allocation.budget
        ? {
            text: `${short}: a Budget of ${formatMoney(Math.round(allocation.budgetForGoal))} would reach it.`,
            ...setting("budget"),
          }
        : {
            text: `${short}: no budget reaches it with this shortlist; lower the goal or widen the shortlist.`,
            ...setting("pipelineGoal"),
          },
    );
  }

  if (allocation.allocated === null) {
    warnings.push({
      text: `The shortlist's minimum investments add up to more than the ${formatMoney(
        allocation.budget,
      )} Budget, so nothing was allocated.`,
      ...setting("budget"),
    });
  } else if (
    // With nothing shortlisted the whole budget is left over for the reason the first warning gives.
    counts.shortlisted > 0 &&
    allocation.unallocated !== null &&
    allocation.unallocated >= MONEY_TOLERANCE
  ) {
    warnings.push({
      text:
        `${formatMoney(Math.round(allocation.unallocated))} of the ${formatMoney(allocation.budget)} Budget is ` +
        "left unallocated: every shortlisted vehicle is at its ceiling; raise Ceiling factor (or Max investment) or lower the Budget.",
      ...setting("ceilingFactor"),
    });
  }

  if (counts.invalid > 0) {
    warnings.push({
      text: `${counts.invalid} of ${plural(counts.total, "row")} have invalid input and were left out of the plan.`,
      target: { kind: "problems" },
      action: "Go to Problems",
    });
  }
  return warnings;
}
