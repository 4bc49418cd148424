/**
 * SPEC 4: the recommended budget across the shortlist and the budget for the
 * goal.
 *
 * Each curve P_i(x) = P_i (x / c_i)^β_i is strictly concave, so the optimum of
 * Σ P_i(x_i) under Σ x_i = Budget and lo_i ≤ x_i ≤ hi_i is the KKT point: one
 * marginal return λ shared by every vehicle strictly inside its bounds, and
 * x_i(λ) = clamp(c_i (λ c_i / (β_i P_i))^(1 / (β_i − 1)), lo_i, hi_i).
 * Both Σ x_i(λ) and Σ P_i(x_i(λ)) fall as λ rises, so the allocation and the
 * inverse question (the budget for the goal) are one root find each in
 * μ = ln λ, by Newton's method kept inside a shrinking bracket. Working in
 * log space keeps the power terms exact over any range of money.
 */
import type { Issue } from "./issues";
import type { AllocationSummary, Bound, PlanSettings } from "./model";
import { formatMoney } from "./numberText";
import { SETTING_NAMES } from "./publicNames";
import { expectedAt, marginalFrom, toVehicle, type Vehicle } from "./responseCurve";
import {
  allocateActive,
  buildActiveCurves,
  investmentsAt,
  pipelineLevel,
  solveLevel,
  sum,
  type ActiveCurves,
} from "./sectionFourSolver";

export { elasticityFit, investmentBounds, responseElasticity, type ElasticityFit } from "./responseCurve";

export interface AllocationInput {
  /** c_i, the row's Investment. */
  current: number;
  /** P_i. */
  pipeline: number;
  priorInvestment: number | null;
  priorPipeline: number | null;
  minInvestment: number | null;
  maxInvestment: number | null;
}

export interface VehicleAllocation {
  /** Null when no allocation was made. */
  recommendedInvestment: number | null;
  expectedPipeline: number | null;
  bound: Bound | null;
  /** Null also for c_i = 0, and where x_i = 0 makes the ratio undefined. */
  marginalPer1k: number | null;
  /** β_i used. */
  elasticity: number;
  lo: number;
  /** hi_i; lo_i for a vehicle with c_i = 0, which takes no part in the optimisation. */
  hi: number;
}

export interface AllocationPlan {
  /** Same order as the input. */
  vehicles: VehicleAllocation[];
  summary: AllocationSummary;
  /** `Budget` and `Pipeline goal` issues, cell null. */
  issues: Issue[];
}

/**
 * Money within half a cent counts as equal when the budget is compared with
 * the sums of floors and ceilings and the goal with the pipeline within reach:
 * those sums carry floating-point dust, and no one can see half a cent.
 */
export const MONEY_TOLERANCE = 0.005;

/**
 * The optimal investment of every vehicle for a budget with Σ lo ≤ Budget ≤ Σ hi
 * (within half a cent). Vehicles with P = 0 get their floors, unless the others
 * are all at their ceilings and money is still to be placed: then they share
 * it in proportion to their room, since Σ x must still equal the Budget.
 */
function optimalInvestments(vehicles: Vehicle[], curves: ActiveCurves, budget: number): number[] {
  let fixedSpend = 0;
  let zeroPipelineRoom = 0;
  for (const vehicle of vehicles) {
    if (vehicle.active) continue;
    fixedSpend += vehicle.lo;
    if (vehicle.pipeline === 0) zeroPipelineRoom += vehicle.hi - vehicle.lo;
  }
  const activeInvestments = allocateActive(curves, budget - fixedSpend);
  const leftOver = budget - fixedSpend - sum(curves.hi);
  const zeroPipelineShare =
    leftOver > MONEY_TOLERANCE && zeroPipelineRoom > 0 ? leftOver / zeroPipelineRoom : 0;
  let activeIndex = 0;
  return vehicles.map((vehicle) => {
    if (vehicle.active) return activeInvestments[activeIndex++];
    if (vehicle.pipeline === 0 && zeroPipelineShare > 0) {
      return Math.min(vehicle.hi, vehicle.lo + zeroPipelineShare * (vehicle.hi - vehicle.lo));
    }
    return vehicle.lo;
  });
}

export interface GoalAnswer {
  budgetForGoal: number | null;
  issue: Issue | null;
}

/**
 * The smallest budget whose optimal allocation reaches the goal. Pipeline
 * rises strictly with the budget while an active vehicle has room, so it is
 * the budget at the μ where the active vehicles' pipeline meets what the
 * others leave to reach; money for vehicles with P = 0 never helps.
 */
function budgetForGoal(vehicles: Vehicle[], curves: ActiveCurves, goal: number): GoalAnswer {
  let fixedSpend = 0;
  let fixedPipeline = 0;
  let ceilings = 0;
  for (const vehicle of vehicles) {
    ceilings += vehicle.hi;
    if (vehicle.active) continue;
    fixedSpend += vehicle.lo;
    fixedPipeline += expectedAt(vehicle, vehicle.lo);
  }
  const activeTarget = goal - fixedPipeline;
  const pipelineAtFloors = sum(curves.pipelineAtLo);
  const pipelineAtCeilings = sum(curves.pipelineAtHi);
  if (activeTarget <= pipelineAtFloors + MONEY_TOLERANCE) {
    return { budgetForGoal: fixedSpend + sum(curves.lo), issue: null };
  }
  if (activeTarget < pipelineAtCeilings - MONEY_TOLERANCE) {
    const mu = solveLevel(curves, pipelineLevel(curves), activeTarget);
    const exact = fixedSpend + sum(investmentsAt(curves, mu));
    // Up to the next cent, so the budget shown does reach the goal.
    const cent = Math.ceil(exact * 100 - 1e-6) / 100;
    return { budgetForGoal: Math.min(cent, fixedSpend + sum(curves.hi)), issue: null };
  }
  if (activeTarget <= pipelineAtCeilings + MONEY_TOLERANCE) {
    return { budgetForGoal: fixedSpend + sum(curves.hi), issue: null };
  }
  const most = fixedPipeline + pipelineAtCeilings;
  const message =
    vehicles.length === 0
      ? `No vehicle is shortlisted, so nothing goes towards the ${formatMoney(goal)} Pipeline goal: ` +
        "shortlist at least one vehicle or lower the Pipeline goal"
      : `Even with every shortlisted vehicle at its ceiling (${formatMoney(ceilings)} ` +
        `in all) the shortlist is expected to deliver at most ${formatMoney(most)} of pipeline, ` +
        `${formatMoney(goal - most)} short of the ${formatMoney(goal)} Pipeline goal: raise Max investment / ` +
        "Ceiling factor, widen the shortlist (Bandwidth) or lower the Pipeline goal";
  return {
    budgetForGoal: null,
    issue: { severity: "warning", cell: null, field: SETTING_NAMES.pipelineGoal, message },
  };
}

function budgetIssue(severity: Issue["severity"], message: string): Issue {
  return { severity, cell: null, field: SETTING_NAMES.budget, message };
}

/** The shortlist ready to be allocated at any budget. */
export interface PreparedShortlist {
  vehicles: Vehicle[];
  curves: ActiveCurves;
  /** Σ lo_i. */
  floors: number;
  /** Σ hi_i. */
  ceilings: number;
}

export function prepareShortlist(shortlisted: AllocationInput[], settings: PlanSettings): PreparedShortlist {
  const vehicles = shortlisted.map((input) => toVehicle(input, settings));
  const curves = buildActiveCurves(vehicles);
  let floors = 0;
  let ceilings = 0;
  for (const vehicle of vehicles) {
    floors += vehicle.lo;
    ceilings += vehicle.hi;
  }
  return { vehicles, curves, floors, ceilings };
}

/** The section 4 investments at a budget of at least Σ lo: every vehicle at its ceiling once the budget passes Σ hi. */
export function sectionFourInvestments(prepared: PreparedShortlist, budget: number): number[] {
  if (budget > prepared.ceilings + MONEY_TOLERANCE) return prepared.vehicles.map((vehicle) => vehicle.hi);
  return optimalInvestments(prepared.vehicles, prepared.curves, budget);
}

/** The smallest budget whose section 4 allocation reaches the goal, or the `Pipeline goal` warning. */
export function sectionFourGoal(prepared: PreparedShortlist, goal: number): GoalAnswer {
  return budgetForGoal(prepared.vehicles, prepared.curves, goal);
}

function boundOf(vehicle: Vehicle, x: number): Bound {
  if (x === vehicle.lo) return "floor";
  if (x === vehicle.hi) return "ceiling";
  return "free";
}

/** One vehicle's row of the allocation at x. */
export function vehicleAllocation(vehicle: Vehicle, x: number): VehicleAllocation {
  const expectedPipeline = expectedAt(vehicle, x);
  return {
    recommendedInvestment: x,
    expectedPipeline,
    bound: vehicle.current === 0 ? "floor" : boundOf(vehicle, x),
    marginalPer1k: marginalFrom(vehicle, x, expectedPipeline),
    elasticity: vehicle.elasticity,
    lo: vehicle.lo,
    hi: vehicle.hi,
  };
}

/** The `Budget` error when Σ lo exceeds the budget. */
export function floorsIssue(floors: number, budget: number): Issue {
  return budgetIssue(
    "error",
    `The floors of the shortlist add up to ${formatMoney(floors)}, ${formatMoney(floors - budget)} more than ` +
      `the ${formatMoney(budget)} budget: raise the Budget or lower Min investment / Floor factor`,
  );
}

export function planAllocation(shortlisted: AllocationInput[], settings: PlanSettings): AllocationPlan {
  return allocationPlanOf(prepareShortlist(shortlisted, settings), settings);
}

/**
 * SPEC 4 on a prepared shortlist without a row object per vehicle, for a
 * caller that builds its own rows: the investments (null when the floors pass
 * the budget), the summary and the issues.
 */
export interface SectionFourOutcome {
  investments: number[] | null;
  summary: AllocationSummary;
  issues: Issue[];
}

export function sectionFourOutcome(prepared: PreparedShortlist, settings: PlanSettings): SectionFourOutcome {
  const { vehicles, floors, ceilings } = prepared;
  const { budget, pipelineGoal } = settings;
  const goal = sectionFourGoal(prepared, pipelineGoal);
  const issues: Issue[] = [];

  if (floors > budget + MONEY_TOLERANCE) {
    issues.push(floorsIssue(floors, budget));
    if (goal.issue) issues.push(goal.issue);
    return {
      investments: null,
      summary: {
        budget,
        allocated: null,
        unallocated: null,
        expectedPipeline: null,
        pipelineGoal,
        budgetForGoal: goal.budgetForGoal,
      },
      issues,
    };
  }

  const overCeilings = budget > ceilings + MONEY_TOLERANCE;
  const investments = sectionFourInvestments(prepared, budget);
  if (overCeilings) {
    const remainder = budget - ceilings;
    issues.push(
      budgetIssue(
        "warning",
        vehicles.length === 0
          ? `No vehicle is shortlisted, so the ${formatMoney(budget)} budget is left unallocated`
          : `The ceilings of the shortlist add up to ${formatMoney(ceilings)}, ${formatMoney(remainder)} less ` +
              `than the ${formatMoney(budget)} budget: ${formatMoney(remainder)} is left unallocated; raise ` +
              "Max investment / Ceiling factor or lower the Budget",
      ),
    );
  }
  if (goal.issue) issues.push(goal.issue);

  let expectedPipeline = 0;
  for (let i = 0; i < vehicles.length; i++) expectedPipeline += expectedAt(vehicles[i], investments[i]);
  const allocated = overCeilings ? ceilings : budget;
  return {
    investments,
    summary: {
      budget,
      allocated,
      unallocated: budget - allocated,
      expectedPipeline,
      pipelineGoal,
      budgetForGoal: goal.budgetForGoal,
    },
    issues,
  };
}

/** A vehicle's row when no allocation was made. */
export function unallocatedVehicle(vehicle: Vehicle): VehicleAllocation {
  return {
    recommendedInvestment: null,
    expectedPipeline: null,
    bound: null,
    marginalPer1k: null,
    elasticity: vehicle.elasticity,
    lo: vehicle.lo,
    hi: vehicle.hi,
  };
}

/** SPEC 4 on a prepared shortlist. */
export function allocationPlanOf(prepared: PreparedShortlist, settings: PlanSettings): AllocationPlan {
  const { investments, summary, issues } = sectionFourOutcome(prepared, settings);
  const { vehicles } = prepared;
  return {
    vehicles:
      investments === null
        ? vehicles.map(unallocatedVehicle)
        : vehicles.map((vehicle, i) => vehicleAllocation(vehicle, investments[i])),
    summary,
    issues,
  };
}
