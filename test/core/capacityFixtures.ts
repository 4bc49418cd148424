/** Shortlists for the capacity solver's tests (SPEC 10.1) and the budget curve's (SPEC 11). */
import type { CapacityInput } from "../../src/core/capacityAllocation";
import type { PlanSettings } from "../../src/core/model";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

export const SETTINGS: PlanSettings = { ...DEFAULT_SETTINGS, budget: 100_000, pipelineGoal: 0 };

/** A shortlisted vehicle at Investment `current`, bringing `pipeline` and `leads` there. */
export function vehicle(
  current: number,
  pipeline: number,
  leads: number,
  changes: Partial<CapacityInput> = {},
): CapacityInput {
  return {
    current,
    pipeline,
    leads,
    priorInvestment: null,
    priorPipeline: null,
    minInvestment: null,
    maxInvestment: null,
    ...changes,
  };
}
