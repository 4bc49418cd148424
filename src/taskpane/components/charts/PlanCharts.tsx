import { makeStyles, tokens } from "@fluentui/react-components";
import type { Plan } from "../../../core/model";
import { BudgetCurveChart } from "./BudgetCurveChart";
import { MixChart } from "./MixChart";

const useStyles = makeStyles({ charts: { display: "grid", gap: tokens.spacingVerticalL } });

interface PlanChartsProps {
  plan: Plan;
}

/**
 * The plan's pictures (SPEC 11): the media mix and, with a curve, expected
 * pipeline by budget. They are drawn by the results and the what-if panel,
 * which come in the "plan" chunk fetched at Plan, so the pane's start does
 * not carry them (not even a chunk of their own in webpack's runtime).
 */
export function PlanCharts({ plan }: PlanChartsProps) {
  const styles = useStyles();
  return (
    <div className={styles.charts}>
      <MixChart mix={plan.mix} />
      {plan.budgetCurve.length > 0 && (
        <BudgetCurveChart
          curve={plan.budgetCurve}
          budget={plan.allocation.budget}
          pipelineGoal={plan.allocation.pipelineGoal}
        />
      )}
    </div>
  );
}
