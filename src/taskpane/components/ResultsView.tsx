import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Plan, PlannedVehicle } from "../../core/model";
import type { PlanInputs } from "../../core/plan";
import type { WrittenSheet } from "../../workbook/plannerWorkbook";
import { EMPTY_FIGURE, money, percent } from "../format";
import { PlanCharts } from "./charts/PlanCharts";
import { LeadHealthView } from "./LeadHealthView";
import { planWarnings, type HealthTarget } from "../planHealth";
import { notAskedOfAnyLines, plural, QUESTION_TITLES, statusCounts } from "../summary";
import { AuditTrail } from "./AuditTrail";
import { ResultTable, type ResultColumn } from "./ResultTable";
import { CapacitySummary } from "./CapacitySummary";

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  summary: { margin: 0 },
  warnings: { display: "grid", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

interface ResultsViewProps {
  plan: Plan;
  inputs: PlanInputs;
  written: WrittenSheet[];
  problemCount: number;
  /** Take the user to a setting or to the problems a warning names. */
  onGoTo: (target: HealthTarget) => void;
  /** Excel: bring a written sheet to the front. */
  onShowSheet?: (sheetName: string) => void;
  /** Browser: save the workbook with the plan. */
  onDownload?: () => void;
}

function difference(after: number | null, before: number | null): number | null {
  return after === null || before === null ? null : after - before;
}

const SHORTLIST_COLUMNS: ResultColumn<PlannedVehicle>[] = [
  { header: "Rank", cell: (v) => v.rank },
  { header: "Vehicle", cell: (v) => v.vehicle },
  { header: "Channel", cell: (v) => v.channel },
  { header: "Current investment", numeric: true, cell: (v) => money(v.investment) },
  { header: "Recommended investment", numeric: true, cell: (v) => money(v.recommendedInvestment) },
  {
    header: "Change",
    numeric: true,
    cell: (v) => money(difference(v.recommendedInvestment, v.investment)),
  },
  { header: "Expected pipeline", numeric: true, cell: (v) => money(v.expectedPipeline) },
  { header: "Bound", cell: (v) => v.bound ?? EMPTY_FIGURE },
  { header: "Why", cell: (v) => v.why || EMPTY_FIGURE },
];

type MixRow = Plan["mix"][number];
const MIX_COLUMNS: ResultColumn<MixRow>[] = [
  { header: "Channel", cell: (row) => row.channel },
  { header: "Current investment", numeric: true, cell: (row) => money(row.currentInvestment) },
  { header: "Current share", numeric: true, cell: (row) => percent(row.currentShare) },
  { header: "Recommended investment", numeric: true, cell: (row) => money(row.recommendedInvestment) },
  { header: "Recommended share", numeric: true, cell: (row) => percent(row.recommendedShare) },
  { header: "Change", numeric: true, cell: (row) => money(row.change) },
  { header: "Attention share", numeric: true, cell: (row) => percent(row.attentionShare) },
  { header: "Gap", numeric: true, cell: (row) => percent(row.gap) },
];

const FIGURE_COLUMNS: ResultColumn<[string, string]>[] = [
  { header: "Figure", cell: ([name]) => name },
  { header: "Value", numeric: true, cell: ([, value]) => value },
];

function FigureTable({ label, rows }: { label: string; rows: [string, string][] }) {
  return <ResultTable label={label} columns={FIGURE_COLUMNS} rows={rows} rowKey={([name]) => name} figures />;
}

/** "Expected pipeline $2,100,000 against the $2,500,000 goal (84.0%)". */
function againstGoal(plan: Plan): string {
  const { expectedPipeline, pipelineGoal } = plan.allocation;
  if (expectedPipeline === null) return "no expected pipeline (nothing allocated)";
  const share = pipelineGoal > 0 ? ` (${percent(expectedPipeline / pipelineGoal)})` : "";
  return `expected pipeline ${money(expectedPipeline)} against the ${money(pipelineGoal)} goal${share}`;
}

/** The one line on top: the shortlist, pipeline against the goal, money left, and the problems. */
function PlanSummary({
  plan,
  problemCount,
  onGoTo,
}: {
  plan: Plan;
  problemCount: number;
  onGoTo: (target: HealthTarget) => void;
}) {
  const styles = useStyles();
  const shortlist = plan.vehicles
    .filter((vehicle) => vehicle.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .map((vehicle) => vehicle.vehicle);
  const names = shortlist.length > 0 ? ` (${shortlist.join(", ")})` : "";
  const unallocated = plan.allocation.unallocated;
  return (
    <p className={styles.summary} data-testid="plan-summary">
      {`${shortlist.length} shortlisted${names}; ${againstGoal(plan)}; `}
      {`${unallocated === null ? "nothing allocated" : `${money(unallocated)} unallocated`}.`}
      {problemCount > 0 && (
        <>
          {" "}
          <Link as="button" onClick={() => onGoTo({ kind: "problems" })}>
            {plural(problemCount, "problem")}
          </Link>
        </>
      )}
    </p>
  );
}

/** The finished plan: summary and warnings, shortlist, budget, mix and the filter's audit trail. */
export function ResultsView({
  plan,
  inputs,
  written,
  problemCount,
  onGoTo,
  onShowSheet,
  onDownload,
}: ResultsViewProps) {
  const styles = useStyles();
  const counts = statusCounts(plan);
  const notAskedOfAny = notAskedOfAnyLines(plan);
  const warnings = planWarnings(plan, inputs);
  const shortlist = plan.vehicles
    .filter((vehicle) => vehicle.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const { allocation } = plan;

  return (
    <div className={styles.section}>
      <PlanSummary plan={plan} problemCount={problemCount} onGoTo={onGoTo} />
      <div className={styles.warnings} role="group" aria-label="Plan checks">
        {warnings.length === 0 ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              The plan is sound: the goal is met, the budget is spent and the shortlist is full.
            </MessageBarBody>
          </MessageBar>
        ) : (
          warnings.map((warning) => (
            <MessageBar key={warning.text} intent="warning" layout="multiline">
              <MessageBarBody>{warning.text}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => onGoTo(warning.target)}>
                  {warning.action}
                </Button>
              </MessageBarActions>
            </MessageBar>
          ))
        )}
      </div>
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

      <h3 className={styles.heading}>Shortlist</h3>
      <ResultTable
        label="Shortlist"
        columns={SHORTLIST_COLUMNS}
        rows={shortlist}
        rowKey={(vehicle) => String(vehicle.row)}
      />

      <h3 className={styles.heading}>Budget</h3>
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

      <LeadHealthView health={plan.leadHealth} />

      <h3 className={styles.heading}>Media mix</h3>
      <ResultTable
        label="Media mix"
        columns={MIX_COLUMNS}
        rows={plan.mix}
        rowKey={(row, index) => `${index}-${row.channel}`}
      />
      <PlanCharts plan={plan} />

      <h3 className={styles.heading}>Vehicle filter</h3>
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
      <AuditTrail plan={plan} />
    </div>
  );
}
