/** Hand-made output sheets with charts, laid out exactly as the engine's (SPEC 6 and 11 columns). */
import { budgetCurveChart, mediaMixChart, withChart } from "../../src/core/charts";
import type { MixRow } from "../../src/core/model";
import type { OutputSheet } from "../../src/core/outputTable";

function mixRow(channel: string, current: number, recommended: number, attention: number | null): MixRow {
  return {
    channel,
    currentInvestment: current * 100_000,
    currentShare: current,
    currentPipeline: current * 1_000_000,
    pipelinePerDollar: 10,
    recommendedInvestment: recommended * 100_000,
    recommendedShare: recommended,
    expectedPipeline: recommended * 1_200_000,
    change: (recommended - current) * 100_000,
    attentionShare: attention,
    gap: attention === null ? null : current - attention,
  };
}

export const MIX_ROWS: MixRow[] = [
  mixRow("Events", 0.5, 0.3, 0.1),
  mixRow("Digital ads", 0.3, 0.5, 0.6),
  mixRow("Print", 0.2, 0.2, 0.3),
  { ...mixRow("Total", 1, 1, 1), gap: null },
];

const MIX_HEADERS: [string, OutputSheet["columns"][number]["format"]][] = [
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
];

export function mixSheet(rows: MixRow[] = MIX_ROWS): OutputSheet {
  return {
    kind: "mix",
    sheetName: "Media Mix",
    tableName: "tblMediaMix",
    columns: MIX_HEADERS.map(([header, format]) => ({ header, format, width: 14 })),
    rows: rows.map((row) => [
      row.channel,
      row.currentInvestment,
      row.currentShare,
      row.currentPipeline,
      row.pipelinePerDollar,
      row.recommendedInvestment,
      row.recommendedShare,
      row.expectedPipeline,
      row.change,
      row.attentionShare,
      row.gap,
    ]),
    charts: [mediaMixChart(rows)],
  };
}

/** Budget, expected pipeline, note of each curve row: a concave curve from $100k to $300k. */
export const CURVE_POINTS: [number, number, string | null][] = [
  [100_000, 1_000_000, null],
  [150_000, 1_400_000, "Budget"],
  [200_000, 1_700_000, null],
  [250_000, 1_900_000, "Budget for the goal"],
  [300_000, 2_000_000, null],
];

/**
 * The `Budget Curve` sheet as helper code builds it; its kind is a planner
 * kind of the file writer's, as the curve's own kind is not in this branch.
 */
export function curveSheet(marks = { budget: 150_000, pipelineGoal: 1_900_000 }): OutputSheet {
  const sheet: OutputSheet = {
    kind: "scenarios",
    sheetName: "Budget Curve",
    tableName: "tblBudgetCurve",
    columns: [
      { header: "Budget", format: "money", width: 14 },
      { header: "Expected pipeline", format: "money", width: 16 },
      { header: "Expected leads", format: "integer", width: 14 },
      { header: "Marginal pipeline per $1k", format: "ratio", width: 14 },
      { header: "Pipeline per $", format: "ratio", width: 12 },
      { header: "Note", format: "text", width: 20 },
    ],
    rows: CURVE_POINTS.map(([budget, pipeline, note]) => [
      budget,
      pipeline,
      Math.round(pipeline / 5000),
      5,
      pipeline / budget,
      note,
    ]),
  };
  return withChart(sheet, (made) => budgetCurveChart(made, marks));
}
