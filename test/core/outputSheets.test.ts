import type { MixRow, QuestionAnswer } from "../../src/core/model";
import { buildOutputSheets, filterReasons, reasonsNotAskedOfAny } from "../../src/core/outputSheets";
import type { OutputSheet } from "../../src/core/outputTable";
import { plannedVehicle, planWith } from "./engineFixtures";

function sheet(sheets: OutputSheet[], kind: OutputSheet["kind"]): OutputSheet {
  return sheets.find((candidate) => candidate.kind === kind)!;
}

function cellsByHeader(output: OutputSheet, row: number): Record<string, unknown> {
  return Object.fromEntries(output.columns.map((column, index) => [column.header, output.rows[row][index]]));
}

const pass: QuestionAnswer = { answer: "Pass", reason: "fine" };

const shortlisted = plannedVehicle({
  vehicle: "Paid search",
  channel: "Search",
  status: "Shortlisted",
  rank: 1,
  recommendedInvestment: 12_000,
  expectedPipeline: 34_000,
  bound: "free",
  marginalPer1k: 1_983.3,
  expectedLeads: 113.4,
  pipelinePerLead: 300,
  why: "Rank 1 of 1 by efficiency 3.00",
});
const reserve = plannedVehicle({
  vehicle: "=Trade show",
  channel: "Events",
  row: 3,
  toShortlist: 1.35,
  toShortlistConversion: 0.162,
  pipelinePerDollar: null,
  costPerLead: null,
  answers: [pass, { answer: "n/a", reason: "No Message length given" }, pass, pass, pass, pass, pass],
});
const eliminated = plannedVehicle({
  vehicle: "Print",
  row: 4,
  status: "Eliminated (Q2)",
  eliminatedAt: 2,
  toShortlist: null,
  answers: [
    pass,
    { answer: "Fail", reason: "Reach 12% is below the minimum of 20%" },
    pass,
    pass,
    pass,
    pass,
    pass,
  ],
});
const invalid = plannedVehicle({
  vehicle: "Radio",
  channel: "Radio",
  row: 5,
  status: "Invalid input",
  answers: null,
  invalidReasons: ["Vehicles!C5 Investment: -5 is negative; Investment must be 0 or more"],
  pipeline: null,
  pipelinePerDollar: null,
  costPerLead: null,
  efficiency: null,
});
const mixRows: MixRow[] = [
  {
    channel: "Search",
    currentInvestment: 10_000,
    currentShare: 0.5,
    currentPipeline: 30_000,
    pipelinePerDollar: 3,
    recommendedInvestment: 12_000,
    recommendedShare: 1,
    expectedPipeline: 34_000,
    change: 2_000,
    attentionShare: null,
    gap: null,
  },
];
const sheets = buildOutputSheets(planWith([reserve, shortlisted, eliminated, invalid], mixRows));

describe("SPEC 6 output sheets", () => {
  test("SPEC 6 the three sheets and Budget Curve, always, with the SPEC's sheet and table names", () => {
    expect(sheets.map((output) => [output.kind, output.sheetName, output.tableName])).toEqual([
      ["shortlist", "Shortlist", "tblShortlist"],
      ["filter", "Vehicle Filter", "tblVehicleFilter"],
      ["mix", "Media Mix", "tblMediaMix"],
      ["budgetCurve", "Budget Curve", "tblBudgetCurve"],
    ]);
  });

  test("SPEC 11 Budget Curve columns, in order, with their number formats, one row per curve point", () => {
    const plan = planWith([shortlisted]);
    plan.budgetCurve = [
      {
        budget: 5_000,
        expectedPipeline: 20_000,
        expectedLeads: 60,
        marginalPer1k: 2_500,
        pipelinePerDollar: 4,
        note: null,
      },
      {
        budget: 10_000,
        expectedPipeline: 30_000,
        expectedLeads: 100,
        marginalPer1k: null,
        pipelinePerDollar: 3,
        note: "Budget; Budget for the goal",
      },
    ];
    const curve = sheet(buildOutputSheets(plan), "budgetCurve");
    expect(curve.columns.map((column) => [column.header, column.format])).toEqual([
      ["Budget", "money"],
      ["Expected pipeline", "money"],
      ["Expected leads", "decimal"],
      ["Marginal pipeline per $1k", "ratio"],
      ["Pipeline per $", "ratio"],
      ["Note", "text"],
    ]);
    expect(curve.rows).toEqual([
      [5_000, 20_000, 60, 2_500, 4, null],
      [10_000, 30_000, 100, null, 3, "Budget; Budget for the goal"],
    ]);
  });

  test("SPEC 6 Shortlist columns, in order, with their number formats", () => {
    expect(sheet(sheets, "shortlist").columns.map((column) => [column.header, column.format])).toEqual([
      ["Rank", "integer"],
      ["Vehicle", "text"],
      ["Channel", "text"],
      ["Investment", "money"],
      ["Recommended investment", "money"],
      ["Bound", "text"],
      ["Pipeline", "money"],
      ["Expected pipeline", "money"],
      ["Expected leads", "decimal"],
      ["Pipeline per lead", "money"],
      ["Marginal pipeline per $1k", "ratio"],
      ["Pipeline per $", "ratio"],
      ["Cost per lead", "moneyCents"],
      ["Efficiency", "ratio"],
      ["Rotting rate", "percent"],
      ["Why", "text"],
    ]);
  });

  test("SPEC 6 Vehicle Filter columns, in order, with their number formats", () => {
    expect(sheet(sheets, "filter").columns.map((column) => [column.header, column.format])).toEqual([
      ["Vehicle", "text"],
      ["Channel", "text"],
      ["Status", "text"],
      ["Q1 Objective fit", "text"],
      ["Q2 Reach & resonance", "text"],
      ["Q3 Message fit", "text"],
      ["Q4 Skills", "text"],
      ["Q5 Impact", "text"],
      ["Q6 Track record", "text"],
      ["Q7 Efficiency", "text"],
      ["Pipeline", "money"],
      ["Pipeline per $", "ratio"],
      ["Cost per lead", "moneyCents"],
      ["Efficiency", "ratio"],
      ["Rotting rate", "percent"],
      ["To make the shortlist", "text"],
      ["Reasons", "text"],
    ]);
  });

  test("SPEC 6 Media Mix columns, in order, with their number formats", () => {
    expect(sheet(sheets, "mix").columns.map((column) => [column.header, column.format])).toEqual([
      ["Channel", "text"],
      ["Current investment", "money"],
      ["Current share", "percent"],
      ["Current pipeline", "money"],
      ["Pipeline per $", "ratio"],
      ["Recommended investment", "money"],
      ["Recommended share", "percent"],
      ["Expected pipeline", "money"],
      ["Change", "money"],
      ["Attention share", "percent"],
      ["Gap", "percent"],
    ]);
  });

  test("SPEC 6 every column is at least as wide as its header", () => {
    for (const output of sheets) {
      for (const column of output.columns) expect(column.width).toBeGreaterThanOrEqual(column.header.length);
    }
  });

  test("SPEC 6 Shortlist lists the shortlisted vehicles only, with their allocation", () => {
    const shortlist = sheet(sheets, "shortlist");
    expect(shortlist.rows).toHaveLength(1);
    expect(cellsByHeader(shortlist, 0)).toEqual({
      Rank: 1,
      Vehicle: "Paid search",
      Channel: "Search",
      Investment: 10_000,
      "Recommended investment": 12_000,
      Bound: "free",
      Pipeline: 30_000,
      "Expected pipeline": 34_000,
      "Expected leads": 113.4,
      "Pipeline per lead": 300,
      "Marginal pipeline per $1k": 1_983.3,
      "Pipeline per $": 3,
      "Cost per lead": 100,
      Efficiency: 3,
      "Rotting rate": null,
      Why: "Rank 1 of 1 by efficiency 3.00",
    });
  });

  test("SPEC 6 Shortlist is in rank order whatever the input order", () => {
    const second = plannedVehicle({ vehicle: "B", status: "Shortlisted", rank: 2 });
    const first = plannedVehicle({ vehicle: "A", status: "Shortlisted", rank: 1 });
    const rows = sheet(buildOutputSheets(planWith([second, first])), "shortlist").rows;
    expect(rows.map((row) => row[1])).toEqual(["A", "B"]);
  });

  test("SPEC 6 Vehicle Filter lists every input row in input order, invalid ones included", () => {
    const filter = sheet(sheets, "filter");
    expect(filter.rows.map((row) => [row[0], row[2]])).toEqual([
      ["=Trade show", "Reserve"],
      ["Paid search", "Shortlisted"],
      ["Print", "Eliminated (Q2)"],
      ["Radio", "Invalid input"],
    ]);
  });

  test("SPEC 9 To make the shortlist shows ×m pipeline and the conversion rate that would do it", () => {
    const filter = sheet(sheets, "filter");
    expect(cellsByHeader(filter, 0)["To make the shortlist"]).toBe("×1.35 pipeline (conversion 16.2%)");
    const withoutRate = plannedVehicle({ toShortlist: 2, toShortlistConversion: null });
    const rows = sheet(buildOutputSheets(planWith([withoutRate])), "filter");
    expect(cellsByHeader(rows, 0)["To make the shortlist"]).toBe("×2.00 pipeline");
    expect(cellsByHeader(filter, 2)["To make the shortlist"]).toBeNull();
  });

  test("SPEC 6 Q columns hold Pass/Fail/n/a, and are empty for an invalid row", () => {
    const filter = sheet(sheets, "filter");
    const questions = (row: number) => filter.rows[row].slice(3, 10);
    expect(questions(0)).toEqual(["Pass", "n/a", "Pass", "Pass", "Pass", "Pass", "Pass"]);
    expect(questions(2)[1]).toBe("Fail");
    expect(questions(3)).toEqual([null, null, null, null, null, null, null]);
  });

  test("SPEC 6 Reasons give the failing and n/a answers' reasons, or why the row is invalid", () => {
    const filter = sheet(sheets, "filter");
    expect(cellsByHeader(filter, 0).Reasons).toBe("Q2 n/a: No Message length given");
    expect(cellsByHeader(filter, 1).Reasons).toBeNull();
    expect(cellsByHeader(filter, 2).Reasons).toBe("Q2 Fail: Reach 12% is below the minimum of 20%");
    expect(cellsByHeader(filter, 3).Reasons).toBe(
      "Vehicles!C5 Investment: -5 is negative; Investment must be 0 or more",
    );
  });

  test("Reasons leave out an n/a reason every planned vehicle shares (a column the table lacks); it is named once", () => {
    const noObjectives: QuestionAnswer = { answer: "n/a", reason: "No Objectives given" };
    const withoutObjectives = (answers: QuestionAnswer[]) => [noObjectives, ...answers.slice(1)];
    const failing = {
      answer: "Fail",
      reason: "Efficiency 0.58 is below the median 1.20 of 3 comparable vehicles in Events",
    } as const;
    const vehicles = [
      plannedVehicle({ answers: withoutObjectives(Array(7).fill(pass)) }),
      plannedVehicle({
        vehicle: "Print",
        row: 3,
        status: "Eliminated (Q7)",
        eliminatedAt: 7,
        answers: withoutObjectives([...Array(6).fill(pass), failing]),
      }),
      invalid,
    ];
    expect(reasonsNotAskedOfAny(vehicles)).toEqual([
      "No Objectives given",
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    const filter = sheet(buildOutputSheets(planWith(vehicles)), "filter");
    expect(cellsByHeader(filter, 0).Reasons).toBeNull();
    expect(cellsByHeader(filter, 1).Reasons).toBe(`Q7 Fail: ${failing.reason}`);
    expect(filterReasons(vehicles[1])).toBe(`Q1 n/a: No Objectives given; Q7 Fail: ${failing.reason}`);
  });

  test("Reasons keep an n/a reason some vehicle does not share (a blank cell in a column the table has)", () => {
    expect(reasonsNotAskedOfAny([shortlisted, reserve, eliminated, invalid])).toEqual(Array(7).fill(null));
    const otherReason = plannedVehicle({
      answers: [{ answer: "n/a", reason: "No Objectives given" }, ...Array(6).fill(pass)],
    });
    const sameQuestionOtherWords = plannedVehicle({
      answers: [{ answer: "n/a", reason: "Objectives set aside" }, ...Array(6).fill(pass)],
    });
    expect(reasonsNotAskedOfAny([otherReason, sameQuestionOtherWords])[0]).toBeNull();
  });

  test("SPEC 2 undefined ratios are empty cells, never NaN or Infinity", () => {
    const filter = sheet(sheets, "filter");
    expect(cellsByHeader(filter, 0)["Pipeline per $"]).toBeNull();
    expect(cellsByHeader(filter, 0)["Cost per lead"]).toBeNull();
    const broken = plannedVehicle({ efficiency: Number.NaN, pipelinePerDollar: Number.POSITIVE_INFINITY });
    const row = cellsByHeader(sheet(buildOutputSheets(planWith([broken])), "filter"), 0);
    expect(row.Efficiency).toBeNull();
    expect(row["Pipeline per $"]).toBeNull();
  });

  test("SPEC 6 text from cells stays text (a name starting with = is written as is)", () => {
    expect(sheet(sheets, "filter").rows[0][0]).toBe("=Trade show");
  });

  test("SPEC 6 Media Mix writes one row per mix row with empty cells for undefined numbers", () => {
    expect(sheet(sheets, "mix").rows).toEqual([
      ["Search", 10_000, 0.5, 30_000, 3, 12_000, 1, 34_000, 2_000, null, null],
    ]);
  });
});
