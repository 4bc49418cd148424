import { mergeClasses } from "@fluentui/react-components";
import { mediaMixChart, MIX_CHART_SERIES } from "../../../core/charts";
import type { MixRow } from "../../../core/model";
import { percent } from "../../format";
import { ChartFigure } from "./ChartFigure";
import { useChartStyles } from "./chartStyles";
import { ticks } from "./scale";

const WIDTH = 320;
const LEFT = 6;
const RIGHT = 14;
const LABEL = 14;
const BAR = 7;
const GAP = 10;
const AXIS = 22;

const SHARE: Record<(typeof MIX_CHART_SERIES)[number], (row: MixRow) => number | null> = {
  "Current share": (row) => row.currentShare,
  "Recommended share": (row) => row.recommendedShare,
  "Attention share": (row) => row.attentionShare,
};

/**
 * SPEC 11: current, recommended and attention share by channel, as the
 * Media Mix sheet's chart (the same series, Total left out). Each channel's
 * name sits above its bars so long names fit a 320-pixel pane.
 */
export function MixChart({ mix }: { mix: readonly MixRow[] }) {
  const styles = useChartStyles();
  const spec = mediaMixChart(mix);
  if (spec.rowCount === 0) return null;
  const channels = mix.slice(0, spec.rowCount);
  const series = spec.valueColumns.map((header) => SHARE[header as keyof typeof SHARE]);
  const largest = Math.max(...channels.flatMap((row) => series.map((share) => share(row) ?? 0)));
  const axis = ticks(0, Math.max(largest, 0.01), 4);
  const x = (share: number) => LEFT + (share / axis.max) * (WIDTH - LEFT - RIGHT);
  const group = LABEL + series.length * BAR + GAP;
  const height = channels.length * group + AXIS;
  const plotBottom = channels.length * group;
  const swatches = [styles.swatch0, styles.swatch1, styles.swatch2];
  const fills = [styles.series0, styles.series1, styles.series2];
  return (
    <ChartFigure
      title={spec.title}
      summary={`Bars for ${channels.length} channels: ${spec.valueColumns.join(", ").toLowerCase()}, from 0 to ${percent(axis.max)}.`}
      width={WIDTH}
      height={height}
      legend={
        <ul className={styles.legend} aria-label="Legend">
          {spec.valueColumns.map((header, i) => (
            <li key={header} className={styles.legendItem}>
              <span className={mergeClasses(styles.swatch, swatches[i])} />
              {header}
            </li>
          ))}
        </ul>
      }
      numbers={{
        headers: ["Channel", ...spec.valueColumns],
        rows: channels.map((row) => [row.channel, ...series.map((share) => percent(share(row)))]),
      }}
    >
      {axis.ticks.map((tick) => (
        <g key={tick}>
          <line className={styles.grid} x1={x(tick)} x2={x(tick)} y1={0} y2={plotBottom} />
          <text
            className={styles.muted}
            x={x(tick)}
            y={plotBottom + 14}
            // The end labels stay inside the picture.
            textAnchor={tick === axis.min ? "start" : tick === axis.max ? "end" : "middle"}
          >
            {percent(tick)}
          </text>
        </g>
      ))}
      {channels.map((row, c) => {
        const top = c * group;
        return (
          <g key={`${c}-${row.channel}`}>
            <text className={styles.text} x={LEFT} y={top + LABEL - 3}>
              {row.channel}
            </text>
            {series.map((share, s) => (
              <rect
                key={s}
                className={fills[s]}
                x={LEFT}
                y={top + LABEL + s * BAR}
                width={Math.max(0, x(share(row) ?? 0) - LEFT)}
                height={BAR - 1}
              />
            ))}
          </g>
        );
      })}
      <line className={styles.axis} x1={LEFT} x2={LEFT} y1={0} y2={plotBottom} />
    </ChartFigure>
  );
}
