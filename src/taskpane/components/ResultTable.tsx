import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";

/** Below this pane width a row reads as a card of label–value lines instead of a row of columns. */
export const NARROW_PANE = "@media (max-width: 599px)";

const visuallyHidden = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;

const useStyles = makeStyles({
  // A table wider than the pane scrolls inside its own box rather than running over what is beside it.
  scroll: { overflowX: "auto" },
  // Auto layout sizes each column to its longest word, so words and amounts stay whole.
  table: { tableLayout: "auto" },
  figures: { width: "auto", minWidth: "min(100%, 24rem)" },
  stackedTable: { [NARROW_PANE]: { display: "block" } },
  header: { [NARROW_PANE]: visuallyHidden },
  body: { [NARROW_PANE]: { display: "block" } },
  row: {
    [NARROW_PANE]: {
      display: "block",
      height: "auto",
      paddingBlock: tokens.spacingVerticalS,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  cell: {
    overflowWrap: "break-word",
    verticalAlign: "top",
    paddingBlock: tokens.spacingVerticalXS,
  },
  stackedCell: {
    [NARROW_PANE]: {
      display: "grid",
      gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
      columnGap: tokens.spacingHorizontalS,
      height: "auto",
      "::before": {
        content: "attr(data-label)",
        fontWeight: tokens.fontWeightSemibold,
        color: tokens.colorNeutralForeground2,
      },
    },
  },
  headerCell: { verticalAlign: "bottom" },
  number: {
    textAlign: "end",
    whiteSpace: "nowrap",
    fontVariantNumeric: "tabular-nums",
  },
  stackedNumber: { [NARROW_PANE]: { textAlign: "start", whiteSpace: "normal" } },
});

export interface ResultColumn<Row> {
  header: string;
  cell(row: Row): ReactNode;
  numeric?: boolean;
}

interface ResultTableProps<Row> {
  label: string;
  columns: readonly ResultColumn<Row>[];
  rows: readonly Row[];
  rowKey(row: Row, index: number): string;
  /**
   * Figures: a narrow two-column table of names and amounts that fits any
   * pane as it is, so its rows never turn into cards.
   */
  figures?: boolean;
}

/**
 * A results table that reads at any pane width: columns on a wide pane, and
 * below 600 px each row as a card whose lines name their column, so no cell
 * ever prints over its neighbour.
 */
export function ResultTable<Row>({ label, columns, rows, rowKey, figures = false }: ResultTableProps<Row>) {
  const styles = useStyles();
  const stacked = !figures;
  const cellClass = (numeric: boolean | undefined, ...extra: (string | false)[]) =>
    mergeClasses(
      styles.cell,
      stacked && styles.stackedCell,
      numeric && styles.number,
      numeric && stacked && styles.stackedNumber,
      ...extra,
    );
  return (
    <div className={styles.scroll}>
      <Table
        aria-label={label}
        size="small"
        className={mergeClasses(styles.table, figures && styles.figures, stacked && styles.stackedTable)}
      >
        <TableHeader className={stacked ? styles.header : undefined}>
          <TableRow>
            {columns.map((column) => (
              <TableHeaderCell key={column.header} className={cellClass(column.numeric, styles.headerCell)}>
                {column.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody className={stacked ? styles.body : undefined}>
          {rows.map((row, index) => (
            <TableRow key={rowKey(row, index)} className={stacked ? styles.row : undefined}>
              {columns.map((column) => (
                <TableCell
                  key={column.header}
                  data-label={column.header}
                  className={cellClass(column.numeric)}
                >
                  {column.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
