import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Plan } from "../../core/model";
import type { WrittenSheet } from "../../workbook/plannerWorkbook";
import { EMPTY_FIGURE, money, percent } from "../format";
import { notAskedOfAnyLines, QUESTION_TITLES, statusCounts } from "../summary";
import { CapacitySummary } from "./CapacitySummary";

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  scroll: { overflowX: "auto" },
  number: { textAlign: "end" },
});

interface ResultsViewProps {
  plan: Plan;
  written: WrittenSheet[];
  /** Excel: bring a written sheet to the front. */
  onShowSheet?: (sheetName: string) => void;
  /** Browser: save the workbook with the plan. */
  onDownload?: () => void;
}

function FigureTable({ label, rows }: { label: string; rows: [string, string][] }) {
  const styles = useStyles();
  return (
    <Table aria-label={label} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Figure</TableHeaderCell>
          <TableHeaderCell>Value</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(([name, value]) => (
          <TableRow key={name}>
            <TableCell>{name}</TableCell>
            <TableCell className={styles.number}>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The finished plan: shortlist, what the filter eliminated, the budget and the mix. */
export function ResultsView({ plan, written, onShowSheet, onDownload }: ResultsViewProps) {
  const styles = useStyles();
  const counts = statusCounts(plan);
  const notAskedOfAny = notAskedOfAnyLines(plan);
  const shortlist = plan.vehicles
    .filter((vehicle) => vehicle.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const { allocation } = plan;

  return (
    <div className={styles.section}>
      <div className={styles.actions}>
        {onDownload && (
          <Button appearance="primary" onClick={onDownload}>
            Download plan
          </Button>
        )}
        {onShowSheet &&
          written.map((sheet) => (
            <Button key={sheet.sheetName} onClick={() => onShowSheet(sheet.sheetName)}>
              {`Go to ${sheet.sheetName}`}
            </Button>
          ))}
      </div>

      <h3>Shortlist</h3>
      <div className={styles.scroll}>
        <Table aria-label="Shortlist" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Rank</TableHeaderCell>
              <TableHeaderCell>Vehicle</TableHeaderCell>
              <TableHeaderCell>Channel</TableHeaderCell>
              <TableHeaderCell>Recommended investment</TableHeaderCell>
              <TableHeaderCell>Expected pipeline</TableHeaderCell>
              <TableHeaderCell>Bound</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shortlist.map((vehicle) => (
              <TableRow key={vehicle.row}>
                <TableCell>{vehicle.rank}</TableCell>
                <TableCell>{vehicle.vehicle}</TableCell>
                <TableCell>{vehicle.channel}</TableCell>
                <TableCell className={styles.number}>{money(vehicle.recommendedInvestment)}</TableCell>
                <TableCell className={styles.number}>{money(vehicle.expectedPipeline)}</TableCell>
                <TableCell>{vehicle.bound ?? EMPTY_FIGURE}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      <h3>Vehicle filter</h3>
      <FigureTable
        label="Vehicle filter"
        rows={[
          ...QUESTION_TITLES.map((title, k): [string, string] => [
            `Eliminated by ${title}`,
            String(counts.eliminated[k]),
          ]),
          ["Invalid input", String(counts.invalid)],
          ["Reserve", String(counts.reserve)],
          ["Shortlisted", String(counts.shortlisted)],
        ]}
      />
      {notAskedOfAny.length > 0 && (
        <div>
          <p>Not asked of any vehicle (n/a on every row, so left out of Reasons):</p>
          <ul aria-label="Questions not asked of any vehicle">
            {notAskedOfAny.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}

      <h3>Budget</h3>
      <FigureTable
        label="Budget"
        rows={[
          ["Budget", money(allocation.budget)],
          ["Allocated", money(allocation.allocated)],
          ["Unallocated", money(allocation.unallocated)],
          ["Expected pipeline", money(allocation.expectedPipeline)],
          ["Pipeline goal", money(allocation.pipelineGoal)],
          ["Budget for the goal", money(allocation.budgetForGoal)],
        ]}
      />
      <CapacitySummary allocation={allocation} />

      <h3>Media mix</h3>
      <div className={styles.scroll}>
        <Table aria-label="Media mix" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Channel</TableHeaderCell>
              <TableHeaderCell>Current investment</TableHeaderCell>
              <TableHeaderCell>Current share</TableHeaderCell>
              <TableHeaderCell>Recommended investment</TableHeaderCell>
              <TableHeaderCell>Recommended share</TableHeaderCell>
              <TableHeaderCell>Attention share</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.mix.map((row, index) => (
              <TableRow key={`${index}-${row.channel}`}>
                <TableCell>{row.channel}</TableCell>
                <TableCell className={styles.number}>{money(row.currentInvestment)}</TableCell>
                <TableCell className={styles.number}>{percent(row.currentShare)}</TableCell>
                <TableCell className={styles.number}>{money(row.recommendedInvestment)}</TableCell>
                <TableCell className={styles.number}>{percent(row.recommendedShare)}</TableCell>
                <TableCell className={styles.number}>{percent(row.attentionShare)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
