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

/** SPEC 4 keeps a fitted elasticity inside [0.05, 0.95]. */
export const FITTED_ELASTICITY_MIN = 0.05;
export const FITTED_ELASTICITY_MAX = 0.95;

/**
 * Money within half a cent counts as equal when the budget is compared with
 * the sums of floors and ceilings and the goal with the pipeline within reach:
 * those sums carry floating-point dust, and no one can see half a cent.
 */
export const MONEY_TOLERANCE = 0.005;

/** Relative difference below which two sums of money are the same number but for rounding. */
const ROUNDING_DUST = 1e-11;

const ROOT_MAX_STEPS = 200;

export function investmentBounds(
  current: number,
  min: number | null,
  max: number | null,
  settings: PlanSettings,
): { lo: number; hi: number } {
  return {
    lo: min ?? settings.floorFactor * current,
    hi: max ?? settings.ceilingFactor * current,
  };
}

/** β_i and where it came from: fitted from the prior year (and whether SPEC 4's bounds clipped it), or the setting. */
export interface ElasticityFit {
  elasticity: number;
  source: "prior period" | "default";
  clipped: boolean;
}

/** β_i: fitted from the prior year when SPEC 4 allows it, else the plan's Returns elasticity. */
export function elasticityFit(input: AllocationInput, settings: PlanSettings): ElasticityFit {
  const { current, pipeline, priorInvestment, priorPipeline } = input;
  const fallback: ElasticityFit = {
    elasticity: settings.returnsElasticity,
    source: "default",
    clipped: false,
  };
  const canFit =
    current > 0 &&
    pipeline > 0 &&
    priorInvestment !== null &&
    priorPipeline !== null &&
    priorInvestment > 0 &&
    priorPipeline > 0 &&
    priorInvestment !== current;
  if (!canFit) return fallback;
  const fitted = Math.log(pipeline / priorPipeline) / Math.log(current / priorInvestment);
  // Investments a rounding step apart give 0/0; there is no slope to fit then.
  if (Number.isNaN(fitted)) return fallback;
  const elasticity = Math.min(FITTED_ELASTICITY_MAX, Math.max(FITTED_ELASTICITY_MIN, fitted));
  return { elasticity, source: "prior period", clipped: elasticity !== fitted };
}

export function responseElasticity(input: AllocationInput, settings: PlanSettings): number {
  return elasticityFit(input, settings).elasticity;
}

/** P_i(x) = P_i (x / c_i)^β_i. */
export function curvePipeline(
  pipeline: number,
  current: number,
  elasticity: number,
  investment: number,
): number {
  if (pipeline === 0 || investment === 0) return 0;
  return pipeline * Math.exp(elasticity * Math.log(investment / current));
}

/** A shortlisted vehicle as the allocation sees it. */
export interface Vehicle {
  current: number;
  pipeline: number;
  elasticity: number;
  lo: number;
  hi: number;
  /** Takes part in the optimisation: c > 0, P > 0 and room between its bounds. */
  active: boolean;
}

/**
 * The vehicles that take part in the optimisation, column by column so one
 * pass over them stays fast for a hundred thousand rows. On its free stretch
 * (muHi < μ < muLo) a vehicle's investment is exp(lnCurrent + investmentSlope (μ − m))
 * and its pipeline exp(lnPipeline + pipelineSlope (μ − m)), m being the log
 * marginal return at x = c.
 */
export interface ActiveCurves {
  readonly count: number;
  readonly logMarginalAtCurrent: Float64Array;
  readonly muHi: Float64Array;
  /**
   * 1 where the floor is above 0. Only such a vehicle falls back to its floor
   * (at μ ≥ muLo): at x = 0 the marginal return is unbounded, so a vehicle with
   * a floor of 0 never reaches it and has no muLo.
   */
  readonly floored: Uint8Array;
  readonly muLo: Float64Array;
  readonly lnCurrent: Float64Array;
  readonly investmentSlope: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly lnPipeline: Float64Array;
  readonly pipelineSlope: Float64Array;
  readonly pipelineAtLo: Float64Array;
  readonly pipelineAtHi: Float64Array;
  /** Every vehicle is at its ceiling at and below this μ. */
  readonly lowestBreakpoint: number;
  /** Every vehicle with a floor above 0 is at its floor at and above this μ. */
  readonly highestBreakpoint: number;
}

/** Investment or pipeline as a function of μ: its log-linear free stretch and its values at the bounds. */
interface Level {
  readonly base: Float64Array;
  readonly slope: Float64Array;
  readonly atLo: Float64Array;
  readonly atHi: Float64Array;
}

function buildActiveCurves(vehicles: Vehicle[]): ActiveCurves {
  const active = vehicles.filter((vehicle) => vehicle.active);
  const count = active.length;
  const column = () => new Float64Array(count);
  const [logMarginalAtCurrent, muHi, muLo, lnCurrent, investmentSlope, lo, hi] = Array.from(
    { length: 7 },
    column,
  );
  const [lnPipeline, pipelineSlope, pipelineAtLo, pipelineAtHi] = Array.from({ length: 4 }, column);
  const floored = new Uint8Array(count);
  let lowestBreakpoint = 0;
  let highestBreakpoint = 0;
  active.forEach((vehicle, i) => {
    const { current, pipeline, elasticity } = vehicle;
    lnCurrent[i] = Math.log(current);
    lnPipeline[i] = Math.log(pipeline);
    investmentSlope[i] = 1 / (elasticity - 1);
    pipelineSlope[i] = elasticity * investmentSlope[i];
    logMarginalAtCurrent[i] = Math.log(elasticity) + lnPipeline[i] - lnCurrent[i];
    lo[i] = vehicle.lo;
    hi[i] = vehicle.hi;
    pipelineAtLo[i] = curvePipeline(pipeline, current, elasticity, vehicle.lo);
    pipelineAtHi[i] = curvePipeline(pipeline, current, elasticity, vehicle.hi);
    muHi[i] = logMarginalAtCurrent[i] + (Math.log(vehicle.hi) - lnCurrent[i]) / investmentSlope[i];
    floored[i] = vehicle.lo > 0 ? 1 : 0;
    if (floored[i])
      muLo[i] = logMarginalAtCurrent[i] + (Math.log(vehicle.lo) - lnCurrent[i]) / investmentSlope[i];
    const highest = floored[i] ? Math.max(muHi[i], muLo[i]) : muHi[i];
    lowestBreakpoint = i === 0 ? muHi[i] : Math.min(lowestBreakpoint, muHi[i]);
    highestBreakpoint = i === 0 ? highest : Math.max(highestBreakpoint, highest);
  });
  return {
    count,
    logMarginalAtCurrent,
    muHi,
    floored,
    muLo,
    lnCurrent,
    investmentSlope,
    lo,
    hi,
    lnPipeline,
    pipelineSlope,
    pipelineAtLo,
    pipelineAtHi,
    lowestBreakpoint,
    highestBreakpoint,
  };
}

function investmentLevel(curves: ActiveCurves): Level {
  return { base: curves.lnCurrent, slope: curves.investmentSlope, atLo: curves.lo, atHi: curves.hi };
}

function pipelineLevel(curves: ActiveCurves): Level {
  return {
    base: curves.lnPipeline,
    slope: curves.pipelineSlope,
    atLo: curves.pipelineAtLo,
    atHi: curves.pipelineAtHi,
  };
}

/** Σ of a level at μ, and its derivative in μ. */
function levelAt(curves: ActiveCurves, level: Level, mu: number): { value: number; derivative: number } {
  const { muHi, floored, muLo, logMarginalAtCurrent } = curves;
  const { base, slope, atLo, atHi } = level;
  let value = 0;
  let derivative = 0;
  for (let i = 0; i < curves.count; i++) {
    if (mu < muHi[i]) value += atHi[i];
    else if (floored[i] && mu > muLo[i]) value += atLo[i];
    else {
      const term = Math.exp(base[i] + slope[i] * (mu - logMarginalAtCurrent[i]));
      value += term;
      derivative += slope[i] * term;
    }
  }
  return { value, derivative };
}

export function sum(values: Float64Array): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * A μ at which the level is at most `target` (> Σ atLo): past every finite
 * breakpoint, and far enough that each vehicle with a floor of 0 has fallen
 * below its share of what the floors leave.
 */
function upperBracket(curves: ActiveCurves, level: Level, target: number): number {
  const { floored, logMarginalAtCurrent } = curves;
  const { base, slope } = level;
  let zeroFloors = 0;
  for (let i = 0; i < curves.count; i++) if (!floored[i]) zeroFloors++;
  let upper = curves.highestBreakpoint;
  if (zeroFloors === 0) return upper;
  const share = Math.log((target - sum(level.atLo)) / (2 * zeroFloors));
  for (let i = 0; i < curves.count; i++) {
    if (!floored[i]) upper = Math.max(upper, logMarginalAtCurrent[i] + (share - base[i]) / slope[i]);
  }
  return upper;
}

/**
 * The μ at which a level equals `target`, for Σ atLo < target < Σ atHi: a
 * root of g(μ) = ln Σ(μ) − ln target, which falls with μ. Between two
 * breakpoints the free set is fixed and ln Σ is a log-sum-exp of lines in μ,
 * so convex and smooth: Newton's method converges fast, and a bracket that
 * shrinks at every step, bisected whenever Newton would leave it, makes
 * sure it ends at the root across breakpoints too.
 */
function solveLevel(curves: ActiveCurves, level: Level, target: number): number {
  let below = curves.lowestBreakpoint;
  let above = upperBracket(curves, level, target);
  let mu = below;
  for (let step = 0; step < ROOT_MAX_STEPS; step++) {
    const { value, derivative } = levelAt(curves, level, mu);
    if (value === target) return mu;
    if (value > target) below = mu;
    else above = mu;
    const newton = derivative < 0 ? mu - (value * Math.log(value / target)) / derivative : null;
    const next = newton !== null && newton > below && newton < above ? newton : below + (above - below) / 2;
    if (!(next > below && next < above)) break;
    mu = next;
  }
  return mu;
}

/** Each active vehicle's investment at μ, bounds met exactly. */
function investmentsAt(curves: ActiveCurves, mu: number): Float64Array {
  const investments = new Float64Array(curves.count);
  const { muHi, floored, muLo, lo, hi, lnCurrent, investmentSlope, logMarginalAtCurrent } = curves;
  for (let i = 0; i < curves.count; i++) {
    if (mu <= muHi[i]) investments[i] = hi[i];
    else if (floored[i] && mu >= muLo[i]) investments[i] = lo[i];
    else {
      const x = Math.exp(lnCurrent[i] + investmentSlope[i] * (mu - logMarginalAtCurrent[i]));
      investments[i] = snapToBound(x, lo[i], hi[i]);
    }
  }
  return investments;
}

/**
 * A free value that floating point left a hair off a bound is that bound. The
 * hair is relative: near a floor of 0 a millionth of a dollar can still buy
 * pipeline.
 */
function snapToBound(x: number, lo: number, hi: number): number {
  const near = (bound: number) => Math.abs(x - bound) <= 1e-12 * Math.abs(bound);
  if (x <= lo || near(lo)) return lo;
  if (x >= hi || near(hi)) return hi;
  return x;
}

/**
 * Puts the residue of Σ x = Budget left by floating point on the free vehicle
 * with the most money, as long as it stays strictly inside its bounds.
 */
function settleResidue(investments: Float64Array, lo: Float64Array, hi: Float64Array, target: number): void {
  const residue = target - sum(investments);
  let chosen = -1;
  for (let i = 0; i < investments.length; i++) {
    const settled = investments[i] + residue;
    const fits = investments[i] > lo[i] && investments[i] < hi[i] && settled > lo[i] && settled < hi[i];
    if (fits && (chosen < 0 || investments[i] > investments[chosen])) chosen = i;
  }
  if (chosen >= 0) investments[chosen] += residue;
}

/** The optimal investments of the active vehicles for `activeBudget` spread among them. */
function allocateActive(curves: ActiveCurves, activeBudget: number): Float64Array {
  const activeLo = sum(curves.lo);
  const activeHi = sum(curves.hi);
  // Closer than floating point can tell, the budget is at the floors or the ceilings.
  const dust = ROUNDING_DUST * Math.abs(activeBudget);
  if (activeBudget <= activeLo + dust) return curves.lo.slice();
  if (activeBudget >= activeHi - dust) return curves.hi.slice();
  const investments = investmentsAt(curves, solveLevel(curves, investmentLevel(curves), activeBudget));
  settleResidue(investments, curves.lo, curves.hi, activeBudget);
  return investments;
}

function toVehicle(input: AllocationInput, settings: PlanSettings): Vehicle {
  const elasticity = responseElasticity(input, settings);
  const bounds = investmentBounds(input.current, input.minInvestment, input.maxInvestment, settings);
  const lo = bounds.lo;
  const hi = input.current > 0 ? bounds.hi : lo;
  const active = input.current > 0 && input.pipeline > 0 && lo < hi;
  return { current: input.current, pipeline: input.pipeline, elasticity, lo, hi, active };
}

/** The pipeline a vehicle is expected to bring at x; a vehicle run on team hours alone keeps its P. */
export function expectedAt(vehicle: Vehicle, x: number): number {
  if (vehicle.current === 0) return vehicle.pipeline;
  return curvePipeline(vehicle.pipeline, vehicle.current, vehicle.elasticity, x);
}

function boundOf(vehicle: Vehicle, x: number): Bound {
  if (x === vehicle.lo) return "floor";
  if (x === vehicle.hi) return "ceiling";
  return "free";
}

export function marginalPer1k(vehicle: Vehicle, x: number): number | null {
  if (vehicle.current === 0 || x === 0) return null;
  const marginal = (1000 * vehicle.elasticity * expectedAt(vehicle, x)) / x;
  // Next to x = 0 the marginal return runs off to infinity, which no cell can show.
  return Number.isFinite(marginal) ? marginal : null;
}

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
  return { budgetForGoal: null, issue: { severity: "warning", cell: null, field: "Pipeline goal", message } };
}

function budgetIssue(severity: Issue["severity"], message: string): Issue {
  return { severity, cell: null, field: "Budget", message };
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

/** One vehicle's row of the allocation at x. */
export function vehicleAllocation(vehicle: Vehicle, x: number): VehicleAllocation {
  return {
    recommendedInvestment: x,
    expectedPipeline: expectedAt(vehicle, x),
    bound: vehicle.current === 0 ? "floor" : boundOf(vehicle, x),
    marginalPer1k: marginalPer1k(vehicle, x),
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

/** SPEC 4 on a prepared shortlist. */
export function allocationPlanOf(prepared: PreparedShortlist, settings: PlanSettings): AllocationPlan {
  const { vehicles, floors, ceilings } = prepared;
  const { budget, pipelineGoal } = settings;
  const goal = sectionFourGoal(prepared, pipelineGoal);
  const issues: Issue[] = [];

  if (floors > budget + MONEY_TOLERANCE) {
    issues.push(floorsIssue(floors, budget));
    if (goal.issue) issues.push(goal.issue);
    return {
      vehicles: vehicles.map((vehicle) => ({
        recommendedInvestment: null,
        expectedPipeline: null,
        bound: null,
        marginalPer1k: null,
        elasticity: vehicle.elasticity,
        lo: vehicle.lo,
        hi: vehicle.hi,
      })),
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
  const allocations = vehicles.map((vehicle, i): VehicleAllocation => {
    const allocation = vehicleAllocation(vehicle, investments[i]);
    expectedPipeline += allocation.expectedPipeline ?? 0;
    return allocation;
  });
  const allocated = overCeilings ? ceilings : budget;
  return {
    vehicles: allocations,
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
