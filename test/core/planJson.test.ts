import type { QuestionAnswer } from "../../src/core/model";
import { planToJson } from "../../src/core/planJson";
import { plannedVehicle, planWith } from "./engineFixtures";

const pass: QuestionAnswer = { answer: "Pass", reason: "ok" };
const shortlisted = plannedVehicle({
  vehicle: "Paid search",
  channel: "Search",
  row: 2,
  status: "Shortlisted",
  rank: 1,
  recommendedInvestment: 12_000,
  expectedPipeline: 34_000,
  bound: "free",
  marginalPer1k: 1_983.3,
});
const eliminated = plannedVehicle({
  vehicle: "Print",
  row: 3,
  status: "Eliminated (Q5)",
  eliminatedAt: 5,
  answers: [pass, pass, { answer: "n/a", reason: "" }, pass, { answer: "Fail", reason: "" }, pass, pass],
  toShortlist: 1.35,
  pipelinePerDollar: null,
});
const invalid = plannedVehicle({
  vehicle: "Radio",
  channel: "Radio",
  row: 5,
  status: "Invalid input",
  answers: null,
  invalidReasons: ["Vehicles!C5 Investment: not a number"],
  investment: null,
  pipeline: null,
  pipelinePerDollar: null,
  costPerLead: null,
  efficiency: null,
  resourceCost: null,
});
const plan = planWith(
  [shortlisted, eliminated, invalid],
  [
    {
      channel: "Total",
      currentInvestment: 10_000,
      currentShare: 1,
      currentPipeline: 30_000,
      pipelinePerDollar: 3,
      recommendedInvestment: null,
      recommendedShare: null,
      expectedPipeline: null,
      change: null,
      attentionShare: null,
      gap: null,
    },
  ],
);
plan.issues = [{ severity: "warning", cell: null, field: "Budget", message: "left over" }];
const json = planToJson(plan);

describe("SPEC 7 JSON document", () => {
  test("SPEC 7 top-level keys in the SPEC's order", () => {
    expect(Object.keys(json)).toEqual([
      "settings",
      "vehicles",
      "allocation",
      "mix",
      "budgetCurve",
      "leadHealth",
      "issues",
    ]);
  });

  test("SPEC 7 vehicle keys in the SPEC's order", () => {
    expect(Object.keys(json.vehicles[0])).toEqual([
      "vehicle",
      "channel",
      "row",
      "status",
      "eliminatedAt",
      "answers",
      "pipeline",
      "pipelinePerDollar",
      "costPerLead",
      "efficiency",
      "rank",
      "recommendedInvestment",
      "expectedPipeline",
      "bound",
      "marginalPer1k",
      "toShortlist",
      "expectedLeads",
      "pipelinePerLead",
      "rottingRate",
    ]);
  });

  test("SPEC 7 a shortlisted vehicle carries rank and allocation", () => {
    expect(json.vehicles[0]).toMatchObject({
      vehicle: "Paid search",
      channel: "Search",
      row: 2,
      status: "Shortlisted",
      eliminatedAt: null,
      answers: ["Pass", "Pass", "Pass", "Pass", "Pass", "Pass", "Pass"],
      rank: 1,
      recommendedInvestment: 12_000,
      expectedPipeline: 34_000,
      bound: "free",
      marginalPer1k: 1_983.3,
      toShortlist: null,
    });
  });

  test("SPEC 7 answers are seven Pass/Fail/n/a words; eliminatedAt is k; toShortlist is m", () => {
    expect(json.vehicles[1]).toMatchObject({
      status: "Eliminated (Q5)",
      eliminatedAt: 5,
      answers: ["Pass", "Pass", "n/a", "Pass", "Fail", "Pass", "Pass"],
      rank: null,
      toShortlist: 1.35,
      pipelinePerDollar: null,
    });
  });

  test("SPEC 7 an invalid row: status Invalid input, answers null, metrics null", () => {
    expect(json.vehicles[2]).toEqual({
      vehicle: "Radio",
      channel: "Radio",
      row: 5,
      status: "Invalid input",
      eliminatedAt: null,
      answers: null,
      pipeline: null,
      pipelinePerDollar: null,
      costPerLead: null,
      efficiency: null,
      rank: null,
      recommendedInvestment: null,
      expectedPipeline: null,
      bound: null,
      marginalPer1k: null,
      toShortlist: null,
      expectedLeads: null,
      pipelinePerLead: null,
      rottingRate: null,
    });
  });

  test("SPEC 7 allocation keys in order", () => {
    expect(json.allocation).toEqual({
      budget: 10_000,
      allocated: 10_000,
      unallocated: 0,
      expectedPipeline: 30_000,
      pipelineGoal: 30_000,
      budgetForGoal: 10_000,
      expectedLeads: 100,
      leadCapacity: null,
      heldBackForCapacity: 0,
      leadsPerRep: null,
    });
    expect(Object.keys(json.allocation)).toEqual([
      "budget",
      "allocated",
      "unallocated",
      "expectedPipeline",
      "pipelineGoal",
      "budgetForGoal",
      "expectedLeads",
      "leadCapacity",
      "heldBackForCapacity",
      "leadsPerRep",
    ]);
  });

  test("SPEC 10.1 vehicles carry expectedLeads and pipelinePerLead", () => {
    const withLeads = planWith([
      plannedVehicle({ ...shortlisted, expectedLeads: 113.4, pipelinePerLead: 300 }),
    ]);
    expect(planToJson(withLeads).vehicles[0]).toMatchObject({ expectedLeads: 113.4, pipelinePerLead: 300 });
  });

  test("SPEC 11 budgetCurve rows carry budget, expectedPipeline, expectedLeads, marginalPer1k, pipelinePerDollar and note (null when none)", () => {
    const curved = planWith([shortlisted]);
    curved.budgetCurve = [
      {
        budget: 5_000,
        expectedPipeline: 20_000,
        expectedLeads: 60,
        marginalPer1k: null,
        pipelinePerDollar: 4,
        note: null,
      },
      {
        budget: 10_000,
        expectedPipeline: 30_000,
        expectedLeads: 100,
        marginalPer1k: 0,
        pipelinePerDollar: 3,
        note: "Budget",
      },
    ];
    expect(planToJson(curved).budgetCurve).toEqual([
      {
        budget: 5_000,
        expectedPipeline: 20_000,
        expectedLeads: 60,
        marginalPer1k: null,
        pipelinePerDollar: 4,
        note: null,
      },
      {
        budget: 10_000,
        expectedPipeline: 30_000,
        expectedLeads: 100,
        marginalPer1k: 0,
        pipelinePerDollar: 3,
        note: "Budget",
      },
    ]);
  });

  test("SPEC 7 mix rows in SPEC key order, undefined numbers null", () => {
    expect(Object.keys(json.mix[0])).toEqual([
      "channel",
      "currentInvestment",
      "currentShare",
      "currentPipeline",
      "pipelinePerDollar",
      "recommendedInvestment",
      "recommendedShare",
      "expectedPipeline",
      "change",
      "attentionShare",
      "gap",
    ]);
    expect(json.mix[0].recommendedInvestment).toBeNull();
  });

  test("SPEC 7 issues carry severity, cell (null when none), field and message", () => {
    expect(json.issues).toEqual([{ severity: "warning", cell: null, field: "Budget", message: "left over" }]);
  });

  test("SPEC 7 settings hold the values used, by their SPEC names", () => {
    expect(json.settings).toMatchObject({
      Objective: "Conversion",
      Bandwidth: 5,
      "Count skill tomorrow": true,
    });
  });

  test("SPEC 7 undefined numbers are null, never NaN or Infinity", () => {
    const broken = planWith([
      plannedVehicle({ efficiency: Number.NaN, costPerLead: Number.POSITIVE_INFINITY }),
    ]);
    const vehicle = planToJson(broken).vehicles[0];
    expect(vehicle.efficiency).toBeNull();
    expect(vehicle.costPerLead).toBeNull();
    expect(JSON.stringify(planToJson(broken))).not.toMatch(/NaN|Infinity/);
  });
});
