import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { cli } from "./runCli";

/**
 * Two lead sources: A brings 200 leads at $90 of pipeline each, B 100 leads at
 * $300 each, for $10,000 apiece; a scenario sets the capacity with rows whose
 * Vehicle is blank.
 */
async function workbook(): Promise<{ dir: string; input: string }> {
  const dir = mkdtempSync(join(tmpdir(), "vp-capacity-"));
  const book = new ExcelJS.Workbook();
  const vehicles = book.addWorksheet("Vehicles");
  vehicles.addRow(["Vehicle", "Investment", "Leads", "Conversion rate", "Average deal size"]);
  vehicles.addRow(["LeadSource A", 10000, 200, 0.05, 1800]);
  vehicles.addRow(["LeadSource B", 10000, 100, 0.12, 2500]);
  const scenarios = book.addWorksheet("Planner Scenarios");
  scenarios.addRow(["Scenario", "Vehicle", "Field", "Value"]);
  scenarios.addRow(["Small team", null, "Sales reps", 2]);
  scenarios.addRow(["Small team", null, "Leads per rep", 100]);
  const input = join(dir, "capacity.xlsx");
  await book.xlsx.writeFile(input);
  return { dir, input };
}

async function planJson(...flags: string[]) {
  const { dir, input } = await workbook();
  const run = await cli("plan", input, "--out", join(dir, "out.xlsx"), "--json", ...flags);
  expect(run.code).toBe(0);
  return { json: JSON.parse(run.stdout), stderr: run.stderr, out: join(dir, "out.xlsx") };
}

describe("SPEC 10.1 capacity on the command line", () => {
  test("SPEC 10.1 --reps and --leads-per-rep give the capacity: settings, allocation keys and held-back money in the JSON", async () => {
    const { json, stderr } = await planJson("--reps", "2", "--leads-per-rep", "100");
    expect(json.settings["Sales reps"]).toBe(2);
    expect(json.settings["Leads per rep"]).toBe(100);
    const { allocation } = json;
    expect(allocation.leadCapacity).toBe(200);
    expect(allocation.expectedLeads).toBeLessThanOrEqual(200);
    expect(allocation.expectedLeads).toBeGreaterThan(199.99);
    expect(allocation.leadsPerRep).toBeCloseTo(allocation.expectedLeads / 2, 9);
    expect(allocation.heldBackForCapacity).toBeGreaterThan(8_000);
    expect(allocation.unallocated).toBeCloseTo(allocation.heldBackForCapacity, 6);
    expect(allocation.allocated + allocation.heldBackForCapacity).toBeCloseTo(20_000, 6);
    expect(stderr).toContain("warning: Lead capacity: ");
    expect(stderr).toContain("of the budget is held back");
    const [a, b] = json.vehicles;
    expect(a).toMatchObject({ vehicle: "LeadSource A", bound: "floor", recommendedInvestment: 5_000 });
    expect(a.pipelinePerLead).toBeCloseTo(90, 9);
    expect(b.pipelinePerLead).toBeCloseTo(300, 9);
    expect(a.expectedLeads + b.expectedLeads).toBeCloseTo(allocation.expectedLeads, 9);
  });

  test("SPEC 10.1 without a capacity the JSON gives the leads, a null capacity, nothing held back and null Sales reps", async () => {
    const { json } = await planJson();
    expect(json.settings["Sales reps"]).toBeNull();
    expect(json.settings["Leads per rep"]).toBeNull();
    expect(json.allocation).toMatchObject({ leadCapacity: null, heldBackForCapacity: 0, leadsPerRep: null });
    expect(json.allocation.expectedLeads).toBeGreaterThan(0);
    expect(json.allocation.allocated).toBe(20_000);
  });

  test("SPEC 10.1 --reps without --leads-per-rep: a warning naming Leads per rep, no capacity", async () => {
    const { json, stderr } = await planJson("--reps", "3");
    expect(json.allocation.leadCapacity).toBeNull();
    expect(json.allocation.leadsPerRep).toBeCloseTo(json.allocation.expectedLeads / 3, 9);
    expect(json.issues).toContainEqual({
      severity: "warning",
      cell: null,
      field: "Leads per rep",
      message:
        "Sales reps is given but Leads per rep is not, so the plan has no lead capacity: give Leads per rep as " +
        "well (the capacity is Sales reps × Leads per rep), or clear Sales reps",
    });
    expect(stderr).toContain("warning: Leads per rep: Sales reps is given but Leads per rep is not");
  });

  test("SPEC 10.1 --reps 0 does not parse: exit 1 naming the setting", async () => {
    const { dir, input } = await workbook();
    const run = await cli("plan", input, "--out", join(dir, "out.xlsx"), "--reps", "0");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Sales reps");
    expect(run.stderr).toContain("type a number of reps above 0");
  });

  test("SPEC 10.1 a scenario's rows with a blank Vehicle set Sales reps and Leads per rep", async () => {
    const { json } = await planJson("--scenario", "Small team");
    expect(json.settings).toMatchObject({ "Sales reps": 2, "Leads per rep": 100 });
    expect(json.allocation.leadCapacity).toBe(200);
    expect(json.allocation.expectedLeads).toBeLessThanOrEqual(200);
  });

  test("SPEC 11 budgetCurve in the JSON: 21 grid budgets from Σ lo to Σ hi plus the Budget row, sorted, with its note", async () => {
    const { json } = await planJson("--reps", "2", "--leads-per-rep", "100");
    const budgets = json.budgetCurve.map((row: { budget: number }) => row.budget);
    expect(budgets).toEqual([
      10_000, 11_500, 13_000, 14_500, 16_000, 17_500, 19_000, 20_000, 20_500, 22_000, 23_500, 25_000, 26_500,
      28_000, 29_500, 31_000, 32_500, 34_000, 35_500, 37_000, 38_500, 40_000,
    ]);
    expect(json.budgetCurve.map((row: { note: string | null }) => row.note).filter(Boolean)).toEqual([
      "Budget",
    ]);
    expect(json.budgetCurve[7].note).toBe("Budget");
    expect(json.budgetCurve[7].marginalPer1k).toBe(0);
    expect(json.budgetCurve[0].marginalPer1k).toBeNull();
    for (const row of json.budgetCurve) expect(row.expectedLeads).toBeLessThanOrEqual(200);
  });

  test("SPEC 11 the Budget Curve sheet is written with tblBudgetCurve, numbers with formats, and the human report shows the curve and the leads", async () => {
    const { dir, input } = await workbook();
    const out = join(dir, "human.xlsx");
    const run = await cli("plan", input, "--out", out, "--reps", "2", "--leads-per-rep", "100");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Expected leads 200\.0; lead capacity 200\.0; held back for capacity \$8,\d{3}; leads per rep 100\.0\./,
    );
    expect(run.stdout).toContain("Budget curve");
    expect(run.stdout).toContain("Wrote");
    expect(run.stdout).toContain("Budget Curve");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const curve = book.getWorksheet("Budget Curve");
    expect((curve?.getRow(1).values as unknown[]).slice(0, 7)).toEqual([
      undefined,
      "Budget",
      "Expected pipeline",
      "Expected leads",
      "Marginal pipeline per $1k",
      "Pipeline per $",
      "Note",
    ]);
    expect(curve?.getCell("A2").value).toBe(10_000);
    expect(curve?.getCell("A2").numFmt).toBe("$#,##0");
    expect(curve?.getCell("C2").numFmt).toBe("#,##0.0");
    expect(curve?.getCell("D3").numFmt).toBe("0.00");
    const shortlist = book.getWorksheet("Shortlist");
    expect(shortlist?.getCell("I1").value).toBe("Expected leads");
    expect(shortlist?.getCell("J1").value).toBe("Pipeline per lead");
    expect(shortlist?.getCell("J2").value).toBeCloseTo(300, 9);
  });
});
