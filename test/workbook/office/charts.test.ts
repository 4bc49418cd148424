import { curveSheet, mixSheet } from "../../core/chartFixtures";
import { FakeExcel, installExcelEnums, workbookOver } from "./fakeExcel";

beforeAll(installExcelEnums);

describe("SPEC 11 pictures in Excel: native charts drawn from the tables", () => {
  test("Media Mix gets a clustered bar chart of current, recommended and attention share by channel, without Total", async () => {
    const excel = new FakeExcel();
    await workbookOver(excel).writeOutputs([mixSheet()]);
    const charts = excel.sheet("Media Mix")?.charts ?? [];
    expect(charts).toEqual([
      {
        type: "BarClustered",
        name: "VehiclePlannerMediaMixChart",
        title: "Share by channel: current, recommended and audience attention",
        axisTitles: { category: "Channel", value: "Share" },
        series: [
          { name: null, values: "C1:C4", categories: "A2:A4" },
          { name: "Recommended share", values: "G2:G4", categories: "A2:A4" },
          { name: "Attention share", values: "J2:J4", categories: "A2:A4" },
        ],
        // One blank column (L) after the table's eleven.
        position: "M2:U21",
      },
    ]);
  });

  test("Budget Curve gets a line chart of Expected pipeline against Budget, the Budget and Pipeline goal as dashed lines from labelled cells", async () => {
    const excel = new FakeExcel();
    await workbookOver(excel).writeOutputs([curveSheet()]);
    const sheetName = excel.sheets[0].name;
    expect(excel.sheet(sheetName)?.charts).toEqual([
      {
        type: "XYScatterLines",
        name: "VehiclePlannerBudgetCurveChart",
        title: "Expected pipeline by budget",
        axisTitles: { category: "Budget", value: "Expected pipeline" },
        series: [
          { name: null, values: "B1:B6", categories: "A2:A6" },
          {
            name: "Plan budget",
            values: "J2:J3",
            categories: "I2:I3",
            markerStyle: "None",
            lineStyle: "Dash",
          },
          {
            name: "Pipeline goal",
            values: "J4:J5",
            categories: "I4:I5",
            markerStyle: "None",
            lineStyle: "Dash",
          },
        ],
        position: "L2:T21",
      },
    ]);
    expect(excel.valuesOf(sheetName, "H1:J5")).toEqual([
      ["Chart marker", "Budget", "Expected pipeline"],
      ["Plan budget", 150_000, 0],
      ["Plan budget", 150_000, 2_000_000],
      ["Pipeline goal", 100_000, 1_900_000],
      ["Pipeline goal", 300_000, 1_900_000],
    ]);
    expect(excel.sheet(sheetName)?.numberFormats.get("2,8")).toBe("$#,##0");
  });

  test("a replan draws the planner's chart again, by its name, and leaves a user's chart on the sheet", async () => {
    const excel = new FakeExcel();
    const workbook = workbookOver(excel);
    await workbook.writeOutputs([mixSheet()]);
    const sheet = excel.sheet("Media Mix");
    sheet?.charts.push({ ...sheet.charts[0], name: "My chart", title: "Mine" });
    await workbook.writeOutputs([mixSheet()]);
    expect(excel.sheets.flatMap((each) => each.charts).map((chart) => chart.name)).toEqual([
      "My chart",
      "VehiclePlannerMediaMixChart",
    ]);
  });
});
