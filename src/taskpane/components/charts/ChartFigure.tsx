import { Button } from "@fluentui/react-components";
import { useId, useState, type ReactNode } from "react";
import { useChartStyles } from "./chartStyles";

/** The chart's numbers as a table: the text alternative, which "Show the numbers" also shows on screen. */
export interface ChartNumbers {
  headers: string[];
  rows: string[][];
}

interface ChartFigureProps {
  title: string;
  /** One sentence of what the picture shows, read with it. */
  summary: string;
  /** The SVG's coordinate box; it scales to the pane's width. */
  width: number;
  height: number;
  legend: ReactNode;
  numbers: ChartNumbers;
  children: ReactNode;
}

/**
 * A chart as a figure: its title as caption, the SVG (focusable, named by
 * the caption, described by the summary), a legend, and its numbers in a
 * table that stays in the page for screen readers and shows on request.
 */
export function ChartFigure({ title, summary, width, height, legend, numbers, children }: ChartFigureProps) {
  const styles = useChartStyles();
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <figure className={styles.figure} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className={styles.caption}>
        {title}
      </figcaption>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-caption`}
        aria-describedby={`${id}-summary`}
        tabIndex={0}
      >
        {children}
      </svg>
      <p id={`${id}-summary`} className={styles.hidden}>
        {summary}
      </p>
      {legend}
      <Button
        className={styles.toggle}
        size="small"
        appearance="subtle"
        aria-expanded={shown}
        aria-controls={`${id}-numbers`}
        onClick={() => setShown(!shown)}
      >
        {shown ? "Hide the numbers" : "Show the numbers"}
      </Button>
      {/* A table is never narrower than its text, so the box around it hides it, or scrolls it in a narrow pane. */}
      <div
        id={`${id}-numbers`}
        className={shown ? styles.numbersBox : styles.hidden}
        role="region"
        aria-label={`${title}: the numbers`}
        tabIndex={shown ? 0 : undefined}
      >
        <table className={styles.numbers}>
          <caption className={styles.hidden}>{`${title}: the numbers`}</caption>
          <thead>
            <tr>
              {numbers.headers.map((header, i) => (
                <th key={header} scope="col" className={i > 0 ? styles.number : undefined}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {numbers.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className={styles.number}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
