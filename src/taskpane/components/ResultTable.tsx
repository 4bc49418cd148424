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
  // Auto layout sizes columns to their words; long words break rather than run into the next cell.
  table: {
    tableLayout: "auto",
    [NARROW_PANE]: { display: "block" },
  },
  header: { [NARROW_PANE]: visuallyHidden },
  body: { [NARROW_PANE]: { display: "block" } },
  row: {
    [NARROW_PANE]: {
      display: "block",
      paddingBlock: tokens.spacingVerticalS,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  cell: {
    overflowWrap: "anywhere",
    verticalAlign: "top",
    paddingBlock: tokens.spacingVerticalXS,
    [NARROW_PANE]: {
      display: "grid",
      gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)",
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
    fontVariantNumeric: "tabular-nums",
    [NARROW_PANE]: { textAlign: "start" },
  },
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
}

/**
 * A results table that reads at any pane width: columns on a wide pane, and
 * below 600 px each row as a card whose lines name their column, so no cell
 * ever prints over its neighbour.
 */
export function ResultTable<Row>({ label, columns, rows, rowKey }: ResultTableProps<Row>) {
  const styles = useStyles();
  return (
    <Table aria-label={label} size="small" className={styles.table}>
      <TableHeader className={styles.header}>
        <TableRow>
          {columns.map((column) => (
            <TableHeaderCell
              key={column.header}
              className={mergeClasses(styles.cell, styles.headerCell, column.numeric && styles.number)}
            >
              {column.header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody className={styles.body}>
        {rows.map((row, index) => (
          <TableRow key={rowKey(row, index)} className={styles.row}>
            {columns.map((column) => (
              <TableCell
                key={column.header}
                data-label={column.header}
                className={mergeClasses(styles.cell, column.numeric && styles.number)}
              >
                {column.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
