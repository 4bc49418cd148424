import { mergeClasses } from "@fluentui/react-components";
import { formatRatio } from "../../../core/numberText";
import { EMPTY_FIGURE, money } from "../../format";
import { ChartFigure } from "./ChartFigure";
import { useChartStyles } from "./chartStyles";
import { shortMoney, ticks } from "./scale";

/** A row of the budget curve, as SPEC 11's JSON `budgetCurve` gives it. */
export interface BudgetCurvePoint {
  budget: number;
  expectedPipeline: number | null;
  expectedLeads: number | null;
  marginalPer1k: number | null;
  pipelinePerDollar: number | null;
  note: string | null;
}

interface BudgetCurveChartProps {
  curve: readonly BudgetCurvePoint[];
  budget: number;
  pipelineGoal: number;
}

const WIDTH = 320;
const HEIGHT = 200;
const LEFT = 46;
const RIGHT = 14;
const TOP = 12;
const BOTTOM = 28;

/**
 * SPEC 11: expected pipeline against budget, with the plan's Budget as a
 * dashed vertical line and the Pipeline goal as a dashed horizontal one,
 * as the Budget Curve sheet's chart draws them.
 */
export function BudgetCurveChart({ curve, budget, pipelineGoal }: BudgetCurveChartProps) {
  const styles = useChartStyles();
  const points = curve.filter(
    (row): row is BudgetCurvePoint & { expectedPipeline: number } => row.expectedPipeline !== null,
  );
  if (points.length === 0) return null;
  const budgets = points.map((row) => row.budget);
  const xAxis = ticks(Math.min(...budgets, budget), Math.max(...budgets, budget), 3);
  const yAxis = ticks(0, Math.max(...points.map((row) => row.expectedPipeline), pipelineGoal, 1), 4);
  const x = (value: number) =>
    LEFT + ((value - xAxis.min) / (xAxis.max - xAxis.min)) * (WIDTH - LEFT - RIGHT);
  const y = (value: number) =>
    TOP + (1 - (value - yAxis.min) / (yAxis.max - yAxis.min)) * (HEIGHT - TOP - BOTTOM);
  const bottom = HEIGHT - BOTTOM;
  const path = points
    .map((row, i) => `${i === 0 ? "M" : "L"}${x(row.budget)},${y(row.expectedPipeline)}`)
    .join("");
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <ChartFigure
      title="Expected pipeline by budget"
      summary={
        `A line from ${money(first.expectedPipeline)} at a budget of ${money(first.budget)} to ` +
        `${money(last.expectedPipeline)} at ${money(last.budget)}; ` +
        `the plan's Budget of ${money(budget)} and the Pipeline goal of ${money(pipelineGoal)} are dashed lines.`
      }
      width={WIDTH}
      height={HEIGHT}
      legend={
        <ul className={styles.legend} aria-label="Legend">
          <li className={styles.legendItem}>
            <span className={mergeClasses(styles.swatch, styles.swatch0)} />
            Expected pipeline
          </li>
          <li className={styles.legendItem}>
            <span className={mergeClasses(styles.dash, styles.budgetSwatch)} />
            {`Plan budget ${money(budget)}`}
          </li>
          <li className={styles.legendItem}>
            <span className={mergeClasses(styles.dash, styles.goalSwatch)} />
            {`Pipeline goal ${money(pipelineGoal)}`}
          </li>
        </ul>
      }
      numbers={{
        headers: ["Budget", "Expected pipeline", "Marginal pipeline per $1k", "Note"],
        rows: curve.map((row) => [
          money(row.budget),
          money(row.expectedPipeline),
          row.marginalPer1k === null ? EMPTY_FIGURE : formatRatio(row.marginalPer1k),
          row.note ?? "",
        ]),
      }}
    >
      {yAxis.ticks.map((tick) => (
        <g key={`y${tick}`}>
          <line className={styles.grid} x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
          <text className={styles.muted} x={LEFT - 4} y={y(tick) + 3} textAnchor="end">
            {shortMoney(tick)}
          </text>
        </g>
      ))}
      {xAxis.ticks.map((tick) => (
        <text key={`x${tick}`} className={styles.muted} x={x(tick)} y={bottom + 14} textAnchor="middle">
          {shortMoney(tick)}
        </text>
      ))}
      <line className={styles.axis} x1={LEFT} x2={WIDTH - RIGHT} y1={bottom} y2={bottom} />
      <line
        className={styles.goalLine}
        x1={LEFT}
        x2={WIDTH - RIGHT}
        y1={y(pipelineGoal)}
        y2={y(pipelineGoal)}
      />
      <line className={styles.budgetLine} x1={x(budget)} x2={x(budget)} y1={TOP} y2={bottom} />
      <path className={styles.curve} d={path} />
      {points.map((row) => (
        <circle
          key={row.budget}
          className={styles.point}
          cx={x(row.budget)}
          cy={y(row.expectedPipeline)}
          r={2.5}
        />
      ))}
    </ChartFigure>
  );
}
