import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Progress } from "../usePlanner";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  progress: { flexGrow: 1 },
});

interface PlanControlsProps {
  canPlan: boolean;
  progress: Progress | null;
  onPlan(): void;
  onCancel(): void;
}

/** `Plan`, and while a run goes on its progress with `Cancel`. */
export function PlanControls({ canPlan, progress, onPlan, onCancel }: PlanControlsProps) {
  const styles = useStyles();
  const cancellable = progress !== null && progress.step !== "Opening the workbook";
  return (
    <div className={styles.row}>
      <Button
        appearance="primary"
        disabled={!canPlan}
        disabledFocusable={canPlan && progress !== null}
        onClick={onPlan}
      >
        Plan
      </Button>
      {progress && (
        <Field
          className={styles.progress}
          label={progress.cancelling ? "Cancelling…" : `${progress.step}…`}
          validationState="none"
        >
          <ProgressBar value={progress.fraction} max={1} />
        </Field>
      )}
      {cancellable && (
        <Button disabledFocusable={progress.cancelling} onClick={onCancel}>
          Cancel
        </Button>
      )}
    </div>
  );
}
