import fc from "fast-check";
import { planAllocation } from "../../src/core/allocation";
import {
  allocateAt,
  leadCapacity,
  planLeadAllocation,
  prepareLeadShortlist,
  type CapacityInput,
} from "../../src/core/capacityAllocation";
import type { PlanSettings } from "../../src/core/model";
import { SETTINGS, vehicle } from "./capacityFixtures";

function settingsWith(changes: Partial<PlanSettings>): PlanSettings {
  return { ...SETTINGS, ...changes };
}

/** Written out apart from the engine: L(x) = Leads (x / c)^β, P(x) = P (x / c)^β. */
function leadsOf(input: CapacityInput, beta: number, x: number): number {
  if (input.current === 0) return input.leads;
  return x === 0 ? 0 : input.leads * (x / input.current) ** beta;
}

function pipelineOf(input: CapacityInput, beta: number, x: number): number {
  if (input.current === 0) return input.pipeline;
  return x === 0 ? 0 : input.pipeline * (x / input.current) ** beta;
}

function capacityOf(reps: number, perRep: number): Partial<PlanSettings> {
  return { salesReps: reps, leadsPerRep: perRep };
}

const THREE = [vehicle(40_000, 200_000, 400), vehicle(30_000, 150_000, 100), vehicle(30_000, 90_000, 300)];

/** A shortlisted vehicle with c > 0: Investment, P and Leads in realistic ranges, β fitted or not. */
const vehicleArb = fc
  .record({
    current: fc.integer({ min: 1_000, max: 100_000 }),
    perDollar: fc.double({ min: 0.5, max: 10, noNaN: true }),
    perLead: fc.double({ min: 20, max: 2_000, noNaN: true }),
    prior: fc.option(fc.double({ min: 0.3, max: 3, noNaN: true }), { nil: null }),
    priorGrowth: fc.double({ min: 0.3, max: 3, noNaN: true }),
    noLeads: fc.boolean(),
  })
  .map(({ current, perDollar, perLead, prior, priorGrowth, noLeads }) => {
    const pipeline = current * perDollar;
    return vehicle(current, pipeline, noLeads && perLead < 40 ? 0 : pipeline / perLead, {
      priorInvestment: prior === null ? null : current * prior,
      priorPipeline: prior === null ? null : pipeline * priorGrowth,
    });
  });

/** A shortlist, a budget between Σ lo and beyond Σ hi, and a capacity from 0.3 to 1.2 of section 4's leads. */
const caseArb = fc.record({
  inputs: fc.array(vehicleArb, { minLength: 1, maxLength: 6 }),
  budgetShare: fc.double({ min: 0.5, max: 2.2, noNaN: true }),
  capacityShare: fc.double({ min: 0.3, max: 1.2, noNaN: true }),
});

function caseSettings(inputs: CapacityInput[], budgetShare: number, capacityShare: number): PlanSettings {
  const budget = budgetShare * inputs.reduce((total, input) => total + input.current, 0);
  const section4 = planAllocation(inputs, settingsWith({ budget }));
  const leads = section4.vehicles.reduce(
    (total, allocation, i) =>
      total + leadsOf(inputs[i], allocation.elasticity, allocation.recommendedInvestment ?? 0),
    0,
  );
  return settingsWith({ budget, ...capacityOf(1, Math.max(1e-6, leads * capacityShare)) });
}

describe("SPEC 10.1 lead capacity setting", () => {
  test("SPEC 10.1 Lead capacity = Sales reps × Leads per rep", () => {
    expect(leadCapacity(settingsWith(capacityOf(2.5, 120)))).toEqual({ capacity: 300, issue: null });
  });

  test("SPEC 10.1 one given without the other: a warning whose field is the missing setting, and no capacity", () => {
    expect(leadCapacity(settingsWith({ leadsPerRep: 120 }))).toEqual({
      capacity: null,
      issue: {
        severity: "warning",
        cell: null,
        field: "Sales reps",
        message:
          "Leads per rep is given but Sales reps is not, so the plan has no lead capacity: give Sales reps as " +
          "well (the capacity is Sales reps × Leads per rep), or clear Leads per rep",
      },
    });
    expect(leadCapacity(settingsWith({ salesReps: 3 })).issue?.field).toBe("Leads per rep");
    expect(leadCapacity(SETTINGS)).toEqual({ capacity: null, issue: null });
  });
});

describe("SPEC 10.1 capacity in the allocation", () => {
  test("SPEC 10.1 a capacity that does not bind gives exactly the section 4 plan, bit for bit", () => {
    fc.assert(
      fc.property(caseArb, ({ inputs, budgetShare }) => {
        const plain = settingsWith({
          budget: budgetShare * inputs.reduce((total, input) => total + input.current, 0),
        });
        const section4 = planAllocation(inputs, plain);
        const leads = section4.vehicles.reduce(
          (total, allocation, i) =>
            total + leadsOf(inputs[i], allocation.elasticity, allocation.recommendedInvestment ?? 0),
          0,
        );
        for (const capacity of [null, leads * 1.0000001 + 1e-9, leads * 3]) {
          const settings = capacity === null ? plain : { ...plain, ...capacityOf(2, capacity / 2) };
          const plan = planLeadAllocation(inputs, settings);
          expect(plan.vehicles.map(({ expectedLeads, ...rest }) => (void expectedLeads, rest))).toEqual(
            section4.vehicles,
          );
          expect(plan.summary).toMatchObject(section4.summary);
          expect(plan.summary.heldBackForCapacity).toBe(0);
          expect(plan.issues).toEqual(section4.issues);
          expect(plan.capacityBinds).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("SPEC 10.1 total leads are never above the capacity, and within 0.01 of it when it binds", () => {
    fc.assert(
      fc.property(caseArb, ({ inputs, budgetShare, capacityShare }) => {
        const settings = caseSettings(inputs, budgetShare, capacityShare);
        const plan = planLeadAllocation(inputs, settings);
        const capacity = plan.summary.leadCapacity ?? NaN;
        const leads = plan.vehicles.reduce(
          (total, allocation, i) =>
            total + leadsOf(inputs[i], allocation.elasticity, allocation.recommendedInvestment ?? 0),
          0,
        );
        expect(plan.summary.expectedLeads).toBeCloseTo(leads, 6);
        const floors = plan.vehicles.reduce(
          (total, allocation, i) => total + leadsOf(inputs[i], allocation.elasticity, allocation.lo),
          0,
        );
        if (floors > capacity) {
          expect(
            plan.vehicles.every((allocation) => allocation.recommendedInvestment === allocation.lo),
          ).toBe(true);
          return;
        }
        expect(leads).toBeLessThanOrEqual(capacity);
        if (plan.capacityBinds) expect(capacity - leads).toBeLessThanOrEqual(0.01);
        const spent = plan.vehicles.reduce(
          (total, allocation) => total + (allocation.recommendedInvestment ?? 0),
          0,
        );
        expect(spent).toBeLessThanOrEqual(settings.budget + 0.01);
        plan.vehicles.forEach((allocation) => {
          expect(allocation.recommendedInvestment).toBeGreaterThanOrEqual(allocation.lo);
          expect(allocation.recommendedInvestment).toBeLessThanOrEqual(allocation.hi);
        });
      }),
      { numRuns: 150 },
    );
  });

  test("SPEC 10.1 KKT: p_i < μ at lo_i; free vehicles share β (P − μ L) / x = λ; at hi it is ≥ λ, at lo ≤ λ; λ > 0 spends the budget", () => {
    fc.assert(
      fc.property(caseArb, ({ inputs, budgetShare, capacityShare }) => {
        const settings = caseSettings(inputs, budgetShare, capacityShare);
        const shortlist = prepareLeadShortlist(inputs, settings);
        const at = allocateAt(shortlist, settings.budget);
        if (!at.binds || at.floorsOverCapacity || at.mu === null) return;
        const mu = at.mu;
        const lambda = at.lambda ?? 0;
        let spent = 0;
        shortlist.prepared.vehicles.forEach((curve, i) => {
          const x = at.investments[i];
          spent += x;
          const input = inputs[i];
          if (!curve.active) {
            expect(x).toBe(curve.lo);
            return;
          }
          const perLead = input.leads > 0 ? input.pipeline / input.leads : Infinity;
          if (perLead < mu * (1 - 1e-9)) expect(x).toBe(curve.lo);
          const net =
            (curve.elasticity *
              (pipelineOf(input, curve.elasticity, x) - mu * leadsOf(input, curve.elasticity, x))) /
            x;
          const scale = Math.max(1e-9, Math.abs(lambda), (curve.elasticity * input.pipeline) / input.current);
          if (x > curve.lo && x < curve.hi && at.lambda !== null && lambda > 0) {
            expect(Math.abs(net - lambda) / scale).toBeLessThan(1e-6);
          }
          if (x === curve.hi) expect(net).toBeGreaterThanOrEqual(lambda - 1e-6 * scale);
          if (x === curve.lo && x > 0) expect(net).toBeLessThanOrEqual(lambda + 1e-6 * scale);
        });
        if (lambda > 0) expect(Math.abs(spent - settings.budget)).toBeLessThan(0.01);
        if (mu > 0) expect((settings.leadsPerRep ?? 0) - at.expectedLeads).toBeLessThanOrEqual(0.01);
      }),
      { numRuns: 150 },
    );
  });

  test("SPEC 10.1 pipeline never falls as the budget or the capacity grows", () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.double({ min: 1, max: 1.5, noNaN: true }),
        ({ inputs, budgetShare, capacityShare }, more) => {
          const settings = caseSettings(inputs, budgetShare, capacityShare);
          const pipeline = (changes: Partial<PlanSettings>) =>
            planLeadAllocation(inputs, { ...settings, ...changes }).summary.expectedPipeline ?? 0;
          const base = pipeline({});
          expect(pipeline({ budget: settings.budget * more })).toBeGreaterThanOrEqual(base - 1e-6 * base);
          expect(pipeline({ leadsPerRep: (settings.leadsPerRep ?? 0) * more })).toBeGreaterThanOrEqual(
            base - 1e-6 * base,
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  test("SPEC 10.1 against brute force in lead space on 2 and 3 vehicles: no feasible plan brings more pipeline", () => {
    fc.assert(
      fc.property(
        fc.array(vehicleArb, { minLength: 2, maxLength: 3 }),
        fc.double({ min: 0.6, max: 2, noNaN: true }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        (inputs, budgetShare, capacityShare) => {
          const settings = caseSettings(inputs, budgetShare, capacityShare);
          const plan = planLeadAllocation(inputs, settings);
          const capacity = plan.summary.leadCapacity ?? NaN;
          const curves = plan.vehicles.map((allocation, i) => ({ ...allocation, input: inputs[i] }));
          const floorsLeads = curves.reduce((total, c) => total + leadsOf(c.input, c.elasticity, c.lo), 0);
          if (floorsLeads > capacity) return;
          // y_i ranges over [L(lo), L(hi)]; x_i(y) = c (y / Leads)^(1/β). The last vehicle takes the most leads left.
          const xFor = (c: (typeof curves)[number], y: number) =>
            c.input.leads === 0 ? c.hi : c.input.current * (y / c.input.leads) ** (1 / c.elasticity);
          const steps = inputs.length === 2 ? 4_000 : 150;
          let best = 0;
          const search = (index: number, spent: number, used: number, pipeline: number): void => {
            const c = curves[index];
            const yLo = leadsOf(c.input, c.elasticity, c.lo);
            const yHi = leadsOf(c.input, c.elasticity, c.hi);
            if (index === curves.length - 1) {
              const money = settings.budget - spent;
              if (money < c.lo - 1e-9 || used + yLo > capacity + 1e-9) return;
              const x = Math.min(
                c.hi,
                money,
                c.input.leads === 0 ? c.hi : xFor(c, Math.max(yLo, capacity - used)),
              );
              best = Math.max(best, pipeline + pipelineOf(c.input, c.elasticity, Math.max(c.lo, x)));
              return;
            }
            for (let k = 0; k <= steps; k++) {
              const y = yLo + ((yHi - yLo) * k) / steps;
              const x = c.input.leads === 0 ? c.lo + ((c.hi - c.lo) * k) / steps : xFor(c, y);
              const leads = leadsOf(c.input, c.elasticity, x);
              if (spent + x > settings.budget + 1e-9 || used + leads > capacity + 1e-9) break;
              search(index + 1, spent + x, used + leads, pipeline + pipelineOf(c.input, c.elasticity, x));
            }
          };
          search(0, 0, 0, 0);
          expect(plan.summary.expectedPipeline ?? 0).toBeGreaterThanOrEqual(best - 1);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("SPEC 10.1 money moves to the vehicle whose leads are worth more, and budget that would only buy unworkable leads is held back", () => {
    const settings = settingsWith(capacityOf(2, 300));
    const plan = planLeadAllocation(THREE, settings);
    const [first, second, third] = plan.vehicles;
    expect(second).toMatchObject({ recommendedInvestment: 60_000, bound: "ceiling" });
    expect(third).toMatchObject({ recommendedInvestment: 15_000, bound: "floor" });
    expect(first.bound).toBe("free");
    expect(plan.summary.expectedLeads).toBeLessThanOrEqual(600);
    expect(plan.summary.expectedLeads).toBeGreaterThan(599.99);
    const allocated = 75_000 + (first.recommendedInvestment ?? 0);
    expect(plan.summary.allocated).toBeCloseTo(allocated, 6);
    expect(plan.summary.heldBackForCapacity).toBeCloseTo(100_000 - allocated, 6);
    expect(plan.summary.unallocated).toBeCloseTo(100_000 - allocated, 6);
    expect(plan.summary.leadsPerRep).toBeCloseTo((plan.summary.expectedLeads ?? 0) / 2, 9);
    expect(plan.capacityBinds).toBe(true);
    // Vehicle 1 is where the leads meet the capacity: its p = 500 is μ, and λ = 0.
    const x = first.recommendedInvestment ?? 0;
    expect(400 * (x / 40_000) ** 0.7 + 100 * 2 ** 0.7 + 300 * 0.5 ** 0.7).toBeCloseTo(599.999, 2);
    const heldBack = plan.issues.find((issue) => issue.field === "Lead capacity");
    expect(heldBack?.message).toMatch(
      /^\$4,\d{3}\.\d\d of the budget is held back: funding more would only buy leads beyond the lead capacity of 600 leads \(Sales reps 2 × Leads per rep 300\), which sales cannot work; add Sales reps or raise Leads per rep to put it to use$/,
    );
  });

  test("SPEC 10.1 the marginal per $1k stays section 4's gross figure 1000 β P(x) / x", () => {
    const plan = planLeadAllocation(THREE, settingsWith(capacityOf(2, 300)));
    const first = plan.vehicles[0];
    const x = first.recommendedInvestment ?? 0;
    expect(first.marginalPer1k).toBeCloseTo((1000 * 0.7 * 200_000 * (x / 40_000) ** 0.7) / x, 6);
  });

  test("SPEC 10.1 floors over the capacity: every x_i = lo_i, the rest unallocated, and a warning with both numbers", () => {
    const plan = planLeadAllocation(THREE, settingsWith(capacityOf(1, 300)));
    expect(plan.vehicles.map((allocation) => allocation.recommendedInvestment)).toEqual([
      20_000, 15_000, 15_000,
    ]);
    expect(plan.summary).toMatchObject({
      allocated: 50_000,
      unallocated: 50_000,
      heldBackForCapacity: 50_000,
      leadCapacity: 300,
    });
    expect(plan.issues).toContainEqual({
      severity: "warning",
      cell: null,
      field: "Lead capacity",
      message:
        "The floors of the shortlist alone bring 492.46 leads, more than the lead capacity of 300 leads (Sales reps 1 × " +
        "Leads per rep 300): every vehicle is held at its floor and $50,000 of the budget is left unallocated; add Sales " +
        "reps or raise Leads per rep, or lower Min investment / Floor factor",
    });
  });

  test("SPEC 10.1 a capacity equal to the floors' leads, rounding apart, is not over: section 4's plan stands", () => {
    const inputs = [
      vehicle(1_000, 500, 0),
      vehicle(1_000, 500, 8.291818322343774, { priorInvestment: 300, priorPipeline: 470.78873992620447 }),
    ];
    const section4 = planAllocation(inputs, settingsWith({ budget: 1_200 }));
    const [, fitted] = section4.vehicles;
    expect(fitted).toMatchObject({ recommendedInvestment: 500, bound: "floor" });
    const floorLeads = leadsOf(inputs[1], fitted.elasticity, 500);
    const plan = planLeadAllocation(inputs, settingsWith({ budget: 1_200, ...capacityOf(1, floorLeads) }));
    expect(plan.capacityBinds).toBe(false);
    expect(plan.vehicles.map((allocation) => allocation.recommendedInvestment)).toEqual([700, 500]);
    expect(plan.summary).toMatchObject({ allocated: 1_200, heldBackForCapacity: 0 });
    expect(plan.issues.filter((issue) => issue.field === "Lead capacity")).toEqual([]);
  });

  test("SPEC 10.1 Σ x_i stays within the Budget where pipelines per lead a hundred-millionth apart leave λ too small to compute", () => {
    const inputs = [vehicle(44_000, 26_800, 26_800 / 60), vehicle(3_000, 31_100, 31_100 / (60 * (1 - 1e-8)))];
    const leads = inputs.reduce((total, input) => total + input.leads, 0);
    const shortlist = prepareLeadShortlist(inputs, settingsWith(capacityOf(1, leads)));
    const { floors, ceilings } = shortlist.prepared;
    const budget = floors + ((ceilings - floors) * 149) / 200;
    const at = allocateAt(shortlist, budget);
    expect(Array.from(at.investments).reduce((total, x) => total + x, 0)).toBeLessThanOrEqual(budget + 0.005);
    expect(at.expectedLeads).toBeLessThanOrEqual(leads);
    expect(at.expectedPipeline).toBeGreaterThanOrEqual(
      allocateAt(shortlist, budget - 100).expectedPipeline - 1e-6,
    );
  });

  test("SPEC 10.1 held back = min(Budget, Σ hi) − Allocated; the section 4 surplus warning still covers Budget above Σ hi", () => {
    const plan = planLeadAllocation(THREE, settingsWith({ budget: 250_000, ...capacityOf(2, 300) }));
    const allocated = plan.summary.allocated ?? NaN;
    expect(plan.summary.heldBackForCapacity).toBeCloseTo(200_000 - allocated, 6);
    expect(plan.summary.unallocated).toBeCloseTo(250_000 - allocated, 6);
    expect(plan.issues.map((issue) => issue.field)).toEqual(["Budget", "Lead capacity"]);
  });

  test("SPEC 10.1 a vehicle without leads uses no capacity; one with c = 0 brings its Leads", () => {
    const inputs = [
      vehicle(40_000, 200_000, 0),
      vehicle(30_000, 90_000, 300),
      vehicle(0, 10_000, 50, { minInvestment: 1_000 }),
    ];
    const plan = planLeadAllocation(inputs, settingsWith(capacityOf(1, 250)));
    expect(plan.vehicles[0]).toMatchObject({
      recommendedInvestment: 80_000,
      bound: "ceiling",
      expectedLeads: 0,
    });
    expect(plan.vehicles[2]).toMatchObject({ recommendedInvestment: 1_000, expectedLeads: 50 });
    expect(plan.vehicles[1].expectedLeads).toBeCloseTo(200, 6);
    expect(plan.vehicles[1].recommendedInvestment).toBeCloseTo(30_000 * (200 / 300) ** (1 / 0.7), 2);
    expect(plan.summary.expectedLeads).toBeLessThanOrEqual(250);
    expect(plan.summary.expectedLeads).toBeGreaterThan(249.99);
  });
});

describe("SPEC 10.1 vehicles at the margin with the same pipeline per lead", () => {
  test("SPEC 10.1 with λ = 0 they share the leads the capacity leaves at the least spend, and more capacity never lowers the pipeline", () => {
    const inputs = [
      vehicle(1_000, 500, 25, { priorInvestment: 300, priorPipeline: 150 }),
      vehicle(1_000, 500, 25, { priorInvestment: 300, priorPipeline: 178.317 }),
    ];
    const pipelineAt = (capacity: number) =>
      planLeadAllocation(inputs, settingsWith({ budget: 2_728.71, ...capacityOf(1, capacity) }));
    const plan = pipelineAt(66.23);
    expect(plan.summary.expectedLeads).toBeLessThanOrEqual(66.23);
    expect(plan.summary.expectedLeads).toBeGreaterThan(66.22);
    expect(plan.summary.expectedPipeline).toBeCloseTo(20 * 66.23, 2);
    // At the least spend the cost of one more lead, dx/dy = x / (β y), is the same for both.
    const [first, second] = plan.vehicles;
    const cost = (allocation: typeof first) =>
      (allocation.recommendedInvestment ?? 0) / (allocation.elasticity * (allocation.expectedLeads ?? 1));
    if (first.bound === "free" && second.bound === "free") expect(cost(first)).toBeCloseTo(cost(second), 6);
    else
      expect(first.bound === "ceiling" ? cost(first) : cost(second)).toBeLessThanOrEqual(
        first.bound === "ceiling" ? cost(second) : cost(first),
      );
    for (const capacity of [40, 50, 60, 66.23]) {
      expect(pipelineAt(capacity * 1.1).summary.expectedPipeline ?? 0).toBeGreaterThanOrEqual(
        pipelineAt(capacity).summary.expectedPipeline ?? 0,
      );
    }
  });
});

describe("SPEC 10.1 budget for the goal under a capacity", () => {
  test("SPEC 10.1 the smallest budget whose allocation under the capacity reaches the goal: $1 less does not", () => {
    const settings = settingsWith({ pipelineGoal: 400_000, ...capacityOf(2, 300) });
    const forGoal = planLeadAllocation(THREE, settings).summary.budgetForGoal ?? NaN;
    const section4 = planAllocation(THREE, settings).summary.budgetForGoal ?? NaN;
    expect(forGoal).toBeGreaterThan(section4);
    const at = (budget: number) =>
      planLeadAllocation(THREE, { ...settings, budget }).summary.expectedPipeline ?? 0;
    expect(at(forGoal)).toBeGreaterThanOrEqual(400_000 - 1);
    expect(at(forGoal - 1)).toBeLessThan(400_000);
  });

  test("SPEC 10.1 when the capacity caps the pipeline below the goal: empty, and a Lead capacity warning with the most it allows", () => {
    const plan = planLeadAllocation(THREE, settingsWith({ pipelineGoal: 500_000, ...capacityOf(2, 300) }));
    expect(plan.summary.budgetForGoal).toBeNull();
    const warning = plan.issues.find((issue) => issue.message.includes("Pipeline goal"));
    expect(warning).toMatchObject({ severity: "warning", cell: null, field: "Lead capacity" });
    expect(warning?.message).toBe(
      `With the lead capacity of 600 leads (Sales reps 2 × Leads per rep 300) the shortlist can deliver at most ` +
        `$${plan.summary.expectedPipeline?.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")} of pipeline, ` +
        `$${(500_000 - (plan.summary.expectedPipeline ?? 0)).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")} short of ` +
        "the $500,000 Pipeline goal, whatever the budget: add Sales reps or raise Leads per rep, or lower the Pipeline goal",
    );
  });

  test("SPEC 10.1 a goal out of reach even without the capacity keeps section 4's Pipeline goal warning", () => {
    const plan = planLeadAllocation(THREE, settingsWith({ pipelineGoal: 5_000_000, ...capacityOf(2, 300) }));
    expect(plan.summary.budgetForGoal).toBeNull();
    expect(
      plan.issues.filter((issue) => issue.message.includes("Pipeline goal")).map((issue) => issue.field),
    ).toEqual(["Pipeline goal"]);
  });

  test("SPEC 10.1 budget for the goal is given also when the floors exceed the Budget", () => {
    const plan = planLeadAllocation(
      THREE,
      settingsWith({ budget: 10_000, pipelineGoal: 300_000, ...capacityOf(2, 300) }),
    );
    expect(plan.summary.allocated).toBeNull();
    expect(plan.summary).toMatchObject({
      expectedLeads: null,
      leadCapacity: null,
      heldBackForCapacity: null,
      leadsPerRep: null,
    });
    expect(plan.summary.budgetForGoal).not.toBeNull();
    expect(plan.vehicles.every((allocation) => allocation.expectedLeads === null)).toBe(true);
  });
});
