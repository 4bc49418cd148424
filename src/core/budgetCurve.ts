/**
 * SPEC 11's budget curve: what more, or less, budget would buy. Each row is
 * the optimal allocation at its budget by the plan's own solver (section 4,
 * with the capacity of 10.1 when there is one).
 */
import { MONEY_TOLERANCE } from "./allocation";
import { allocateAt, heldBackAt, type LeadShortlist, type MultiplierGuess } from "./capacityAllocation";
import type { BudgetCurveRow } from "./model";

const GRID_STEPS = 20;

/** A budget within this much of a grid budget takes that row's Note instead of a row of its own. */
const NOTE_DISTANCE = 1;

export const BUDGET_NOTE = "Budget";
export const GOAL_NOTE = "Budget for the goal";

interface CurveBudget {
  budget: number;
  notes: string[];
}

/** The curve's budgets: 21 from Σ lo to Σ hi (one when they are equal), then the plan's Budget and Budget for the goal. */
function curveBudgets(
  floors: number,
  ceilings: number,
  budget: number,
  budgetForGoal: number | null,
): CurveBudget[] {
  const rows: CurveBudget[] = [];
  if (ceilings - floors <= MONEY_TOLERANCE) rows.push({ budget: floors, notes: [] });
  else {
    for (let k = 0; k <= GRID_STEPS; k++) {
      const grid = k === GRID_STEPS ? ceilings : floors + ((ceilings - floors) * k) / GRID_STEPS;
      rows.push({ budget: grid, notes: [] });
    }
  }
  const specials: [number | null, string][] = [
    [budget, BUDGET_NOTE],
    [budgetForGoal, GOAL_NOTE],
  ];
  for (const [value, note] of specials) {
    if (value === null || value < floors - MONEY_TOLERANCE || value > ceilings + MONEY_TOLERANCE) continue;
    let nearest: CurveBudget | null = null;
    for (const row of rows) {
      const distance = Math.abs(row.budget - value);
      if (distance <= NOTE_DISTANCE && (nearest === null || distance < Math.abs(nearest.budget - value)))
        nearest = row;
    }
    if (nearest) nearest.notes.push(note);
    else rows.push({ budget: value, notes: [note] });
  }
  return rows.sort((a, b) => a.budget - b.budget);
}

export function buildBudgetCurve(
  shortlist: LeadShortlist,
  budget: number,
  budgetForGoal: number | null,
): BudgetCurveRow[] {
  const { prepared } = shortlist;
  if (prepared.vehicles.length === 0) return [];
  // The curve rises with the budget, so each row's multipliers are a close start for the next.
  let start: MultiplierGuess | undefined;
  return curveBudgets(prepared.floors, prepared.ceilings, budget, budgetForGoal).map((row) => {
    const at = allocateAt(shortlist, row.budget, start);
    if (at.lambda !== null && at.lambda > 0) start = { t: Math.log(at.lambda), mu: at.mu ?? 0 };
    const heldBack = heldBackAt(shortlist, row.budget, at) > 0;
    return {
      budget: row.budget,
      expectedPipeline: at.expectedPipeline,
      expectedLeads: at.expectedLeads,
      marginalPer1k: heldBack ? 0 : at.lambda === null ? null : 1000 * at.lambda,
      pipelinePerDollar: row.budget > 0 ? at.expectedPipeline / row.budget : null,
      note: row.notes.length > 0 ? row.notes.join("; ") : null,
    };
  });
}
