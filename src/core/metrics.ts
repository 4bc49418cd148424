/**
 * SPEC 2: the metrics of a valid vehicle. A ratio whose divisor is 0 is
 * undefined (null), so no NaN or Infinity ever reaches a sheet or the JSON.
 */
import type { VehicleValues } from "./model";

/** numerator / divisor, or null when the divisor is 0 or the result is not a finite number. */
export function ratio(numerator: number, divisor: number): number | null {
  if (divisor === 0) return null;
  const value = numerator / divisor;
  return Number.isFinite(value) ? value : null;
}

/** P as given, else Leads × Conversion rate × Average deal size; null when neither can be had. */
export function basePipeline(values: VehicleValues): number | null {
  if (values.pipeline !== null) return values.pipeline;
  if (values.leads === null || values.conversion === null || values.dealSize === null) return null;
  return values.leads * values.conversion * values.dealSize;
}

export function resourceCost(values: VehicleValues, hourlyRate: number): number {
  return (values.investment ?? 0) + values.hours * hourlyRate;
}

export function priorPipelinePerDollar(values: VehicleValues): number | null {
  if (values.priorInvestment === null || values.priorPipeline === null) return null;
  if (!(values.priorInvestment > 0)) return null;
  return ratio(values.priorPipeline, values.priorInvestment);
}

/** P × (1 − Risk): the pipeline E counts. */
export function riskAdjustedPipeline(values: VehicleValues, pipeline: number): number {
  return pipeline * (1 - values.risk);
}

/** E = P × (1 − Risk) / R for a vehicle whose P is `pipeline` (P × m when SPEC 9 asks what it would take); null when R is 0. */
export function efficiencyOf(values: VehicleValues, hourlyRate: number, pipeline: number): number | null {
  return ratio(riskAdjustedPipeline(values, pipeline), resourceCost(values, hourlyRate));
}

/** Cost per lead = Investment / Leads; null without leads. */
export function costPerLead(values: VehicleValues): number | null {
  return values.leads === null ? null : ratio(values.investment ?? 0, values.leads);
}

/** Pipeline per dollar = P / Investment; null when Investment is 0. */
export function pipelinePerDollar(values: VehicleValues, pipeline: number): number | null {
  return ratio(pipeline, values.investment ?? 0);
}
