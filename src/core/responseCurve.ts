/**
 * SPEC 4's response curve of one vehicle: its bounds, its elasticity β_i
 * (fitted from the prior year or the setting) and P_i(x) = P_i (x / c_i)^β_i,
 * with the figures of one vehicle at an investment x.
 */
import type { AllocationInput } from "./allocation";
import type { PlanSettings } from "./model";

/** SPEC 4 keeps a fitted elasticity inside [0.05, 0.95]. */
export const FITTED_ELASTICITY_MIN = 0.05;
export const FITTED_ELASTICITY_MAX = 0.95;

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

export function toVehicle(input: AllocationInput, settings: PlanSettings): Vehicle {
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

export function marginalPer1k(vehicle: Vehicle, x: number): number | null {
  return marginalFrom(vehicle, x, expectedAt(vehicle, x));
}

/** The marginal return per $1,000 at x, given the pipeline `expected` there. */
export function marginalFrom(vehicle: Vehicle, x: number, expected: number): number | null {
  if (vehicle.current === 0 || x === 0) return null;
  const marginal = (1000 * vehicle.elasticity * expected) / x;
  // Next to x = 0 the marginal return runs off to infinity, which no cell can show.
  return Number.isFinite(marginal) ? marginal : null;
}
