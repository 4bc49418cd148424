import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Slider,
  sliderCSSVars,
  Subtitle2,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState, type CSSProperties } from "react";
import type { FieldKey, Plan, SettingKey } from "../../core/model";
import type { PlanInputs } from "../../core/plan";
import type { CompareReport, Status } from "../usePlanner";
import { ResultTable } from "./ResultTable";
import { sliderRange, typedNumber, valueKind, valueText } from "../valueText";
import { SCENARIO_SHEET } from "../../core/publicNames";
import { changeText, sameScenarioName, type SavedScenario } from "../savedScenarios";
import { NumberInput } from "./NumberInput";
import { ConfirmDialog, type ConfirmRequest } from "./ConfirmDialog";
import { SavedScenarioList } from "./SavedScenarioList";
import { tryChanges, type WhatIfChange } from "../whatIf";
import {
  currentNumber,
  keptChange,
  keyLabel,
  SETTING_TARGET,
  targetFor,
  targetKey,
  targetKeys,
  targetOf,
  targetVehicle,
  withKey,
  type WhatIfTarget,
} from "../whatIfTarget";
import { Report, SCENARIO_COLUMNS, WhatIfOutcome } from "./WhatIfOutcome";

/**
 * Fluent draws a mark on the rail at every step; with a few hundred steps
 * (money in 1/300ths, rates in tenths of a percent) the marks paint the whole
 * track over in the background colour and the track vanishes. One step-mark
 * width of the whole rail leaves the track drawn.
 */
const NO_STEP_MARKS = { [sliderCSSVars.sliderStepsPercentVar]: "100%" } as CSSProperties;

const useStyles = makeStyles({
  panel: { display: "grid", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  slider: { width: "100%", boxSizing: "border-box" },
});

export interface WhatIfPanelProps {
  inputs: PlanInputs;
  plan: Plan;
  busy: boolean;
  /** SPEC 8 the scenarios saved in the workbook. */
  scenarios: readonly SavedScenario[];
  onSaveScenario(name: string, changes: WhatIfChange[]): Promise<Status>;
  onDeleteScenario(name: string): Promise<Status>;
  onCompare(): Promise<CompareReport>;
  /** Excel only: replan when the source table is edited. */
  replanOnChange?: { on: boolean; onToggle(on: boolean): void };
}

/** Change one value and see at once what the plan would do; keep the change as a scenario. */
export function WhatIfPanel({
  inputs,
  plan,
  busy,
  scenarios,
  onSaveScenario,
  onDeleteScenario,
  onCompare,
  replanOnChange,
}: WhatIfPanelProps) {
  const styles = useStyles();
  const vehicles = useMemo(
    () => inputs.table.vehicles.map((row) => row.name).filter((name) => name !== ""),
    [inputs],
  );
  const [target, setTarget] = useState<WhatIfTarget>(() => targetFor(vehicles[0] ?? SETTING_TARGET));
  const vehicle = targetVehicle(target);
  const key = targetKey(target);
  const keys = targetKeys(target);
  const label = (k: string) => keyLabel(target, k);
  const kind = valueKind(key);
  const current = currentNumber(inputs, plan, target);
  const shown = (k: FieldKey | SettingKey, number: number | null) =>
    number === null ? "" : valueText(valueKind(k), number);
  const [value, setValue] = useState(shown(key, current));
  const [scenarioName, setScenarioName] = useState("");
  const [saved, setSaved] = useState<Status | null>(null);
  const [compared, setCompared] = useState<CompareReport | null>(null);
  /** The changes of an applied scenario besides the one in the editor, kept in its row order. */
  const [kept, setKept] = useState<WhatIfChange[]>([]);
  /** Where among the kept changes the editor's change goes, so a saved scenario keeps its row order. */
  const [slot, setSlot] = useState<number | null>(null);
  const [applied, setApplied] = useState<Status | null>(null);
  const [confirming, setConfirming] = useState<ConfirmRequest | null>(null);

  const valueFor = (next: WhatIfTarget) =>
    keptChange(kept, next)?.value ?? shown(targetKey(next), currentNumber(inputs, plan, next));
  const choose = (next: WhatIfTarget) => {
    setTarget(next);
    setValue(valueFor(next));
  };

  const numeric = typedNumber(target.kind, key, value);
  // The editor's change takes the place of a kept change to the same target; a blank editor drops it.
  const changes = useMemo(() => {
    const typed: WhatIfChange[] =
      value.trim() === ""
        ? []
        : [
            {
              vehicle: targetVehicle(target),
              field: keyLabel(target, targetKey(target)),
              value,
              number: typedNumber(target.kind, targetKey(target), value),
            },
          ];
    const editing = keptChange(kept, target);
    if (!editing) {
      const at = Math.min(slot ?? kept.length, kept.length);
      return [...kept.slice(0, at), ...typed, ...kept.slice(at)];
    }
    return kept.flatMap((other) => (other === editing ? typed : [other]));
  }, [kept, slot, target, value]);
  const result = useMemo(
    () => (changes.length === 0 ? null : tryChanges(inputs, plan, changes)),
    [inputs, plan, changes],
  );
  const range = sliderRange(kind, current);

  const apply = (scenario: SavedScenario) => {
    const first = scenario.changes.findIndex((saved) => targetOf(saved, vehicles) !== null);
    setScenarioName(scenario.name);
    setSaved(null);
    setSlot(first < 0 ? null : first);
    if (first < 0) {
      setKept(scenario.changes);
      setValue("");
    } else {
      const shownChange = scenario.changes[first];
      setTarget(targetOf(shownChange, vehicles) ?? target);
      setValue(shownChange.value);
      setKept(scenario.changes.filter((_, i) => i !== first));
    }
    setApplied({
      intent: "info",
      text: `Applied "${scenario.name}". Change a value and save under the same name to edit it.`,
    });
  };
  const clearApplied = () => {
    setKept([]);
    setSlot(null);
    setApplied(null);
    setValue(shown(key, current));
  };

  const save = (name: string) => void onSaveScenario(name, changes).then(setSaved);
  const askToSave = () => {
    const name = scenarioName.trim();
    const existing = scenarios.find((scenario) => sameScenarioName(scenario.name, name));
    if (!existing) {
      save(name);
      return;
    }
    setConfirming({
      title: `Replace scenario "${existing.name}"?`,
      text:
        `${SCENARIO_SHEET} already has a scenario "${existing.name}" (${existing.changes.map(changeText).join("; ")}). ` +
        `Replace it with this what-if (${changes.map(changeText).join("; ")})?`,
      confirm: "Replace",
      onConfirm: () => {
        setConfirming(null);
        save(existing.name);
      },
      onCancel: () => {
        setConfirming(null);
        setSaved({
          intent: "info",
          text: `Kept the saved scenario "${existing.name}" as it was; nothing was saved.`,
        });
      },
    });
  };
  const askToDelete = (scenario: SavedScenario) =>
    setConfirming({
      title: `Delete scenario "${scenario.name}"?`,
      text: `Its ${scenario.changes.length === 1 ? "row goes" : `${scenario.changes.length} rows go`} from ${SCENARIO_SHEET}; the other scenarios stay.`,
      confirm: "Delete",
      onConfirm: () => {
        setConfirming(null);
        void onDeleteScenario(scenario.name).then(setSaved);
      },
      onCancel: () => {
        setConfirming(null);
        setSaved({ intent: "info", text: `Kept scenario "${scenario.name}".` });
      },
    });

  return (
    <div className={styles.panel}>
      <div className={styles.row}>
        <Field label="Change">
          <Dropdown
            aria-label="Change"
            value={vehicle === SETTING_TARGET ? "A plan setting" : vehicle}
            selectedOptions={[vehicle]}
            onOptionSelect={(_, data) => choose(targetFor(data.optionValue ?? SETTING_TARGET))}
            disabled={busy}
          >
            <Option value={SETTING_TARGET}>A plan setting</Option>
            {vehicles.map((name) => (
              <Option key={name} value={name}>
                {name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Field">
          <Dropdown
            aria-label="Field"
            value={label(key)}
            selectedOptions={[key]}
            onOptionSelect={(_, data) => data.optionValue && choose(withKey(target, data.optionValue))}
            disabled={busy}
          >
            {keys.map((k) => (
              <Option key={k} value={k}>
                {label(k)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Field label="New value" hint={current === null ? undefined : `Now ${valueText(kind, current)}`}>
        <NumberInput target={target.kind} valueKey={key} value={value} onChange={setValue} disabled={busy} />
      </Field>
      {current !== null && (
        <Field label={`New value on a scale ${range.words}`}>
          <Slider
            className={styles.slider}
            style={NO_STEP_MARKS}
            min={0}
            max={range.max}
            step={range.step}
            value={numeric === null ? 0 : Math.min(Math.max(numeric, 0), range.max)}
            onChange={(_, data) =>
              setValue(valueText(kind, kind === "money" ? Math.round(data.value) : data.value))
            }
            disabled={busy}
          />
        </Field>
      )}
      {kept.length > 0 && (
        <div className={styles.panel}>
          <Text>Also in this what-if:</Text>
          <ul aria-label="Also in this what-if">
            {kept.map((other, i) => (
              <li key={`${i}-${other.vehicle}-${other.field}`}>
                {changeText(other)}{" "}
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={`Remove ${changeText(other)}`}
                  onClick={() => {
                    setKept(kept.filter((candidate) => candidate !== other));
                    if (slot !== null && i < slot) setSlot(slot - 1);
                  }}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
          <div className={styles.row}>
            <Button onClick={clearApplied}>Clear the applied scenario</Button>
          </div>
        </div>
      )}
      <div aria-live="polite">
        {result === null ? (
          <Text>Type a value to see what the plan would do.</Text>
        ) : !result.ok ? (
          <Text>{result.message}</Text>
        ) : (
          <WhatIfOutcome result={result} plan={plan} />
        )}
      </div>
      <div className={styles.row}>
        <Field label="Scenario name">
          <Input value={scenarioName} onChange={(_, data) => setScenarioName(data.value)} disabled={busy} />
        </Field>
        <Button
          disabled={busy || scenarioName.trim() === "" || result === null || !result.ok}
          onClick={askToSave}
        >
          Save as scenario
        </Button>
      </div>
      <Report status={saved} />
      <Subtitle2 as="h3">Saved scenarios</Subtitle2>
      <SavedScenarioList scenarios={scenarios} busy={busy} onApply={apply} onDelete={askToDelete} />
      <Report status={applied} />
      {confirming && <ConfirmDialog request={confirming} />}
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => void onCompare().then(setCompared)}>
          Compare scenarios
        </Button>
      </div>
      <Report status={compared?.status ?? null} />
      {compared && compared.comparisons.length > 0 && (
        <ResultTable
          label="Scenarios"
          columns={SCENARIO_COLUMNS}
          rows={compared.comparisons}
          rowKey={(row, index) => `${index}-${row.scenario}`}
        />
      )}
      {replanOnChange && (
        <Switch
          label="Replan when the sheet changes"
          checked={replanOnChange.on}
          onChange={(_, data) => replanOnChange.onToggle(data.checked)}
        />
      )}
    </div>
  );
}
