/** What a what-if would do to the plan, and what the panel's buttons did, as the panel shows them. */
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Plan } from "../../core/model";
import type { ScenarioComparison } from "../../core/scenarios";
import { money } from "../format";
import type { Status } from "../plannerReducer";
import type { ChannelShift, ReturnsCurve, tryChanges } from "../whatIf";
import { PlanCharts } from "./charts/PlanCharts";
import { ResultTable, type ResultColumn } from "./ResultTable";

const useStyles = makeStyles({
  panel: { display: "grid", gap: tokens.spacingVerticalM },
});

const CHANNEL_COLUMNS: ResultColumn<ChannelShift>[] = [
  { header: "Channel", cell: (row) => row.channel },
  { header: "Recommended now", numeric: true, cell: (row) => money(row.base) },
  { header: "With the change", numeric: true, cell: (row) => money(row.changed) },
];

function curveSource(curve: ReturnsCurve): string {
  const { fit } = curve;
  if (fit.source === "default") return "default (the Returns elasticity setting)";
  return fit.clipped ? `prior period, clipped to ${fit.elasticity.toFixed(2)}` : "prior period";
}

const CURVE_COLUMNS: ResultColumn<ReturnsCurve>[] = [
  { header: "Vehicle", cell: (row) => row.vehicle },
  { header: "Recommended investment", numeric: true, cell: (row) => money(row.recommendedInvestment) },
  { header: "Returns elasticity", numeric: true, cell: (row) => row.fit.elasticity.toFixed(2) },
  { header: "From", cell: curveSource },
];

export const SCENARIO_COLUMNS: ResultColumn<ScenarioComparison>[] = [
  { header: "Scenario", cell: (row) => row.scenario },
  { header: "Shortlist", cell: (row) => row.shortlist.join(", ") || "—" },
  { header: "Budget", numeric: true, cell: (row) => money(row.budget) },
  { header: "Expected pipeline", numeric: true, cell: (row) => money(row.expectedPipeline) },
  {
    header: "Change in expected pipeline",
    numeric: true,
    cell: (row) => money(row.changeInExpectedPipeline),
  },
  { header: "Entered", cell: (row) => row.entered.join(", ") || "—" },
  { header: "Left", cell: (row) => row.left.join(", ") || "—" },
];

/** What a button did, shown beside it. */
export function Report({ status }: { status: Status | null }) {
  return status ? (
    <MessageBar intent={status.intent} layout="multiline">
      <MessageBarBody>{status.text}</MessageBarBody>
    </MessageBar>
  ) : null;
}

export function WhatIfOutcome({
  result,
  plan,
}: {
  result: Extract<ReturnType<typeof tryChanges>, { ok: true }>;
  plan: Plan;
}) {
  const styles = useStyles();
  const { comparison, channels } = result;
  const entered = comparison.entered.length ? comparison.entered.join(", ") : "none";
  const left = comparison.left.length ? comparison.left.join(", ") : "none";
  return (
    <div className={styles.panel}>
      <Text>
        Expected pipeline {money(comparison.expectedPipeline)} (now {money(plan.allocation.expectedPipeline)},
        change {money(comparison.changeInExpectedPipeline)}). Enter the shortlist: {entered}. Leave it: {left}
        .
      </Text>
      {channels.length > 0 && (
        <ResultTable
          label="Channel mix change"
          columns={CHANNEL_COLUMNS}
          rows={channels}
          rowKey={(row) => row.channel}
        />
      )}
      <PlanCharts plan={comparison.plan} />
      <Text>
        Each vehicle&apos;s pipeline grows with its investment raised to its returns elasticity: near 1 every
        dollar keeps its yield, near 0 extra money buys little, so the plan moves money to the steeper curves.
      </Text>
      <ResultTable
        label="Returns curves"
        columns={CURVE_COLUMNS}
        rows={result.curves}
        rowKey={(row, index) => `${index}-${row.vehicle}`}
      />
    </div>
  );
}
