/**
 * SPEC 4 at scale: one planAllocation call for 1,000, 10,000 and 100,000
 * shortlisted vehicles (random investments, pipelines, bounds, and fitted or
 * default elasticities). Each call includes the budget for the goal: the goal
 * is set within reach, so it is solved for, not short-cut.
 */
import { planAllocation, type AllocationInput } from "../src/core/allocation";
import type { PlanSettings } from "../src/core/model";
import { medianMs, printBench } from "./measure";

const SIZES = [1_000, 10_000, 100_000];

/** A small deterministic generator, so every run measures the same shortlists. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function shortlist(size: number): AllocationInput[] {
  const random = randomSource(size);
  return Array.from({ length: size }, () => {
    const current = random() < 0.02 ? 0 : 1_000 + random() * 200_000;
    const pipeline = (current || 10_000) * (0.5 + random() * 10);
    const fitted = random() < 0.5;
    const minInvestment = random() < 0.2 ? (current || 10_000) * random() : null;
    const maxInvestment = random() < 0.2 ? (minInvestment ?? 0.5 * current) + current * random() * 2 : null;
    return {
      current,
      pipeline,
      priorInvestment: fitted ? current * (0.3 + random() * 2) : null,
      priorPipeline: fitted ? pipeline * (0.3 + random() * 2) : null,
      minInvestment,
      maxInvestment: current > 0 ? maxInvestment : null,
    };
  });
}

function settingsFor(inputs: AllocationInput[], goalShare: number): PlanSettings {
  const total = (pick: (input: AllocationInput) => number) =>
    inputs.reduce((sum, input) => sum + pick(input), 0);
  return {
    objective: "Conversion",
    bandwidth: inputs.length,
    budget: total((input) => input.current),
    pipelineGoal: goalShare * total((input) => input.pipeline),
    messageComplexity: "Moderate",
    minimumReach: 0.2,
    minimumResonance: 3,
    minimumSkill: 3,
    countSkillTomorrow: true,
    minimumImpactShare: 0.5,
    minimumRelativeReturn: 0.5,
    requireTrackRecord: false,
    hourlyRate: 100,
    returnsElasticity: 0.7,
    floorFactor: 0.5,
    ceilingFactor: 2,
    salesReps: null,
    leadsPerRep: null,
    leadExpiry: 24,
    asOf: null,
  };
}

export async function run(): Promise<void> {
  for (const rows of SIZES) {
    const inputs = shortlist(rows);
    const settings = settingsFor(inputs, 1.1);
    const runs = rows >= 100_000 ? 9 : 21;
    printBench({ bench: "allocate", rows, medianMs: medianMs(runs, () => planAllocation(inputs, settings)) });
  }
}
