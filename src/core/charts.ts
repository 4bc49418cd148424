/**
 * SPEC 11 "Pictures": the charts every face draws, described once over the
 * output tables so the .xlsx writer, the add-in and the pane cannot drift
 * apart. A chart names the table's columns by header; `chartLayout` turns
 * that into the cell ranges and cached values a face writes.
 */
import { columnLetters } from "./cellReference";
import type { MixRow } from "./model";
import { finiteOrNull } from "./numberText";
import type { ColumnFormat, OutputCell, OutputColumn, OutputSheet } from "./outputTable";

/**
 * `bar`: a clustered bar chart (horizontal bars, one group a category);
 * `line`: straight lines through (x, y) points on two value axes, so uneven
 * budgets sit where they belong and the markers can stand at any x.
 */
export type ChartKind = "bar" | "line";

/** A marker line drawn as a series of two points, whose values a face writes beside the table. */
export interface ChartMarker {
  /** The series name, in the legend and beside the table (`Plan budget`). */
  label: string;
  points: readonly [readonly [number, number], readonly [number, number]];
}

export interface ChartSpec {
  kind: ChartKind;
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  /** The header of the column along the category (bar) or x (line) axis. */
  categoryColumn: string;
  /** The headers of the plotted columns, one series each. */
  valueColumns: readonly string[];
  /** How many of the table's rows, from the first, the chart plots (Media Mix leaves out `Total`). */
  rowCount: number;
  markers: readonly ChartMarker[];
}

/** A cell range of the sheet without its sheet name (`$C$2:$C$14`), with the values it holds. */
export interface ChartRange<T> {
  ref: string;
  values: T[];
}

export interface ChartSeries {
  name: string;
  /** The cell holding the name (`$C$1`). */
  nameRef: string;
  categories: ChartRange<OutputCell>;
  values: ChartRange<number | null>;
  /** A marker line rather than a column of the table. */
  marker: boolean;
}

/** The marker lines' cells: a small labelled table beside the output table, 1-based corner. */
export interface MarkerBlock {
  top: number;
  left: number;
  columns: OutputColumn[];
  rows: OutputCell[][];
}

/** Where the chart sits: 0-based column and row of its top-left cell, and its size in cells. */
export interface ChartPlacement {
  column: number;
  row: number;
  columns: number;
  rows: number;
}

export interface ChartLayout {
  spec: ChartSpec;
  series: ChartSeries[];
  markerBlock: MarkerBlock | null;
  placement: ChartPlacement;
  /** The number formats of the category (x) and value axes, from the table's columns. */
  categoryFormat: ColumnFormat;
  valueFormat: ColumnFormat;
}

const CHART_COLUMNS = 9;
const CHART_ROWS = 20;
const MARKER_HEADER = "Chart marker";

function columnIndex(sheet: OutputSheet, header: string): number {
  const index = sheet.columns.findIndex((column) => column.header === header);
  if (index < 0) throw new Error(`The ${sheet.sheetName} table has no column "${header}" to chart.`);
  return index;
}

function columnRange<T>(sheet: OutputSheet, index: number, rowCount: number, read: (cell: OutputCell) => T) {
  const letter = columnLetters(index + 1);
  return {
    ref: `$${letter}$2:$${letter}$${rowCount + 1}`,
    values: sheet.rows.slice(0, rowCount).map((row) => read(row[index] ?? null)),
  };
}

/**
 * The cells and ranges of each chart of the sheet. Marker cells go in a
 * block one column right of the table; charts go right of that, one under
 * the other.
 */
export function chartLayouts(sheet: OutputSheet): ChartLayout[] {
  const charts = (sheet.charts ?? []).filter((chart) => chart.rowCount > 0);
  const markerLeft = sheet.columns.length + 2;
  const withMarkers = charts.some((chart) => chart.markers.length > 0);
  const chartColumn = markerLeft - 1 + (withMarkers ? 4 : 0);
  let markerTop = 1;
  return charts.map((spec, i) => {
    const category = columnIndex(sheet, spec.categoryColumn);
    const categories = columnRange(sheet, category, spec.rowCount, (cell) => cell);
    const series: ChartSeries[] = spec.valueColumns.map((header) => {
      const index = columnIndex(sheet, header);
      return {
        name: header,
        nameRef: `$${columnLetters(index + 1)}$1`,
        categories,
        values: columnRange(sheet, index, spec.rowCount, finiteOrNull),
        marker: false,
      };
    });
    const valueColumn = sheet.columns[columnIndex(sheet, spec.valueColumns[0])];
    const categoryColumn = sheet.columns[category];
    let markerBlock: MarkerBlock | null = null;
    if (spec.markers.length > 0) {
      const top = markerTop;
      const [label, x, y] = [markerLeft, markerLeft + 1, markerLeft + 2].map(columnLetters);
      spec.markers.forEach((marker, m) => {
        const first = top + 1 + 2 * m;
        const last = first + 1;
        series.push({
          name: marker.label,
          nameRef: `$${label}$${first}`,
          categories: { ref: `$${x}$${first}:$${x}$${last}`, values: marker.points.map((p) => p[0]) },
          values: { ref: `$${y}$${first}:$${y}$${last}`, values: marker.points.map((p) => p[1]) },
          marker: true,
        });
      });
      markerBlock = {
        top,
        left: markerLeft,
        columns: [
          { header: MARKER_HEADER, format: "text", width: 16 },
          { ...categoryColumn, width: Math.max(12, categoryColumn.header.length + 2) },
          { ...valueColumn, width: Math.max(12, valueColumn.header.length + 2) },
        ],
        rows: [
          [MARKER_HEADER, categoryColumn.header, valueColumn.header],
          ...spec.markers.flatMap((marker) => marker.points.map(([px, py]) => [marker.label, px, py])),
        ],
      };
      markerTop += markerBlock.rows.length + 1;
    }
    return {
      spec,
      series,
      markerBlock,
      placement: {
        column: chartColumn,
        row: 1 + i * (CHART_ROWS + 1),
        columns: CHART_COLUMNS,
        rows: CHART_ROWS,
      },
      categoryFormat: categoryColumn.format,
      valueFormat: valueColumn.format,
    };
  });
}

/** The three shares of the Media Mix columns, in the order the chart shows them. */
export const MIX_CHART_SERIES = ["Current share", "Recommended share", "Attention share"] as const;

/**
 * SPEC 11: current, recommended and attention share by channel, from the
 * Media Mix rows with the `Total` row left out. A share with no value in
 * any channel row (no attention table, no allocation) is left out rather
 * than drawn as an empty legend entry.
 */
export function mediaMixChart(mix: readonly MixRow[]): ChartSpec {
  const channels = mix.slice(0, -1);
  const shares: Record<(typeof MIX_CHART_SERIES)[number], (row: MixRow) => number | null> = {
    "Current share": (row) => row.currentShare,
    "Recommended share": (row) => row.recommendedShare,
    "Attention share": (row) => row.attentionShare,
  };
  const plotted = MIX_CHART_SERIES.filter((header) =>
    channels.some((row) => finiteOrNull(shares[header](row)) !== null),
  );
  return {
    kind: "bar",
    title: "Share by channel: current, recommended and audience attention",
    categoryAxisTitle: "Channel",
    valueAxisTitle: "Share",
    categoryColumn: "Channel",
    valueColumns: plotted,
    rowCount: plotted.length > 0 ? channels.length : 0,
    markers: [],
  };
}

/** The plan's figures the budget curve marks. */
export interface CurveMarks {
  budget: number;
  pipelineGoal: number;
}

/**
 * SPEC 11: expected pipeline against budget, from the `Budget Curve` table
 * (`Budget`, `Expected pipeline`, …), with the plan's Budget as a vertical
 * line from 0 to the top of the chart and the Pipeline goal as a horizontal
 * line across the curve's budgets.
 */
export function budgetCurveChart(sheet: OutputSheet, marks: CurveMarks): ChartSpec {
  const budgets = sheet.rows.map((row) => finiteOrNull(row[columnIndex(sheet, "Budget")] ?? null));
  const pipelines = sheet.rows.map((row) =>
    finiteOrNull(row[columnIndex(sheet, "Expected pipeline")] ?? null),
  );
  const xs = budgets.filter((value): value is number => value !== null);
  const ys = pipelines.filter((value): value is number => value !== null);
  const markers: ChartMarker[] = [];
  if (xs.length > 0) {
    const top = Math.max(...ys, marks.pipelineGoal);
    if (Number.isFinite(marks.budget)) {
      markers.push({
        label: "Plan budget",
        points: [
          [marks.budget, 0],
          [marks.budget, top],
        ],
      });
    }
    if (Number.isFinite(marks.pipelineGoal)) {
      const left = Math.min(...xs, marks.budget);
      const right = Math.max(...xs, marks.budget);
      markers.push({
        label: "Pipeline goal",
        points: [
          [left, marks.pipelineGoal],
          [right, marks.pipelineGoal],
        ],
      });
    }
  }
  return {
    kind: "line",
    title: "Expected pipeline by budget",
    categoryAxisTitle: "Budget",
    valueAxisTitle: "Expected pipeline",
    categoryColumn: "Budget",
    valueColumns: ["Expected pipeline"],
    rowCount: xs.length,
    markers,
  };
}

/** The sheet with one more chart, made from the sheet's own table. */
export function withChart(sheet: OutputSheet, chart: (sheet: OutputSheet) => ChartSpec): OutputSheet {
  return { ...sheet, charts: [...(sheet.charts ?? []), chart(sheet)] };
}
