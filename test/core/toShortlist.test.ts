import fc from "fast-check";
import type { PlanSettings, Stage } from "../../src/core/model";
import type { ScoredVehicle } from "../../src/core/questions";
import { evaluateStatuses } from "../../src/core/ranking";
import {
  evaluateWithMultiplier,
  FIRST_STEP,
  LAST_STEP,
  multiplierOfStep,
  ShortlistProbe,
  toShortlistConversion,
  toShortlistMultipliers,
} from "../../src/core/toShortlist";
import { hand, scored, settingsWith, valuesWith } from "./engineFixtures";

/** The plain definition: re-evaluate the whole plan at every m from 1.01 up. */
function linearScan(vehicles: ScoredVehicle[], settings: PlanSettings, index: number): number | null {
  for (let step = FIRST_STEP; step <= LAST_STEP; step++) {
    const evaluation = evaluateWithMultiplier(vehicles, settings, index, multiplierOfStep(step));
    if (evaluation?.statuses[index].status === "Shortlisted") return multiplierOfStep(step);
  }
  return null;
}

function multipliersOf(vehicles: ScoredVehicle[], settings: PlanSettings): (number | null)[] {
  return toShortlistMultipliers(vehicles, evaluateStatuses(vehicles, settings), settings);
}

describe("SPEC 9 what it would take", () => {
  test("SPEC 9 a Reserve vehicle gets the smallest m of 1.01… that makes it Shortlisted", () => {
    // One slot; the leader has E 3, the reserve E 2 → it needs ×1.51 (E 3.02 beats 3; ×1.50 ties E and loses on P).
    const settings = settingsWith({ bandwidth: 1 });
    const vehicles = [scored("leader", { pipeline: 30_000 }), scored("reserve", { pipeline: 20_000 })];
    expect(evaluateStatuses(vehicles, settings).statuses.map((s) => s.status)).toEqual([
      "Shortlisted",
      "Reserve",
    ]);
    expect(multipliersOf(vehicles, settings)).toEqual([null, 1.51]);
  });

  test("SPEC 9 a tie on E and P is settled by name, so ×1.50 is enough for a name that sorts first", () => {
    const settings = settingsWith({ bandwidth: 1 });
    const vehicles = [scored("b leader", { pipeline: 30_000 }), scored("a reserve", { pipeline: 20_000 })];
    expect(multipliersOf(vehicles, settings)).toEqual([null, 1.5]);
  });

  test("SPEC 9 an Eliminated (Q5) vehicle is cured when P × m reaches the impact threshold (goal held)", () => {
    // Threshold: 0.5 × 100,000 / 5 = 10,000; P 8,000 needs ×1.25.
    const settings = settingsWith({ pipelineGoal: 100_000 });
    const vehicles = [scored("small", { pipeline: 8_000 }), scored("big", { pipeline: 90_000 })];
    expect(evaluateStatuses(vehicles, settings).statuses[0].status).toBe("Eliminated (Q5)");
    expect(multipliersOf(vehicles, settings)[0]).toBe(1.25);
  });

  test("SPEC 9 a Q5 failure decided by Impact potential cannot be cured", () => {
    const settings = settingsWith({ pipelineGoal: 100_000 });
    const vehicles = [
      scored("small", { pipeline: 8_000, impactPotential: 9_000 }),
      scored("big", { pipeline: 90_000 }),
    ];
    expect(multipliersOf(vehicles, settings)[0]).toBeNull();
  });

  test("SPEC 9 an Eliminated (Q7) vehicle is cured when its E reaches its channel's median", () => {
    // Web: E 1 and 3 → the E 1 row fails Q7 against median 2; ×2.00 makes it E 2 against {2, 3} → median 2.5 → fail;
    // it needs E ≥ 3 ⇒ ×3.00 (median of {3, 3} = 3).
    const settings = settingsWith();
    const vehicles = [
      scored("low", { pipeline: 10_000 }, "Web"),
      scored("high", { pipeline: 30_000 }, "Web"),
    ];
    expect(evaluateStatuses(vehicles, settings).statuses[0].status).toBe("Eliminated (Q7)");
    expect(multipliersOf(vehicles, settings)).toEqual([3, null]);
  });

  test("SPEC 9 none found up to ×10.00 is empty", () => {
    const settings = settingsWith({ bandwidth: 1 });
    const vehicles = [scored("leader", { pipeline: 300_000 }), scored("reserve", { pipeline: 20_000 })];
    expect(multipliersOf(vehicles, settings)).toEqual([null, null]);
  });

  test("SPEC 9 vehicles eliminated at Q1–Q4 or Q6, and shortlisted ones, get no multiplier", () => {
    const settings = settingsWith({ bandwidth: 1 });
    const vehicles = [
      scored("top", { pipeline: 30_000 }),
      scored("q1", { pipeline: 20_000, objectives: ["Awareness"] }),
      scored("q6", { pipeline: 20_000, handAnswers: hand("-----N-") }),
    ];
    expect(multipliersOf(vehicles, settings)).toEqual([null, null, null]);
  });

  test("SPEC 9 an Eliminated (Q5) vehicle that also fails Q6 cannot be cured", () => {
    const settings = settingsWith({ pipelineGoal: 100_000 });
    const vehicles = [
      scored("small", { pipeline: 8_000, handAnswers: hand("-----N-") }),
      scored("big", { pipeline: 90_000 }),
    ];
    expect(multipliersOf(vehicles, settings)[0]).toBeNull();
  });

  test("SPEC 9 the conversion rate that would do it, when P comes from the conversion rate", () => {
    const fromRate = valuesWith({ pipeline: null, leads: 100, conversion: 0.12, dealSize: 1_000 });
    expect(toShortlistConversion(fromRate, 1.35)).toBeCloseTo(0.162, 12);
    expect(toShortlistConversion(fromRate, null)).toBeNull();
    expect(toShortlistConversion(valuesWith({ pipeline: 12_000, conversion: 0.12 }), 1.35)).toBeNull();
  });

  test("SPEC 9 the conversion rate is left out when it would pass 100%", () => {
    const fromRate = valuesWith({ pipeline: null, leads: 10, conversion: 0.6, dealSize: 1_000 });
    expect(toShortlistConversion(fromRate, 1.67)).toBeNull();
    expect(toShortlistConversion(valuesWith({ pipeline: null, conversion: 0.5 }), 2)).toBe(1);
  });

  const stages: Stage[] = ["Awareness", "Conversion"];
  const vehicleArbitrary = fc.record({
    channel: fc.constantFrom("A", "B", "C"),
    pipeline: fc.constantFrom(0, 5_000, 10_000, 20_000, 30_000, 60_000, 200_000),
    investment: fc.constantFrom(0, 5_000, 10_000, 20_000),
    hours: fc.constantFrom(0, 10),
    risk: fc.constantFrom(0, 0.5),
    objectives: fc.option(fc.subarray(stages, { minLength: 1 }), { freq: 2 }),
    impactPotential: fc.option(fc.constantFrom(1_000, 50_000), { freq: 4 }),
    handAnswers: fc.array(fc.constantFrom<boolean | null>(null, null, null, null, true, false), {
      minLength: 7,
      maxLength: 7,
    }),
  });
  type GeneratedVehicle = typeof vehicleArbitrary extends fc.Arbitrary<infer T> ? T : never;
  const caseArbitrary = fc.record({
    rows: fc.array(vehicleArbitrary, { minLength: 1, maxLength: 7 }),
    bandwidth: fc.integer({ min: 1, max: 4 }),
    pipelineGoal: fc.constantFrom(0, 50_000, 200_000, 1_000_000),
  });

  function build(rows: GeneratedVehicle[], settings: PlanSettings): ScoredVehicle[] {
    return rows.map((row, index) =>
      scored(
        `V${index}`,
        {
          pipeline: row.pipeline,
          investment: row.investment,
          hours: row.investment === 0 ? 10 : row.hours,
          risk: row.risk,
          objectives: row.objectives,
          impactPotential: row.impactPotential,
          handAnswers: row.handAnswers,
        },
        row.channel,
        settings,
      ),
    );
  }

  test("SPEC 9 the fast criterion agrees with a full re-evaluation at every m (so shortlisting is monotone in m)", () => {
    fc.assert(
      fc.property(caseArbitrary, ({ rows, bandwidth, pipelineGoal }) => {
        const settings = settingsWith({ bandwidth, pipelineGoal });
        const vehicles = build(rows, settings);
        const evaluation = evaluateStatuses(vehicles, settings);
        const probe = new ShortlistProbe(vehicles, evaluation, settings);
        vehicles.forEach((_, index) => {
          for (let step = FIRST_STEP; step <= LAST_STEP; step += 7) {
            const multiplier = multiplierOfStep(step);
            const full = evaluateWithMultiplier(vehicles, settings, index, multiplier);
            expect(probe.isShortlisted(index, multiplier)).toBe(
              full?.statuses[index].status === "Shortlisted",
            );
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  test("SPEC 9 the binary search finds the same m as a brute-force linear scan", () => {
    fc.assert(
      fc.property(caseArbitrary, ({ rows, bandwidth, pipelineGoal }) => {
        const settings = settingsWith({ bandwidth, pipelineGoal });
        const vehicles = build(rows, settings);
        const evaluation = evaluateStatuses(vehicles, settings);
        const multipliers = toShortlistMultipliers(vehicles, evaluation, settings);
        vehicles.forEach((_, index) => {
          const status = evaluation.statuses[index].status;
          const asked = ["Reserve", "Eliminated (Q5)", "Eliminated (Q7)"].includes(status);
          expect(multipliers[index]).toBe(asked ? linearScan(vehicles, settings, index) : null);
        });
      }),
      { numRuns: 80 },
    );
  });
});
