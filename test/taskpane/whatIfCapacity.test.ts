import { makePlan, readPlanInputs } from "../../src/core/plan";
import { settingLabel, tryChanges, WHAT_IF_SETTINGS } from "../../src/taskpane/whatIf";

const inputs = readPlanInputs({
  vehicles: {
    sheet: "Vehicles",
    top: 1,
    left: 1,
    cells: [
      ["Vehicle", "Investment", "Leads", "Conversion rate", "Average deal size"],
      ["LeadSource A", 10_000, 200, 0.05, 1_800],
      ["LeadSource B", 10_000, 100, 0.12, 2_500],
    ],
  },
  overrides: { leadsPerRep: 100 },
});

describe("SPEC 10.1 a what-if change of Sales reps or Leads per rep replans live", () => {
  test("SPEC 10.1 the what-if panel offers Sales reps and Leads per rep", () => {
    expect(WHAT_IF_SETTINGS.map(settingLabel)).toEqual(
      expect.arrayContaining(["Sales reps", "Leads per rep"]),
    );
  });

  test("SPEC 10.1 giving Sales reps makes the capacity bind: less pipeline, the curve and leads follow", () => {
    if (!inputs.ok) throw new Error(inputs.message);
    const base = makePlan(inputs.value);
    if (!base.ok) throw new Error(base.message);
    expect(base.value.allocation.leadCapacity).toBeNull();
    const result = tryChanges(inputs.value, base.value, [{ vehicle: "", field: "Sales reps", value: "2" }]);
    if (!result.ok) throw new Error(result.message);
    const { plan } = result.comparison;
    expect(plan.allocation.leadCapacity).toBe(200);
    expect(plan.allocation.expectedLeads).toBeLessThanOrEqual(200);
    expect(plan.allocation.expectedPipeline ?? 0).toBeLessThan(base.value.allocation.expectedPipeline ?? 0);
    expect(plan.budgetCurve.every((row) => row.expectedLeads <= 200)).toBe(true);
    expect(result.channels.map((row) => row.channel)).toEqual(["LeadSource B", "Total"]);
  });
});
