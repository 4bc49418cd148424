import fc from "fast-check";
import {
  investmentBounds,
  planAllocation,
  responseElasticity,
  type AllocationInput,
  type AllocationPlan,
} from "../../src/core/allocation";
import type { PlanSettings } from "../../src/core/model";

const SETTINGS: PlanSettings = {
  objective: "Conversion",
  bandwidth: 5,
  budget: 100_000,
  pipelineGoal: 0,
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

function settingsWith(changes: Partial<PlanSettings>): PlanSettings {
  return { ...SETTINGS, ...changes };
}

function vehicle(current: number, pipeline: number, changes: Partial<AllocationInput> = {}): AllocationInput {
  return {
    current,
    pipeline,
    priorInvestment: null,
    priorPipeline: null,
    minInvestment: null,
    maxInvestment: null,
    ...changes,
  };
}

function investments(plan: AllocationPlan): number[] {
  return plan.vehicles.map((allocation) => allocation.recommendedInvestment ?? NaN);
}

function spent(plan: AllocationPlan): number {
  return investments(plan).reduce((total, x) => total + x, 0);
}

/** P(x) = P (x / c)^β, written out independently of the engine. */
function curve(input: AllocationInput, elasticity: number, x: number): number {
  if (input.current === 0) return input.pipeline;
  return input.pipeline * (x / input.current) ** elasticity;
}

function objective(inputs: AllocationInput[], plan: AllocationPlan, xs: number[]): number {
  return xs.reduce((total, x, i) => total + curve(inputs[i], plan.vehicles[i].elasticity, x), 0);
}

describe("SPEC 4 bounds", () => {
  test("SPEC 4 bounds: lo = Floor factor × c and hi = Ceiling factor × c when Min/Max investment are blank", () => {
    expect(investmentBounds(40_000, null, null, SETTINGS)).toEqual({ lo: 20_000, hi: 80_000 });
  });

  test("SPEC 4 bounds: Min investment and Max investment replace the factors", () => {
    expect(investmentBounds(40_000, 25_000, 50_000, SETTINGS)).toEqual({ lo: 25_000, hi: 50_000 });
    expect(investmentBounds(40_000, 25_000, null, SETTINGS)).toEqual({ lo: 25_000, hi: 80_000 });
  });

  test("SPEC 4 bounds: c = 0 gives lo and hi as defined (0 × factor unless Min/Max given)", () => {
    expect(investmentBounds(0, null, null, SETTINGS)).toEqual({ lo: 0, hi: 0 });
    expect(investmentBounds(0, 5_000, 8_000, SETTINGS)).toEqual({ lo: 5_000, hi: 8_000 });
  });
});

describe("SPEC 4 response curves", () => {
  test("SPEC 4 elasticity: fitted as ln(P / Prior pipeline) / ln(c / Prior investment)", () => {
    const input = vehicle(30_000, 90_000, { priorInvestment: 20_000, priorPipeline: 70_000 });
    expect(responseElasticity(input, SETTINGS)).toBeCloseTo(Math.log(90 / 70) / Math.log(30 / 20), 12);
    expect(planAllocation([input], SETTINGS).vehicles[0].elasticity).toBeCloseTo(0.6198176446, 9);
  });

  test("SPEC 4 elasticity: a fitted value above 0.95 is clipped to 0.95", () => {
    const input = vehicle(20_000, 200_000, { priorInvestment: 10_000, priorPipeline: 50_000 });
    expect(responseElasticity(input, SETTINGS)).toBe(0.95);
  });

  test("SPEC 4 elasticity: a fitted value below 0.05 (also a negative one) is clipped to 0.05", () => {
    const flat = vehicle(20_000, 101_000, { priorInvestment: 10_000, priorPipeline: 100_000 });
    const falling = vehicle(20_000, 80_000, { priorInvestment: 10_000, priorPipeline: 100_000 });
    expect(responseElasticity(flat, SETTINGS)).toBe(0.05);
    expect(responseElasticity(falling, SETTINGS)).toBe(0.05);
  });

  test("SPEC 4 elasticity: Returns elasticity without usable priors (missing, zero, equal to c, or P = 0)", () => {
    const settings = settingsWith({ returnsElasticity: 0.6 });
    const cases = [
      vehicle(20_000, 90_000),
      vehicle(20_000, 90_000, { priorInvestment: 10_000 }),
      vehicle(20_000, 90_000, { priorInvestment: 0, priorPipeline: 50_000 }),
      vehicle(20_000, 90_000, { priorInvestment: 10_000, priorPipeline: 0 }),
      vehicle(20_000, 90_000, { priorInvestment: 20_000, priorPipeline: 50_000 }),
      vehicle(20_000, 0, { priorInvestment: 10_000, priorPipeline: 50_000 }),
      vehicle(0, 90_000, { priorInvestment: 10_000, priorPipeline: 50_000 }),
    ];
    for (const input of cases) expect(responseElasticity(input, settings)).toBe(0.6);
  });
});

describe("SPEC 4 recommended budget", () => {
  test("SPEC 4 optimum: with one β and no binding bound x_i ∝ (P_i / c_i^β)^(1/(1−β))", () => {
    const inputs = [vehicle(40_000, 140_000), vehicle(60_000, 180_000)];
    const weights = inputs.map((v) => (v.pipeline / v.current ** 0.7) ** (1 / 0.3));
    const expected = weights.map((w) => (100_000 * w) / (weights[0] + weights[1]));
    const plan = planAllocation(inputs, SETTINGS);
    investments(plan).forEach((x, i) => expect(Math.abs(x - expected[i])).toBeLessThan(0.01));
    expect(plan.vehicles.map((v) => v.bound)).toEqual(["free", "free"]);
    const [first, second] = plan.vehicles.map((v) => v.marginalPer1k ?? NaN);
    expect(first).toBeCloseTo(second, 6);
    expect(plan.summary).toEqual({
      budget: 100_000,
      allocated: 100_000,
      unallocated: 0,
      expectedPipeline: objective(inputs, plan, investments(plan)),
      pipelineGoal: 0,
      budgetForGoal: 50_000,
    });
    expect(plan.issues).toEqual([]);
  });

  test("SPEC 4 marginal pipeline per $1k = 1000 β P(x) / x", () => {
    const inputs = [vehicle(40_000, 200_000, { maxInvestment: 45_000 }), vehicle(60_000, 180_000)];
    const plan = planAllocation(inputs, SETTINGS);
    const x = investments(plan);
    expect(x[0]).toBe(45_000);
    expect(plan.vehicles[0].bound).toBe("ceiling");
    expect(plan.vehicles[0].marginalPer1k).toBeCloseTo(
      (1000 * 0.7 * curve(inputs[0], 0.7, 45_000)) / 45_000,
      9,
    );
    expect(x[1]).toBeCloseTo(55_000, 6);
    expect(plan.vehicles[1].marginalPer1k).toBeCloseTo((1000 * 0.7 * curve(inputs[1], 0.7, x[1])) / x[1], 9);
  });

  test("SPEC 4 zero current investment on the shortlist: x = lo, expected = P, floor, no marginal, hi = lo", () => {
    const inputs = [
      vehicle(0, 30_000, { minInvestment: 2_000, maxInvestment: 9_000 }),
      vehicle(50_000, 150_000),
    ];
    const plan = planAllocation(inputs, settingsWith({ budget: 60_000 }));
    expect(plan.vehicles[0]).toEqual({
      recommendedInvestment: 2_000,
      expectedPipeline: 30_000,
      bound: "floor",
      marginalPer1k: null,
      elasticity: 0.7,
      lo: 2_000,
      hi: 2_000,
    });
    expect(plan.vehicles[1].recommendedInvestment).toBeCloseTo(58_000, 6);
    expect(plan.vehicles[1].bound).toBe("free");
    expect(plan.summary.expectedPipeline).toBeCloseTo(30_000 + 150_000 * (58 / 50) ** 0.7, 6);
  });

  test("SPEC 4 zero current investment with no Min investment: x = 0, still floor, no marginal", () => {
    const plan = planAllocation([vehicle(0, 30_000), vehicle(50_000, 150_000)], SETTINGS);
    expect(plan.vehicles[0]).toMatchObject({
      recommendedInvestment: 0,
      expectedPipeline: 30_000,
      bound: "floor",
    });
    expect(plan.vehicles[0].marginalPer1k).toBeNull();
    expect(plan.vehicles[1].recommendedInvestment).toBe(100_000);
    expect(plan.vehicles[1].bound).toBe("ceiling");
  });

  test("SPEC 4 lo = hi: the vehicle gets that amount and is shown as floor", () => {
    const inputs = [
      vehicle(40_000, 200_000, { minInvestment: 30_000, maxInvestment: 30_000 }),
      vehicle(60_000, 1),
    ];
    const plan = planAllocation(inputs, SETTINGS);
    expect(plan.vehicles[0].recommendedInvestment).toBe(30_000);
    expect(plan.vehicles[0].bound).toBe("floor");
    expect(plan.vehicles[1].recommendedInvestment).toBeCloseTo(70_000, 6);
  });

  test("SPEC 4 one vehicle: it gets the whole budget", () => {
    const plan = planAllocation([vehicle(80_000, 200_000)], SETTINGS);
    expect(plan.vehicles[0].recommendedInvestment).toBe(100_000);
    expect(plan.vehicles[0].bound).toBe("free");
    expect(plan.vehicles[0].expectedPipeline).toBeCloseTo(200_000 * 1.25 ** 0.7, 6);
  });

  test("SPEC 4 all at floors: a budget equal to Σ lo puts every vehicle at its floor", () => {
    const inputs = [vehicle(40_000, 200_000), vehicle(60_000, 180_000), vehicle(30_000, 10_000)];
    const plan = planAllocation(inputs, settingsWith({ budget: 65_000 }));
    expect(investments(plan)).toEqual([20_000, 30_000, 15_000]);
    expect(plan.vehicles.map((v) => v.bound)).toEqual(["floor", "floor", "floor"]);
    expect(plan.issues).toEqual([]);
    expect(plan.summary.unallocated).toBe(0);
  });

  test("SPEC 4 all at ceilings: a budget equal to Σ hi puts every vehicle at its ceiling without a warning", () => {
    const inputs = [vehicle(40_000, 200_000), vehicle(60_000, 180_000), vehicle(30_000, 10_000)];
    const plan = planAllocation(inputs, settingsWith({ budget: 260_000 }));
    expect(investments(plan)).toEqual([80_000, 120_000, 60_000]);
    expect(plan.vehicles.map((v) => v.bound)).toEqual(["ceiling", "ceiling", "ceiling"]);
    expect(plan.issues).toEqual([]);
  });

  test("SPEC 4 Σ lo > Budget: no allocation and an error with field Budget naming the shortfall", () => {
    const inputs = [vehicle(100_000, 300_000), vehicle(140_000, 200_000)];
    const plan = planAllocation(inputs, settingsWith({ budget: 100_000, pipelineGoal: 400_000 }));
    expect(plan.issues).toEqual([
      {
        severity: "error",
        cell: null,
        field: "Budget",
        message:
          "The floors of the shortlist add up to $120,000, $20,000 more than the $100,000 budget: " +
          "raise the Budget or lower Min investment / Floor factor",
      },
    ]);
    for (const allocation of plan.vehicles) {
      expect(allocation).toMatchObject({
        recommendedInvestment: null,
        expectedPipeline: null,
        bound: null,
        marginalPer1k: null,
      });
    }
    expect(plan.summary).toMatchObject({ allocated: null, unallocated: null, expectedPipeline: null });
    expect(plan.summary.budget).toBe(100_000);
  });

  test("SPEC 4 budget for the goal is given even when the Budget allows no allocation", () => {
    const inputs = [vehicle(100_000, 300_000), vehicle(140_000, 200_000)];
    const plan = planAllocation(inputs, settingsWith({ budget: 100_000, pipelineGoal: 500_000 }));
    const forGoal = plan.summary.budgetForGoal ?? NaN;
    expect(forGoal).toBeGreaterThan(120_000);
    const reached = planAllocation(inputs, settingsWith({ budget: forGoal, pipelineGoal: 500_000 }));
    // Rounded up to the cent: it reaches the goal, by less than a dollar more.
    expect(forGoal * 100).toBe(Math.round(forGoal * 100));
    expect(reached.summary.expectedPipeline).toBeGreaterThanOrEqual(500_000);
    expect(reached.summary.expectedPipeline).toBeLessThan(500_001);
  });

  test("SPEC 4 Σ hi < Budget: every vehicle at its ceiling and a Budget warning with the remainder", () => {
    const inputs = [vehicle(40_000, 200_000), vehicle(30_000, 180_000)];
    const plan = planAllocation(inputs, settingsWith({ budget: 150_000 }));
    expect(investments(plan)).toEqual([80_000, 60_000]);
    expect(plan.vehicles.map((v) => v.bound)).toEqual(["ceiling", "ceiling"]);
    expect(plan.summary).toMatchObject({ budget: 150_000, allocated: 140_000, unallocated: 10_000 });
    expect(plan.issues).toEqual([
      {
        severity: "warning",
        cell: null,
        field: "Budget",
        message:
          "The ceilings of the shortlist add up to $140,000, $10,000 less than the $150,000 budget: " +
          "$10,000 is left unallocated; raise Max investment / Ceiling factor or lower the Budget",
      },
    ]);
  });

  test("SPEC 4 P = 0: the vehicle gets its floor", () => {
    const plan = planAllocation([vehicle(40_000, 0), vehicle(60_000, 180_000)], SETTINGS);
    expect(plan.vehicles[0]).toMatchObject({
      recommendedInvestment: 20_000,
      expectedPipeline: 0,
      bound: "floor",
    });
    expect(plan.vehicles[0].marginalPer1k).toBe(0);
    expect(plan.vehicles[1].recommendedInvestment).toBeCloseTo(80_000, 6);
  });

  test("SPEC 4 P = 0: money the others cannot take at their ceilings goes to it, in proportion to its room", () => {
    const inputs = [
      vehicle(40_000, 0),
      vehicle(20_000, 0, { maxInvestment: 30_000 }),
      vehicle(30_000, 90_000),
    ];
    const plan = planAllocation(inputs, settingsWith({ budget: 130_000 }));
    // The other at its ceiling: 60,000; floors of the P = 0 vehicles 30,000; 40,000 left for their room of 80,000.
    expect(investments(plan)).toEqual([50_000, 20_000, 60_000]);
    expect(plan.vehicles.map((v) => v.bound)).toEqual(["free", "free", "ceiling"]);
    expect(plan.issues).toEqual([]);
  });

  test("SPEC 4 zero shortlisted vehicles: nothing allocated, the budget left over, no crash", () => {
    const plan = planAllocation([], settingsWith({ budget: 50_000, pipelineGoal: 0 }));
    expect(plan.vehicles).toEqual([]);
    expect(plan.summary).toEqual({
      budget: 50_000,
      allocated: 0,
      unallocated: 50_000,
      expectedPipeline: 0,
      pipelineGoal: 0,
      budgetForGoal: 0,
    });
    expect(plan.issues.map((issue) => [issue.severity, issue.field, issue.message])).toEqual([
      ["warning", "Budget", "No vehicle is shortlisted, so the $50,000 budget is left unallocated"],
    ]);
  });
});

describe("SPEC 4 budget for the goal", () => {
  test("SPEC 4 budget for the goal: Σ lo when the floors already reach the goal", () => {
    const inputs = [vehicle(40_000, 200_000), vehicle(60_000, 180_000)];
    const plan = planAllocation(inputs, settingsWith({ pipelineGoal: 100_000 }));
    expect(plan.summary.budgetForGoal).toBe(50_000);
  });

  test("SPEC 4 budget for the goal: the smallest budget whose allocation reaches the goal", () => {
    const inputs = [
      vehicle(40_000, 200_000),
      vehicle(60_000, 180_000, { priorInvestment: 50_000, priorPipeline: 1 }),
    ];
    const settings = settingsWith({ pipelineGoal: 420_000 });
    const forGoal = planAllocation(inputs, settings).summary.budgetForGoal ?? NaN;
    const at = (budget: number) =>
      planAllocation(inputs, settingsWith({ budget })).summary.expectedPipeline ?? NaN;
    expect(at(forGoal)).toBeGreaterThanOrEqual(420_000 - 1);
    expect(at(forGoal - 1)).toBeLessThan(420_000);
  });

  test("SPEC 4 goal unreachable: no budget for the goal and a Pipeline goal warning with the most deliverable", () => {
    const inputs = [vehicle(50_000, 100_000, { priorInvestment: 25_000, priorPipeline: 50_000 })];
    // β is fitted as 1, clipped to 0.95; at the ceiling of $100,000: 100,000 × 2^0.95.
    const most = 100_000 * 2 ** 0.95;
    const plan = planAllocation(inputs, settingsWith({ pipelineGoal: 250_000 }));
    expect(plan.summary.budgetForGoal).toBeNull();
    expect(most).toBeCloseTo(193_187.27, 2);
    expect(plan.issues).toEqual([
      {
        severity: "warning",
        cell: null,
        field: "Pipeline goal",
        message:
          "Even with every shortlisted vehicle at its ceiling ($100,000 in all) the shortlist is expected to " +
          "deliver at most $193,187.27 of pipeline, $56,812.73 short of the $250,000 Pipeline goal: " +
          "raise Max investment / Ceiling factor, widen the shortlist (Bandwidth) or lower the Pipeline goal",
      },
    ]);
  });

  test("SPEC 4 goal unreachable with no shortlisted vehicle: a Pipeline goal warning", () => {
    const plan = planAllocation([], settingsWith({ budget: 0, pipelineGoal: 10_000 }));
    expect(plan.summary.budgetForGoal).toBeNull();
    expect(plan.issues).toEqual([
      {
        severity: "warning",
        cell: null,
        field: "Pipeline goal",
        message:
          "No vehicle is shortlisted, so nothing goes towards the $10,000 Pipeline goal: " +
          "shortlist at least one vehicle or lower the Pipeline goal",
      },
    ]);
  });
});

const money = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** A shortlisted vehicle: mostly usual, sometimes c = 0, P = 0, fitted priors, Min/Max, lo = hi. */
const vehicleArbitrary: fc.Arbitrary<AllocationInput> = fc
  .record({
    current: fc.oneof(
      { weight: 9, arbitrary: money(500, 500_000) },
      { weight: 1, arbitrary: fc.constant(0) },
    ),
    pipelinePerDollar: fc.oneof(
      { weight: 9, arbitrary: money(0.5, 20) },
      { weight: 1, arbitrary: fc.constant(0) },
    ),
    prior: fc.option(fc.record({ investment: money(0.2, 3), pipeline: money(0.1, 4) }), { freq: 2 }),
    min: fc.option(fc.oneof(fc.constant(0), money(0.01, 1.2)), { freq: 2 }),
    maxAbove: fc.option(fc.oneof(fc.constant(0), money(0.01, 2)), { freq: 2 }),
    minEqualsMax: fc.boolean(),
  })
  .map(({ current, pipelinePerDollar, prior, min, maxAbove, minEqualsMax }) => {
    const scale = current > 0 ? current : 10_000;
    const pipeline = current > 0 ? current * pipelinePerDollar : scale * pipelinePerDollar;
    const minInvestment = min === null ? null : min * scale;
    const lo = minInvestment ?? 0.5 * current;
    const maxInvestment =
      minEqualsMax && minInvestment !== null
        ? minInvestment
        : maxAbove === null
          ? null
          : lo + maxAbove * scale;
    return vehicle(current, pipeline, {
      priorInvestment: prior === null ? null : prior.investment * scale,
      priorPipeline: prior === null ? null : prior.pipeline * pipeline,
      minInvestment,
      maxInvestment: current === 0 ? null : maxInvestment,
    });
  })
  .filter((input) => {
    const { lo, hi } = investmentBounds(input.current, input.minInvestment, input.maxInvestment, SETTINGS);
    return input.current === 0 || lo <= hi;
  });

/** Shortlist and a budget spread between Σ lo and Σ hi. */
const caseArbitrary = (size: { minLength: number; maxLength: number }) =>
  fc
    .record({ inputs: fc.array(vehicleArbitrary, size), millionths: fc.integer({ min: 0, max: 1_000_000 }) })
    .map(({ inputs, millionths }) => {
      const position = millionths / 1_000_000;
      const bounds = inputs.map((v) =>
        investmentBounds(v.current, v.minInvestment, v.maxInvestment, SETTINGS),
      );
      const floors = bounds.reduce((total, b) => total + b.lo, 0);
      const ceilings = bounds.reduce((total, b, i) => total + (inputs[i].current > 0 ? b.hi : b.lo), 0);
      return { inputs, floors, ceilings, budget: floors + position * (ceilings - floors) };
    });

/** x = lo or hi exactly at a binding bound, lo ≤ x ≤ hi, and Σ x = Budget to the cent. */
function expectFeasible(plan: AllocationPlan, budget: number): void {
  expect(Math.abs(spent(plan) - budget)).toBeLessThanOrEqual(0.01);
  for (const allocation of plan.vehicles) {
    const x = allocation.recommendedInvestment ?? NaN;
    expect(x).toBeGreaterThanOrEqual(allocation.lo);
    expect(x).toBeLessThanOrEqual(allocation.hi);
    if (allocation.bound === "floor") expect(x).toBe(allocation.lo);
    if (allocation.bound === "ceiling") expect(x).toBe(allocation.hi);
    if (allocation.bound === "free") expect(x > allocation.lo && x < allocation.hi).toBe(true);
  }
}

describe("SPEC 4 optimality (properties)", () => {
  test("SPEC 4 optimum: Σ x = Budget within $0.01, bounds kept, binding bounds met exactly", () => {
    fc.assert(
      fc.property(caseArbitrary({ minLength: 1, maxLength: 12 }), ({ inputs, budget }) => {
        const plan = planAllocation(inputs, settingsWith({ budget }));
        expect(plan.issues.filter((issue) => issue.field === "Budget")).toEqual([]);
        expectFeasible(plan, budget);
      }),
      { numRuns: 400 },
    );
  });

  test("SPEC 4 optimum (KKT): free vehicles share one marginal, ceilings have more, floors less", () => {
    fc.assert(
      fc.property(caseArbitrary({ minLength: 1, maxLength: 12 }), ({ inputs, budget }) => {
        const plan = planAllocation(inputs, settingsWith({ budget }));
        // Vehicles with c = 0 and lo = hi take no part; neither do those with P = 0 (any x is as good).
        const taking = plan.vehicles.filter(
          (v, i) => inputs[i].current > 0 && inputs[i].pipeline > 0 && v.lo < v.hi,
        );
        const free = taking.filter((v) => v.bound === "free").map((v) => v.marginalPer1k ?? NaN);
        const atZero = taking.filter((v) => v.recommendedInvestment === 0);
        if (atZero.length > 0) {
          // An infinite marginal at x = 0: no money can be left anywhere else.
          expect(taking.every((v) => v.recommendedInvestment === v.lo)).toBe(true);
          return;
        }
        const marginals = taking.map((v) => v.marginalPer1k ?? NaN);
        const lambda = free.length > 0 ? free[0] : null;
        // Relative tolerance: 1e-9, plus what rounding the budget's last digit does to the smallest free x.
        const smallestFree = Math.min(
          ...taking.filter((v) => v.bound === "free").map((v) => v.recommendedInvestment ?? NaN),
        );
        const tolerance = 1e-9 + (1e-12 * budget) / smallestFree;
        for (const value of free) expect(Math.abs(value - free[0])).toBeLessThanOrEqual(tolerance * free[0]);
        const ceilingMin = Math.min(
          ...taking.filter((v) => v.bound === "ceiling").map((v) => v.marginalPer1k ?? NaN),
        );
        const floorMax = Math.max(
          ...taking.filter((v) => v.bound === "floor").map((v) => v.marginalPer1k ?? NaN),
        );
        expect(marginals.every(Number.isFinite)).toBe(true);
        if (lambda !== null) {
          expect(ceilingMin).toBeGreaterThanOrEqual(lambda * (1 - tolerance));
          expect(floorMax).toBeLessThanOrEqual(lambda * (1 + tolerance));
        } else if (Number.isFinite(ceilingMin) && Number.isFinite(floorMax)) {
          expect(ceilingMin).toBeGreaterThanOrEqual(floorMax * (1 - 1e-9));
        }
      }),
      { numRuns: 400 },
    );
  });

  test("SPEC 4 optimum: two vehicles match an independent bisection on the marginals to $0.01", () => {
    fc.assert(
      fc.property(caseArbitrary({ minLength: 2, maxLength: 2 }), ({ inputs, budget }) => {
        const plan = planAllocation(inputs, settingsWith({ budget }));
        const [a, b] = plan.vehicles;
        if (inputs.some((v) => v.current === 0 || v.pipeline === 0)) return;
        const slope = (i: number, x: number) =>
          (plan.vehicles[i].elasticity * curve(inputs[i], plan.vehicles[i].elasticity, x)) / x;
        let low = Math.max(a.lo, budget - b.hi);
        let high = Math.min(a.hi, budget - b.lo);
        if (!(low < high)) return;
        for (let step = 0; step < 200; step++) {
          const middle = (low + high) / 2;
          if (slope(0, middle) > slope(1, budget - middle)) low = middle;
          else high = middle;
        }
        expect(Math.abs((a.recommendedInvestment ?? NaN) - low)).toBeLessThanOrEqual(0.01);
        expect(Math.abs((b.recommendedInvestment ?? NaN) - (budget - low))).toBeLessThanOrEqual(0.01);
      }),
      { numRuns: 300 },
    );
  });

  test("SPEC 4 optimum: at least as good as every allocation of a brute-force grid (2–3 vehicles)", () => {
    fc.assert(
      fc.property(caseArbitrary({ minLength: 2, maxLength: 3 }), ({ inputs, budget }) => {
        const plan = planAllocation(inputs, settingsWith({ budget }));
        const best = objective(inputs, plan, investments(plan));
        const steps = inputs.length === 2 ? 2000 : 150;
        const grid = (i: number) =>
          Array.from(
            { length: steps + 1 },
            (_, k) => plan.vehicles[i].lo + (k / steps) * (plan.vehicles[i].hi - plan.vehicles[i].lo),
          );
        const last = plan.vehicles[inputs.length - 1];
        let gridBest = -Infinity;
        const tryAllocation = (xs: number[]) => {
          const rest = budget - xs.reduce((total, x) => total + x, 0);
          if (rest >= last.lo && rest <= last.hi)
            gridBest = Math.max(gridBest, objective(inputs, plan, [...xs, rest]));
        };
        for (const x0 of grid(0)) {
          if (inputs.length === 2) tryAllocation([x0]);
          else for (const x1 of grid(1)) tryAllocation([x0, x1]);
        }
        expect(best).toBeGreaterThanOrEqual(gridBest - 1e-9 * Math.max(1, best));
      }),
      { numRuns: 150 },
    );
  });

  test("SPEC 4 monotone: more budget never lowers the expected pipeline", () => {
    fc.assert(
      fc.property(
        caseArbitrary({ minLength: 1, maxLength: 10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ inputs, floors, ceilings, budget }, more) => {
          const larger = budget + more * (ceilings - budget);
          const expectedAt = (b: number) =>
            planAllocation(inputs, settingsWith({ budget: b })).summary.expectedPipeline ?? NaN;
          const lower = expectedAt(budget);
          expect(expectedAt(larger)).toBeGreaterThanOrEqual(lower - 1e-9 * Math.max(1, lower));
          expect(budget).toBeGreaterThanOrEqual(floors);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("SPEC 4 budget for the goal: allocated, it reaches the goal, and $1 less does not", () => {
    fc.assert(
      fc.property(
        caseArbitrary({ minLength: 1, maxLength: 10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ inputs, floors, ceilings }, position) => {
          const expectedAt = (b: number) =>
            planAllocation(inputs, settingsWith({ budget: b })).summary.expectedPipeline ?? NaN;
          const lowest = expectedAt(floors);
          const highest = expectedAt(ceilings);
          const goal = lowest + position * (highest - lowest);
          const forGoal = planAllocation(inputs, settingsWith({ pipelineGoal: goal })).summary.budgetForGoal;
          expect(forGoal).not.toBeNull();
          const budget = forGoal ?? NaN;
          expect(budget).toBeGreaterThanOrEqual(floors - 0.01);
          expect(budget).toBeLessThanOrEqual(ceilings + 0.01);
          // Next to a floor of 0 a dollar of pipeline can cost less than floating point can add to a budget.
          const nextBudget = budget + 1e-9 * Math.max(1, budget);
          expect(Math.max(expectedAt(budget), expectedAt(nextBudget))).toBeGreaterThanOrEqual(goal - 1);
          if (budget - 1 >= floors) expect(expectedAt(budget - 1)).toBeLessThan(goal);
          else expect(budget).toBeLessThan(floors + 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
