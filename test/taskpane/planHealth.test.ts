import type { CellValue } from "../../src/core/cells";
import { makePlan, readPlanInputs } from "../../src/core/plan";
import { planWarnings } from "../../src/taskpane/planHealth";

function planOf(rows: CellValue[][], overrides: Record<string, CellValue> = {}) {
  const inputs = readPlanInputs({
    vehicles: {
      sheet: "Vehicles",
      top: 1,
      left: 1,
      cells: [["Vehicle", "Investment", "Leads", "Pipeline"], ...rows],
    },
    overrides,
  });
  if (!inputs.ok) throw new Error(inputs.message);
  const plan = makePlan(inputs.value);
  if (!plan.ok) throw new Error(plan.message);
  return { plan: plan.value, inputs: inputs.value };
}

/** Twenty-four alike vehicles: with the goal left to default, each is far below goal ÷ bandwidth. */
const ALIKE: CellValue[][] = Array.from({ length: 24 }, (_, i) => [`Vehicle ${i + 1}`, 10_000, 100, 40_000]);

describe("SPEC 1.2 / issue 17.4 the banner is green only when the plan is sound", () => {
  test("a plan that fills the shortlist, spends the budget and meets the goal has no warning", () => {
    const { plan, inputs } = planOf(
      [
        ["Webinar", 10_000, 100, 60_000],
        ["Paid search", 10_000, 100, 50_000],
      ],
      { bandwidth: 2, pipelineGoal: 50_000 },
    );
    expect(planWarnings(plan, inputs)).toEqual([]);
  });

  test("vehicles eliminated by Q5 under a defaulted goal name the Pipeline goal and take the user there", () => {
    const { plan, inputs } = planOf(ALIKE);
    const [first] = planWarnings(plan, inputs);
    expect(first.text).toBe(
      "0 of 5 shortlist places are filled (Bandwidth 5): 24 of 24 vehicles were eliminated by Q5 Impact: " +
        "the Pipeline goal is the sum of every vehicle's pipeline; set a goal in Settings.",
    );
    expect(first.target).toEqual({ kind: "setting", key: "pipelineGoal" });
    expect(first.action).toBe("Go to Pipeline goal");
    expect(planWarnings(plan, inputs).map((warning) => warning.text)).not.toContainEqual(
      expect.stringContaining("unallocated"),
    );
  });

  test("with a goal given, Q5 eliminations point at Minimum impact share instead", () => {
    const { plan, inputs } = planOf(ALIKE, { pipelineGoal: 10_000_000 });
    const texts = planWarnings(plan, inputs);
    expect(texts[0].text).toContain("eliminated by Q5 Impact: lower Minimum impact share in Settings.");
    expect(texts[0].target).toEqual({ kind: "setting", key: "minimumImpactShare" });
  });

  test("a goal out of reach says by how much and which budget would reach it", () => {
    const { plan, inputs } = planOf(
      [
        ["Webinar", 10_000, 100, 60_000],
        ["Paid search", 10_000, 100, 50_000],
      ],
      { bandwidth: 2, pipelineGoal: 130_000 },
    );
    const missed = planWarnings(plan, inputs).find((warning) => warning.text.startsWith("Expected pipeline"));
    expect(missed?.text).toMatch(
      /^Expected pipeline \$111,049 misses the Pipeline goal \$130,000 by \$18,951: a Budget of \$[\d,]+ would reach it\.$/,
    );
    expect(missed?.target).toEqual({ kind: "setting", key: "budget" });
  });

  test("money left over names Ceiling factor; invalid rows point at Problems", () => {
    const { plan, inputs } = planOf(
      [
        ["Webinar", 10_000, 100, 60_000],
        ["Paid search", 10_000, 100, 50_000],
        ["Print", "lots", 100, 50_000],
      ],
      { bandwidth: 2, pipelineGoal: 50_000, budget: 100_000 },
    );
    const warnings = planWarnings(plan, inputs);
    expect(warnings.map((warning) => warning.action)).toEqual(["Go to Ceiling factor", "Go to Problems"]);
    expect(warnings[0].text).toBe(
      "$60,000 of the $100,000 Budget is left unallocated: every shortlisted vehicle is at its ceiling; " +
        "raise Ceiling factor (or Max investment) or lower the Budget.",
    );
    expect(warnings[1].text).toBe("1 of 3 rows have invalid input and were left out of the plan.");
  });
});
