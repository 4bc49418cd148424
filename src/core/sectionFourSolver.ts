/**
 * SPEC 4's solver: the optimal investments of the vehicles that take part in
 * the optimisation for a budget spread among them, and the μ at which their
 * pipeline meets a target (the budget for the goal). See allocation.ts for
 * the KKT conditions it solves.
 */
import { curvePipeline, type Vehicle } from "./responseCurve";

/** Relative difference below which two sums of money are the same number but for rounding. */
const ROUNDING_DUST = 1e-11;

const ROOT_MAX_STEPS = 200;

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

export function buildActiveCurves(vehicles: Vehicle[]): ActiveCurves {
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

export function pipelineLevel(curves: ActiveCurves): Level {
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
export function solveLevel(curves: ActiveCurves, level: Level, target: number): number {
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
export function investmentsAt(curves: ActiveCurves, mu: number): Float64Array {
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
export function allocateActive(curves: ActiveCurves, activeBudget: number): Float64Array {
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
