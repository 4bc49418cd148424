/**
 * SPEC 2: the metrics of a valid vehicle. A ratio whose divisor is 0 is
 * undefined (null), so no NaN or Infinity ever reaches a sheet or the JSON.
 */
import type { VehicleValues } from "./model";

export interface VehicleMetrics {
  /** P: the given Pipeline, else Leads × Conversion rate × Average deal size. */
  pipeline: number;
  costPerLead: number | null;
  pipelinePerDollar: number | null;
  /** R = Investment + Hours × Hourly rate. */
  resourceCost: number;
  riskAdjustedPipeline: number;
  /** E = risk-adjusted pipeline / R. */
  efficiency: number | null;
  priorPipelinePerDollar: number | null;
}

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

/** E = P × (1 − Risk) / R for a vehicle whose P is `pipeline`; null when R is 0. */
export function efficiencyOf(values: VehicleValues, hourlyRate: number, pipeline: number): number | null {
  return ratio(pipeline * (1 - values.risk), resourceCost(values, hourlyRate));
}

/**
 * The metrics of a valid vehicle whose pipeline is `pipeline` (its P, or P × m
 * when SPEC 9 asks what it would take).
 */
export function metricsWithPipeline(
  values: VehicleValues,
  hourlyRate: number,
  pipeline: number,
): VehicleMetrics {
  const investment = values.investment ?? 0;
  const cost = resourceCost(values, hourlyRate);
  const riskAdjusted = pipeline * (1 - values.risk);
  return {
    pipeline,
    costPerLead: values.leads === null ? null : ratio(investment, values.leads),
    pipelinePerDollar: ratio(pipeline, investment),
    resourceCost: cost,
    riskAdjustedPipeline: riskAdjusted,
    efficiency: efficiencyOf(values, hourlyRate, pipeline),
    priorPipelinePerDollar: priorPipelinePerDollar(values),
  };
}

/** The metrics of SPEC 2; null when the row has no pipeline to measure. */
export function computeMetrics(values: VehicleValues, hourlyRate: number): VehicleMetrics | null {
  const pipeline = basePipeline(values);
  return pipeline === null ? null : metricsWithPipeline(values, hourlyRate, pipeline);
}
