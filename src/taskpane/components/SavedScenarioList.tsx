import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { changeText, type SavedScenario } from "../savedScenarios";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    justifyContent: "space-between",
  },
  what: { display: "grid", minWidth: "12em", flex: "1 1 12em" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface SavedScenarioListProps {
  scenarios: readonly SavedScenario[];
  busy: boolean;
  onApply(scenario: SavedScenario): void;
  onDelete(scenario: SavedScenario): void;
}

/** SPEC 8 the scenarios of `Planner Scenarios`, each with its changes, to apply (and so edit) or delete. */
export function SavedScenarioList({ scenarios, busy, onApply, onDelete }: SavedScenarioListProps) {
  const styles = useStyles();
  if (scenarios.length === 0) return <Text>No saved scenarios yet.</Text>;
  return (
    <ul className={styles.list} aria-label="Saved scenarios">
      {scenarios.map((scenario) => (
        <li key={scenario.name.toLowerCase()} className={styles.item}>
          <div className={styles.what}>
            <Text weight="semibold">{scenario.name}</Text>
            <Text size={200}>{scenario.changes.map(changeText).join("; ")}</Text>
          </div>
          <div className={styles.buttons}>
            <Button
              size="small"
              disabled={busy}
              aria-label={`Apply ${scenario.name}`}
              onClick={() => onApply(scenario)}
            >
              Apply
            </Button>
            <Button
              size="small"
              disabled={busy}
              aria-label={`Delete ${scenario.name}`}
              onClick={() => onDelete(scenario)}
            >
              Delete
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}
