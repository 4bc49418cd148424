import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Issue } from "../../core/issues";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalXS },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  info: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  button: { justifyContent: "flex-start", textAlign: "start", fontWeight: tokens.fontWeightRegular },
});

interface ProblemListProps {
  problems: Issue[];
  /** Excel: select the problem's cell. Absent in the browser, where the cell is only shown. */
  onSelectCell?: (reference: string) => void;
}

const SEVERITY_WORDS: Record<Issue["severity"], string> = {
  error: "Error",
  warning: "Warning",
  info: "Note",
};

function problemText(problem: Issue): string {
  const where = problem.cell ? `${problem.cell} ` : "";
  return `${where}${problem.field}: ${problem.message}`;
}

/** Problems in the input, each with its cell. */
export function ProblemList({ problems, onSelectCell }: ProblemListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Problems">
      {problems.map((problem, index) => {
        const severity = SEVERITY_WORDS[problem.severity];
        const cell = problem.cell;
        return (
          <li key={index} className={styles.item}>
            <Text className={mergeClasses(styles[problem.severity])}>{severity}</Text>
            {cell && onSelectCell ? (
              <Button
                appearance="transparent"
                size="small"
                className={styles.button}
                onClick={() => onSelectCell(cell)}
              >
                {problemText(problem)}
              </Button>
            ) : (
              <span>{problemText(problem)}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
