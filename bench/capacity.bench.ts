/**
 * SPEC 10.1 and 11 at scale: one planLeadAllocation call for 10,000
 * shortlisted vehicles whose lead capacity binds (the allocation, held back
 * money and the budget for the goal, which the capacity makes a search of its
 * own), and the budget curve of a 200-vehicle shortlist under a binding
 * capacity (21 budgets plus the plan's Budget, each allocated by the same
 * solver).
 */
import { planAllocation } from "../src/core/allocation";
import { buildBudgetCurve } from "../src/core/budgetCurve";
import { planLeadAllocation, prepareLeadShortlist, type CapacityInput } from "../src/core/capacityAllocation";
import type { PlanSettings } from "../src/core/model";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { medianMs, printBench } from "./measure";

/** A small deterministic generator, so every run measures the same shortlists. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function shortlist(size: number): CapacityInput[] {
  const random = randomSource(size);
  return Array.from({ length: size }, () => {
    const current = random() < 0.02 ? 0 : 1_000 + random() * 200_000;
    const pipeline = (current || 10_000) * (0.5 + random() * 10);
    const fitted = random() < 0.5;
    return {
      current,
      pipeline,
      leads: random() < 0.02 ? 0 : pipeline / (50 + random() * 2_000),
      priorInvestment: fitted ? current * (0.3 + random() * 2) : null,
      priorPipeline: fitted ? pipeline * (0.3 + random() * 2) : null,
      minInvestment: null,
      maxInvestment: null,
    };
  });
}

/** Budget = Σ Investment, goal = 0.9 × Σ P, and a capacity of `share` × the leads section 4 would bring. */
function settingsFor(inputs: CapacityInput[], share: number): PlanSettings {
  const budget = inputs.reduce((total, input) => total + input.current, 0);
  const pipelineGoal = 0.9 * inputs.reduce((total, input) => total + input.pipeline, 0);
  const base: PlanSettings = { ...DEFAULT_SETTINGS, bandwidth: inputs.length, budget, pipelineGoal };
  const section4 = planAllocation(inputs, base);
  const leads = section4.vehicles.reduce((total, allocation, i) => {
    const input = inputs[i];
    const x = allocation.recommendedInvestment ?? 0;
    return (
      total + (input.current === 0 ? input.leads : input.leads * (x / input.current) ** allocation.elasticity)
    );
  }, 0);
  return { ...base, salesReps: 10, leadsPerRep: (share * leads) / 10 };
}

export async function run(): Promise<void> {
  const large = shortlist(10_000);
  const settings = settingsFor(large, 0.8);
  const plan = planLeadAllocation(large, settings);
  if (!plan.capacityBinds || plan.summary.budgetForGoal === null)
    throw new Error("the bench's capacity must bind");
  printBench({
    bench: "capacity-allocate",
    rows: large.length,
    medianMs: medianMs(21, () => planLeadAllocation(large, settings)),
  });

  const small = shortlist(200);
  const curveSettings = settingsFor(small, 0.8);
  printBench({
    bench: "budget-curve",
    rows: small.length,
    medianMs: medianMs(51, () =>
      buildBudgetCurve(prepareLeadShortlist(small, curveSettings), curveSettings.budget, null),
    ),
  });
}
