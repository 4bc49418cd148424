import fc from "fast-check";
import { buildBudgetCurve } from "../../src/core/budgetCurve";
import {
  planLeadAllocation,
  prepareLeadShortlist,
  type CapacityInput,
} from "../../src/core/capacityAllocation";
import type { PlanSettings } from "../../src/core/model";
import { SETTINGS, vehicle } from "./capacityFixtures";

/** Σ lo = 50,000 and Σ hi = 200,000: the grid steps by 7,500. */
const THREE = [vehicle(40_000, 200_000, 400), vehicle(30_000, 150_000, 100), vehicle(30_000, 90_000, 300)];

function curve(inputs: CapacityInput[], changes: Partial<PlanSettings>, budgetForGoal: number | null = null) {
  const settings = { ...SETTINGS, ...changes };
  return buildBudgetCurve(prepareLeadShortlist(inputs, settings), settings.budget, budgetForGoal);
}

describe("SPEC 11 budget curve rows", () => {
  test("SPEC 11 21 budgets evenly spaced from Σ lo to Σ hi, both included, when Budget and Budget for the goal sit on the grid", () => {
    const rows = curve(THREE, { budget: 95_000 }, 50_000);
    expect(rows.map((row) => row.budget)).toEqual(Array.from({ length: 21 }, (_, k) => 50_000 + 7_500 * k));
    expect(rows[0].note).toBe("Budget for the goal");
    expect(rows[6].note).toBe("Budget");
    expect(rows.filter((row) => row.note !== null)).toHaveLength(2);
  });

  test("SPEC 11 Budget and Budget for the goal off the grid add rows, sorted by budget", () => {
    const rows = curve(THREE, { budget: 100_000 }, 113_520.49);
    expect(rows).toHaveLength(23);
    expect(rows.map((row) => row.budget)).toEqual([...rows.map((row) => row.budget)].sort((a, b) => a - b));
    expect(rows.find((row) => row.budget === 100_000)?.note).toBe("Budget");
    expect(rows.find((row) => row.budget === 113_520.49)?.note).toBe("Budget for the goal");
  });

  test("SPEC 11 a grid budget within $1 takes the note instead of a row; both notes join with '; ' in that order", () => {
    const rows = curve(THREE, { budget: 95_000.9 }, 94_999.2);
    expect(rows).toHaveLength(21);
    expect(rows[6]).toMatchObject({ budget: 95_000, note: "Budget; Budget for the goal" });
    const apart = curve(THREE, { budget: 95_001.5 }, null);
    expect(apart).toHaveLength(22);
    expect(apart.find((row) => row.note !== null)).toMatchObject({ budget: 95_001.5, note: "Budget" });
  });

  test("SPEC 11 a Budget outside Σ lo … Σ hi adds no row", () => {
    expect(curve(THREE, { budget: 250_000 }).every((row) => row.note === null)).toBe(true);
    expect(curve(THREE, { budget: 10_000 })).toHaveLength(21);
  });

  test("SPEC 11 one row when Σ lo = Σ hi", () => {
    const fixed = [vehicle(10_000, 30_000, 100, { minInvestment: 10_000, maxInvestment: 10_000 })];
    expect(curve(fixed, { budget: 10_000 }, 10_000)).toEqual([
      {
        budget: 10_000,
        expectedPipeline: 30_000,
        expectedLeads: 100,
        marginalPer1k: null,
        pipelinePerDollar: 3,
        note: "Budget; Budget for the goal",
      },
    ]);
  });

  test("SPEC 11 empty only when the shortlist is; given also when Budget allows no allocation", () => {
    expect(curve([], { budget: 10_000 })).toEqual([]);
    expect(curve(THREE, { budget: 10_000 })).toHaveLength(21);
  });
});

describe("SPEC 11 budget curve values", () => {
  test("SPEC 11 each row is the plan's optimal allocation at that budget, without and with a capacity", () => {
    for (const capacity of [{}, { salesReps: 2, leadsPerRep: 300 }]) {
      for (const row of curve(THREE, capacity)) {
        const plan = planLeadAllocation(THREE, { ...SETTINGS, ...capacity, budget: row.budget });
        expect(row.expectedPipeline).toBeCloseTo(plan.summary.expectedPipeline ?? NaN, 6);
        expect(row.expectedLeads).toBeCloseTo(plan.summary.expectedLeads ?? NaN, 6);
        expect(row.pipelinePerDollar).toBeCloseTo(row.expectedPipeline / row.budget, 12);
      }
    }
  });

  test("SPEC 11 Marginal pipeline per $1k = 1000 λ, the free vehicles' shared figure; blank when none is free", () => {
    const rows = curve(THREE, {});
    expect(rows[0].marginalPer1k).toBeNull();
    expect(rows[rows.length - 1]).toMatchObject({ budget: 200_000, marginalPer1k: null });
    const at = rows[6];
    const plan = planLeadAllocation(THREE, { ...SETTINGS, budget: at.budget });
    const free = plan.vehicles.filter((allocation) => allocation.bound === "free");
    expect(free.length).toBeGreaterThan(0);
    for (const allocation of free) expect(at.marginalPer1k).toBeCloseTo(allocation.marginalPer1k ?? NaN, 6);
  });

  test("SPEC 11 the marginal is what the next $1,000 adds, and 0 once the capacity holds money back", () => {
    const rows = curve(THREE, { salesReps: 2, leadsPerRep: 300 });
    const heldBack = rows.filter((row) => row.marginalPer1k === 0);
    expect(heldBack.length).toBeGreaterThan(5);
    for (const row of heldBack) expect(row.expectedPipeline).toBeCloseTo(heldBack[0].expectedPipeline, 6);
    const binding = rows.find(
      (row) => row.marginalPer1k !== null && row.marginalPer1k > 0 && row.expectedLeads > 599,
    )!;
    const next = planLeadAllocation(THREE, {
      ...SETTINGS,
      salesReps: 2,
      leadsPerRep: 300,
      budget: binding.budget + 1,
    });
    expect(((next.summary.expectedPipeline ?? 0) - binding.expectedPipeline) * 1000).toBeCloseTo(
      binding.marginalPer1k ?? NaN,
      -1,
    );
  });

  test("SPEC 11 pipelines per lead a rounding step apart count as one: the cheaper leads are bought first, and the curve never falls", () => {
    const inputs = [vehicle(1_000, 500, 500 / 50.00000000000001), vehicle(1_000, 7_966.79, 7_966.79 / 50)];
    const rows = curve(inputs, { salesReps: 1, leadsPerRep: 124 });
    for (let i = 1; i < rows.length; i++)
      expect(rows[i].expectedPipeline).toBeGreaterThanOrEqual(rows[i - 1].expectedPipeline - 1e-6);
    expect(rows[rows.length - 1].expectedPipeline).toBeCloseTo(50 * 124, 1);
    expect(rows[2]).toMatchObject({ budget: 1_300, marginalPer1k: 0 });
  });

  test("SPEC 11 expected pipeline never falls along the curve, and leads stay within the capacity", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            current: fc.integer({ min: 1_000, max: 50_000 }),
            perDollar: fc.double({ min: 0.5, max: 8, noNaN: true }),
            perLead: fc.double({ min: 50, max: 1_000, noNaN: true }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.double({ min: 0.2, max: 1.5, noNaN: true }),
        expectRisingWithinCapacity,
      ),
      { numRuns: 60 },
    );
  });

  test("SPEC 11 the curve never falls where the capacity pins the free vehicle's leads (a flat stretch in λ)", () => {
    expectRisingWithinCapacity(
      [
        { current: 1_000, perDollar: 1.376486145331097, perLead: 50 },
        { current: 1_000, perDollar: 0.5, perLead: 60.28271336037009 },
      ],
      1.4372323999689538,
    );
  });
});

/** Vehicles given by Investment, pipeline per $ and per lead; the capacity a share of their Leads. */
function expectRisingWithinCapacity(
  specs: { current: number; perDollar: number; perLead: number }[],
  capacityShare: number,
): void {
  const inputs = specs.map((s) =>
    vehicle(s.current, s.current * s.perDollar, (s.current * s.perDollar) / s.perLead),
  );
  const leads = inputs.reduce((total, input) => total + input.leads, 0);
  const rows = curve(inputs, { salesReps: 1, leadsPerRep: leads * capacityShare });
  const floors = rows[0].expectedLeads;
  for (let i = 1; i < rows.length; i++) {
    expect(rows[i].expectedPipeline).toBeGreaterThanOrEqual(rows[i - 1].expectedPipeline - 1e-6);
    if (floors <= leads * capacityShare)
      expect(rows[i].expectedLeads).toBeLessThanOrEqual(leads * capacityShare);
  }
}
