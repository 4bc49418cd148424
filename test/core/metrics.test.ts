import fc from "fast-check";
import {
  basePipeline,
  costPerLead,
  efficiencyOf,
  pipelinePerDollar,
  priorPipelinePerDollar,
  ratio,
  resourceCost,
  riskAdjustedPipeline,
} from "../../src/core/metrics";
import type { VehicleValues } from "../../src/core/model";
import { assignStatuses } from "../../src/core/ranking";
import { answerQuestions } from "../../src/core/answerSheet";
import { scored, settingsWith, valuesWith } from "./engineFixtures";

const leadSourceA = valuesWith({
  investment: 10_000,
  leads: 200,
  conversion: 0.05,
  dealSize: 1_800,
  pipeline: null,
});
const leadSourceB = valuesWith({
  investment: 10_000,
  leads: 100,
  conversion: 0.12,
  dealSize: 2_500,
  pipeline: null,
});

/** Every SPEC 2 metric of a vehicle whose P is `pipeline` (its own P unless given), as a plan's row shows them. */
function metricsOf(values: VehicleValues, hourlyRate: number, pipeline = basePipeline(values)!) {
  return {
    pipeline,
    costPerLead: costPerLead(values),
    pipelinePerDollar: pipelinePerDollar(values, pipeline),
    resourceCost: resourceCost(values, hourlyRate),
    riskAdjustedPipeline: riskAdjustedPipeline(values, pipeline),
    efficiency: efficiencyOf(values, hourlyRate, pipeline),
    priorPipelinePerDollar: priorPipelinePerDollar(values),
  };
}

describe("SPEC 2 metrics", () => {
  test("SPEC 2 pipeline per dollar example: LeadSource A costs $50 a lead and makes $18,000, 1.8 per $", () => {
    const metrics = metricsOf(leadSourceA, 100);
    expect(metrics.costPerLead).toBeCloseTo(50, 10);
    expect(metrics.pipeline).toBeCloseTo(18_000, 6);
    expect(metrics.pipelinePerDollar).toBeCloseTo(1.8, 10);
  });

  test("SPEC 2 pipeline per dollar example: LeadSource B costs $100 a lead and makes $30,000, 3.0 per $", () => {
    const metrics = metricsOf(leadSourceB, 100);
    expect(metrics.costPerLead).toBeCloseTo(100, 10);
    expect(metrics.pipeline).toBeCloseTo(30_000, 6);
    expect(metrics.pipelinePerDollar).toBeCloseTo(3, 10);
  });

  test("SPEC 2 pipeline per dollar example: LeadSource B ranks above LeadSource A", () => {
    const settings = settingsWith({ pipelineGoal: 0 });
    const vehicles = [scored("LeadSource A", leadSourceA), scored("LeadSource B", leadSourceB)];
    const statuses = assignStatuses(vehicles, answerQuestions(vehicles, settings), settings.bandwidth);
    expect(statuses.map((status) => status.rank)).toEqual([2, 1]);
  });

  test("SPEC 2 P is the given Pipeline when there is one, even beside a conversion rate", () => {
    const values = valuesWith({ pipeline: 7_000, leads: 10, conversion: 0.5, dealSize: 100 });
    expect(metricsOf(values, 100).pipeline).toBe(7_000);
  });

  test("SPEC 2 resource cost R = Investment + Hours × Hourly rate", () => {
    const values = valuesWith({ investment: 5_000, hours: 20 });
    expect(metricsOf(values, 150).resourceCost).toBe(8_000);
  });

  test("SPEC 2 efficiency E = P × (1 − Risk) / R", () => {
    const values = valuesWith({ investment: 6_000, hours: 40, pipeline: 50_000, risk: 0.2 });
    const metrics = metricsOf(values, 100);
    expect(metrics.riskAdjustedPipeline).toBeCloseTo(40_000, 8);
    expect(metrics.efficiency).toBeCloseTo(4, 10);
  });

  test("SPEC 2 prior pipeline per dollar = Prior pipeline / Prior investment when both are given", () => {
    expect(priorPipelinePerDollar(valuesWith({ priorInvestment: 4_000, priorPipeline: 10_000 }))).toBe(2.5);
    expect(priorPipelinePerDollar(valuesWith({ priorInvestment: null, priorPipeline: 10_000 }))).toBeNull();
    expect(priorPipelinePerDollar(valuesWith({ priorInvestment: 4_000, priorPipeline: null }))).toBeNull();
  });

  test("SPEC 2 undefined ratio: prior pipeline per dollar with Prior investment 0 is null", () => {
    expect(priorPipelinePerDollar(valuesWith({ priorInvestment: 0, priorPipeline: 10_000 }))).toBeNull();
  });

  test("SPEC 2 undefined ratio: cost per lead with 0 leads is null", () => {
    expect(metricsOf(valuesWith({ leads: 0 }), 100).costPerLead).toBeNull();
  });

  test("SPEC 2 undefined ratio: pipeline per dollar with Investment 0 is null, E still counts team hours", () => {
    const metrics = metricsOf(valuesWith({ investment: 0, hours: 10, pipeline: 3_000 }), 100);
    expect(metrics.pipelinePerDollar).toBeNull();
    expect(metrics.efficiency).toBe(3);
  });

  test("SPEC 2 undefined ratio: efficiency with R = 0 is null", () => {
    expect(metricsOf(valuesWith({ investment: 0, hours: 5 }), 0).efficiency).toBeNull();
  });

  test("SPEC 2 a row without a pipeline to compute has no metrics", () => {
    expect(basePipeline(valuesWith({ pipeline: null, conversion: 0.1, dealSize: null }))).toBeNull();
  });

  test("SPEC 2 ratio: divisor 0 is null, never NaN or Infinity", () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(1e308, 1e-308)).toBeNull();
    expect(ratio(6, 3)).toBe(2);
  });

  test("SPEC 2 metrics are finite or null for any non-negative inputs", () => {
    const amount = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e9, noNaN: true }));
    fc.assert(
      fc.property(
        amount,
        amount,
        amount,
        amount,
        fc.double({ min: 0, max: 1, noNaN: true }),
        amount,
        (investment, leads, pipeline, hours, risk, rate) => {
          const metrics = metricsOf(valuesWith({ investment, leads, hours, risk }), rate, pipeline);
          for (const value of Object.values(metrics)) {
            expect(value === null || Number.isFinite(value)).toBe(true);
          }
        },
      ),
    );
  });
});
