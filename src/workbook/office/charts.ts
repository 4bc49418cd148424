/**
 * SPEC 11 in Excel: each chart of a planner sheet as a native Excel chart
 * drawn from the sheet's table, from the same layout the .xlsx writer uses
 * (ExcelApi 1.7: series added by name, values and x values set from ranges).
 */
import { chartLayouts, type ChartLayout } from "../../core/charts";
import { columnLetters } from "../../core/cellReference";
import { NUMBER_FORMATS, type OutputSheet } from "../../core/outputTable";

function writeMarkerBlock(sheet: Excel.Worksheet, layout: ChartLayout): void {
  const block = layout.markerBlock;
  if (!block) return;
  const first = columnLetters(block.left);
  const last = columnLetters(block.left + block.columns.length - 1);
  const bottom = block.top + block.rows.length - 1;
  block.columns.forEach((column, i) => {
    const letter = columnLetters(block.left + i);
    sheet.getRange(`${letter}${block.top + 1}:${letter}${bottom}`).numberFormat = block.rows
      .slice(1)
      .map(() => [NUMBER_FORMATS[column.format]]);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = column.width * 7;
  });
  sheet.getRange(`${first}${block.top}:${last}${bottom}`).values = block.rows.map((row) =>
    row.map((cell) => cell ?? ""),
  );
}

/** Queues the sheet's charts, with the marker cells they read. */
export function addCharts(sheet: Excel.Worksheet, output: OutputSheet): void {
  for (const layout of chartLayouts(output)) {
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
  }
}
