import { budgetCurveChart, chartLayouts, mediaMixChart } from "../../src/core/charts";
import { CURVE_POINTS, MIX_ROWS, curveSheet, mixSheet } from "./chartFixtures";

describe("SPEC 11 pictures: the Media Mix chart", () => {
  test("a clustered bar chart of current, recommended and attention share by channel, Total left out", () => {
    const [layout] = chartLayouts(mixSheet());
    expect(layout.spec.kind).toBe("bar");
    expect(layout.series.map((series) => [series.name, series.nameRef, series.values.ref])).toEqual([
      ["Current share", "$C$1", "$C$2:$C$4"],
      ["Recommended share", "$G$1", "$G$2:$G$4"],
      ["Attention share", "$J$1", "$J$2:$J$4"],
    ]);
    expect(layout.series[0].categories).toEqual({
      ref: "$A$2:$A$4",
      values: ["Events", "Digital ads", "Print"],
    });
    expect(layout.series[1].values.values).toEqual([0.3, 0.5, 0.2]);
    expect(layout.markerBlock).toBeNull();
    // One blank column after the table's eleven.
    expect(layout.placement.column).toBe(12);
  });

  test("a share no channel has (no attention table) is not a series; no allocation and no attention: no chart", () => {
    const noAttention = MIX_ROWS.map((row) => ({ ...row, attentionShare: null }));
    expect(mediaMixChart(noAttention).valueColumns).toEqual(["Current share", "Recommended share"]);
    const nothing = noAttention.map((row) => ({ ...row, currentShare: null, recommendedShare: null }));
    expect(mediaMixChart(nothing).rowCount).toBe(0);
    expect(chartLayouts(mixSheet(nothing))).toEqual([]);
  });
});

describe("SPEC 11 pictures: the Budget Curve chart", () => {
  test("expected pipeline against budget from tblBudgetCurve's columns", () => {
    const [layout] = chartLayouts(curveSheet());
    expect(layout.spec).toMatchObject({
      kind: "line",
      title: "Expected pipeline by budget",
      categoryAxisTitle: "Budget",
      valueAxisTitle: "Expected pipeline",
      rowCount: CURVE_POINTS.length,
    });
    expect(layout.series[0]).toMatchObject({
      name: "Expected pipeline",
      categories: { ref: "$A$2:$A$6", values: CURVE_POINTS.map((point) => point[0]) },
      values: { ref: "$B$2:$B$6", values: CURVE_POINTS.map((point) => point[1]) },
      marker: false,
    });
    expect(layout.categoryFormat).toBe("money");
    expect(layout.valueFormat).toBe("money");
  });

  test("the plan's Budget is a vertical line from 0 to the top, the Pipeline goal a horizontal line across the budgets, in labelled cells beside the table", () => {
    const [layout] = chartLayouts(curveSheet({ budget: 150_000, pipelineGoal: 2_500_000 }));
    expect(layout.markerBlock).toEqual({
      top: 1,
      left: 8,
      columns: [
        expect.objectContaining({ header: "Chart marker", format: "text" }),
        expect.objectContaining({ header: "Budget", format: "money" }),
        expect.objectContaining({ header: "Expected pipeline", format: "money" }),
      ],
      rows: [
        ["Chart marker", "Budget", "Expected pipeline"],
        ["Plan budget", 150_000, 0],
        ["Plan budget", 150_000, 2_500_000],
        ["Pipeline goal", 100_000, 2_500_000],
        ["Pipeline goal", 300_000, 2_500_000],
      ],
    });
    expect(
      layout.series
        .slice(1)
        .map((series) => [series.name, series.nameRef, series.categories.ref, series.values.ref]),
    ).toEqual([
      ["Plan budget", "$H$2", "$I$2:$I$3", "$J$2:$J$3"],
      ["Pipeline goal", "$H$4", "$I$4:$I$5", "$J$4:$J$5"],
    ]);
    // Right of the marker block and one blank column.
    expect(layout.placement.column).toBe(11);
  });

  test("a Budget outside the curve's range widens the goal line to it; an empty curve (no shortlist) draws nothing", () => {
    const spec = budgetCurveChart(curveSheet(), { budget: 400_000, pipelineGoal: 1_000_000 });
    expect(spec.markers[1].points).toEqual([
      [100_000, 1_000_000],
      [400_000, 1_000_000],
    ]);
    const empty = { ...curveSheet(), rows: [] };
    expect(budgetCurveChart(empty, { budget: 1, pipelineGoal: 1 })).toMatchObject({
      rowCount: 0,
      markers: [],
    });
    expect(
      chartLayouts({ ...empty, charts: [budgetCurveChart(empty, { budget: 1, pipelineGoal: 1 })] }),
    ).toEqual([]);
  });
});
