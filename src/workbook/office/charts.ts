/**
 * SPEC 11 in Excel: each chart of a planner sheet as a native Excel chart
 * drawn from the sheet's table, from the same layout the .xlsx writer uses
 * (ExcelApi 1.7: series added by name, values and x values set from ranges).
 */
import { chartLayouts, type ChartLayout } from "../../core/charts";
import { columnLetters } from "../../core/cellReference";
import { NUMBER_FORMATS, type OutputSheet } from "../../core/outputTable";

/** The planner's charts are known by this start of their names, so a replan redraws them and leaves a user's charts alone. */
const PLANNER_CHART_PREFIX = "VehiclePlanner";

export function isPlannerChart(name: string): boolean {
  return name.startsWith(PLANNER_CHART_PREFIX);
}

/** `VehiclePlannerMediaMixChart`, `VehiclePlannerBudgetCurveChart`. */
function chartName(output: OutputSheet, index: number): string {
  return `${PLANNER_CHART_PREFIX}${output.sheetName.replace(/\s/g, "")}Chart${index > 0 ? index + 1 : ""}`;
}

/**
 * Rows a marker block takes at most: its header and two points for each of
 * the Budget and the Pipeline goal. A shorter block is written out to this
 * size with blanks, so a replan in place leaves no marker of the plan before.
 */
const MARKER_BLOCK_ROWS = 5;

function writeMarkerBlock(sheet: Excel.Worksheet, layout: ChartLayout): void {
  const block = layout.markerBlock;
  if (!block) return;
  const first = columnLetters(block.left);
  const last = columnLetters(block.left + block.columns.length - 1);
  const rows = [...block.rows];
  while (rows.length < MARKER_BLOCK_ROWS) rows.push(block.columns.map(() => null));
  const bottom = block.top + rows.length - 1;
  block.columns.forEach((column, i) => {
    const letter = columnLetters(block.left + i);
    sheet.getRange(`${letter}${block.top + 1}:${letter}${bottom}`).numberFormat = rows
      .slice(1)
      .map(() => [NUMBER_FORMATS[column.format]]);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = column.width * 7;
  });
  sheet.getRange(`${first}${block.top}:${last}${bottom}`).values = rows.map((row) =>
    row.map((cell) => cell ?? ""),
  );
}

/** Queues the sheet's charts, with the marker cells they read. */
export function addCharts(sheet: Excel.Worksheet, output: OutputSheet): void {
  chartLayouts(output).forEach((layout, index) => {
    writeMarkerBlock(sheet, layout);
    const [first, ...rest] = layout.series;
    const bar = layout.spec.kind === "bar";
    // The first series comes with the chart, its name read from the header cell above its values.
    const source = `${first.nameRef}:${first.values.ref.split(":")[1]}`;
    const chart = sheet.charts.add(
      bar ? Excel.ChartType.barClustered : Excel.ChartType.xyscatterLines,
      sheet.getRange(source),
      Excel.ChartSeriesBy.columns,
    );
    chart.name = chartName(output, index);
    chart.title.text = layout.spec.title;
    chart.axes.categoryAxis.title.text = layout.spec.categoryAxisTitle;
    chart.axes.valueAxis.title.text = layout.spec.valueAxisTitle;
    chart.series.getItemAt(0).setXAxisValues(sheet.getRange(first.categories.ref));
    for (const series of rest) {
      const added = chart.series.add(series.name);
      added.setValues(sheet.getRange(series.values.ref));
      added.setXAxisValues(sheet.getRange(series.categories.ref));
      if (series.marker) {
        added.markerStyle = Excel.ChartMarkerStyle.none;
        added.format.line.lineStyle = Excel.ChartLineStyle.dash;
      }
    }
    const { column, row, columns, rows } = layout.placement;
    chart.setPosition(
      `${columnLetters(column + 1)}${row + 1}`,
      `${columnLetters(column + columns)}${row + rows}`,
    );
  });
}
