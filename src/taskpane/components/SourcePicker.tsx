import { Button, Dropdown, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import type { SourceCandidate, SourceRef } from "../../workbook/plannerWorkbook";
import { sameSource, sourceKey } from "../usePlanner";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "12rem" },
});

interface SourcePickerProps {
  label: string;
  sources: SourceCandidate[];
  selected: SourceRef | null;
  /** Text of the empty choice (the attention table may be left out); absent when a choice is needed. */
  noneLabel?: string;
  placeholder: string;
  disabled?: boolean;
  onChoose(source: SourceRef | null): void;
  /** Offered in Excel only: read the cells the user has selected. */
  onUseSelection?: () => void;
}

const NONE = "none";

/** A dropdown of the workbook's tables, named ranges and sheets. */
export function SourcePicker(props: SourcePickerProps) {
  const { label, sources, selected, noneLabel, placeholder, disabled, onChoose, onUseSelection } = props;
  const styles = useStyles();
  const current = sources.find((candidate) => sameSource(candidate, selected));
  const value = current?.label ?? (selected ? "" : (noneLabel ?? ""));
  return (
    <div className={styles.row}>
      <Field label={label} className={styles.grow}>
        <Dropdown
          placeholder={placeholder}
          value={value}
          selectedOptions={[selected ? sourceKey(selected) : NONE]}
          disabled={disabled}
          onOptionSelect={(_event, data) => {
            const chosen = sources.find((candidate) => sourceKey(candidate) === data.optionValue);
            onChoose(chosen ? { kind: chosen.kind, name: chosen.name } : null);
          }}
        >
          {noneLabel !== undefined && <Option value={NONE}>{noneLabel}</Option>}
          {sources.map((candidate) => (
            <Option key={sourceKey(candidate)} value={sourceKey(candidate)} text={candidate.label}>
              {candidate.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {onUseSelection && (
        <Button disabled={disabled} onClick={onUseSelection}>
          Use selection
        </Button>
      )}
    </div>
  );
}
