import {
  Button,
  Dropdown,
  MessageBar,
  MessageBarBody,
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
import type { ScenarioComparison } from "../../core/scenarios";
import { money } from "../format";
import { PlanCharts } from "./charts/PlanCharts";
import type { CompareReport, Status } from "../usePlanner";
import { ResultTable, type ResultColumn } from "./ResultTable";
import { sliderRange, typedNumber, valueKind, valueText } from "../valueText";
import {
  changeKey,
  changeText,
  sameScenarioName,
  SCENARIO_SHEET,
  type SavedScenario,
} from "../savedScenarios";
import { NumberInput } from "./NumberInput";
import { ConfirmDialog, type ConfirmRequest } from "./ConfirmDialog";
import { SavedScenarioList } from "./SavedScenarioList";
import {
  fieldLabel,
  settingLabel,
  tryChanges,
  WHAT_IF_FIELDS,
  WHAT_IF_SETTINGS,
  type ChannelShift,
  type ReturnsCurve,
  type WhatIfChange,
} from "../whatIf";

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

/** The target of a change: a plan setting, or a vehicle of the table. */
const SETTING_TARGET = "";

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

const SCENARIO_COLUMNS: ResultColumn<ScenarioComparison>[] = [
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
function Report({ status }: { status: Status | null }) {
  return status ? (
    <MessageBar intent={status.intent} layout="multiline">
      <MessageBarBody>{status.text}</MessageBarBody>
    </MessageBar>
  ) : null;
}

/** The kept change to the same vehicle (or setting) and field as the editor's target, if any. */
function keptChange(kept: readonly WhatIfChange[], target: string, key: string): WhatIfChange | undefined {
  return kept.find((change) => sameScenarioName(change.vehicle, target) && changeKey(change) === key);
}

/**
 * Whether the editor can show a saved change: a value (a blank one clears a
 * field, which a blank editor would drop) for a setting or field it offers,
 * of a vehicle of the table.
 */
function editable(change: WhatIfChange, vehicles: readonly string[]): boolean {
  const key = changeKey(change);
  if (key === null || change.value === "") return false;
  if (change.vehicle === SETTING_TARGET) return (WHAT_IF_SETTINGS as string[]).includes(key);
  return (
    (WHAT_IF_FIELDS as string[]).includes(key) &&
    vehicles.some((name) => sameScenarioName(name, change.vehicle))
  );
}

function changeLabel(vehicle: string, key: string): string {
  return vehicle === SETTING_TARGET ? settingLabel(key as SettingKey) : fieldLabel(key as FieldKey);
}

function currentNumber(inputs: PlanInputs, plan: Plan, vehicle: string, key: string): number | null {
  if (vehicle === SETTING_TARGET) {
    const value = plan.settings[key as SettingKey];
    return typeof value === "number" ? value : null;
  }
  const found = inputs.table.vehicles.find((row) => row.name === vehicle);
  const value = found?.values[key as Exclude<FieldKey, "vehicle" | "channel" | `q${number}`>];
  return typeof value === "number" ? value : null;
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
  const [vehicle, setVehicle] = useState(vehicles[0] ?? SETTING_TARGET);
  const keys: string[] = vehicle === SETTING_TARGET ? WHAT_IF_SETTINGS : WHAT_IF_FIELDS;
  const [key, setKey] = useState<string>(keys[0]);
  const label = (k: string) => changeLabel(vehicle, k);
  const target = vehicle === SETTING_TARGET ? "setting" : "vehicle";
  const kind = valueKind(key as FieldKey | SettingKey);
  const current = currentNumber(inputs, plan, vehicle, key);
  const shown = (k: string, number: number | null) =>
    number === null ? "" : valueText(valueKind(k as FieldKey | SettingKey), number);
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

  const valueFor = (target: string, k: string) =>
    keptChange(kept, target, k)?.value ?? shown(k, currentNumber(inputs, plan, target, k));
  const chooseTarget = (next: string) => {
    setVehicle(next);
    const nextKey = (next === SETTING_TARGET ? WHAT_IF_SETTINGS : WHAT_IF_FIELDS)[0];
    setKey(nextKey);
    setValue(valueFor(next, nextKey));
  };
  const chooseKey = (next: string) => {
    setKey(next);
    setValue(valueFor(vehicle, next));
  };

  const numeric = typedNumber(target, key, value);
  // The editor's change takes the place of a kept change to the same target; a blank editor drops it.
  const changes = useMemo(() => {
    const typed: WhatIfChange[] =
      value.trim() === ""
        ? []
        : [
            {
              vehicle,
              field: changeLabel(vehicle, key),
              value,
              number: typedNumber(vehicle === SETTING_TARGET ? "setting" : "vehicle", key, value),
            },
          ];
    const editing = keptChange(kept, vehicle, key);
    if (!editing) {
      const at = Math.min(slot ?? kept.length, kept.length);
      return [...kept.slice(0, at), ...typed, ...kept.slice(at)];
    }
    return kept.flatMap((other) => (other === editing ? typed : [other]));
  }, [kept, slot, vehicle, key, value]);
  const result = useMemo(
    () => (changes.length === 0 ? null : tryChanges(inputs, plan, changes)),
    [inputs, plan, changes],
  );
  const range = sliderRange(kind, current);

  const apply = (scenario: SavedScenario) => {
    const first = scenario.changes.findIndex((saved) => editable(saved, vehicles));
    setScenarioName(scenario.name);
    setSaved(null);
    setSlot(first < 0 ? null : first);
    if (first < 0) {
      setKept(scenario.changes);
      setValue("");
    } else {
      const shownChange = scenario.changes[first];
      const target =
        shownChange.vehicle === SETTING_TARGET
          ? SETTING_TARGET
          : (vehicles.find((name) => sameScenarioName(name, shownChange.vehicle)) ?? SETTING_TARGET);
      setVehicle(target);
      setKey(changeKey(shownChange) ?? key);
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
            onOptionSelect={(_, data) => chooseTarget(data.optionValue ?? SETTING_TARGET)}
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
            onOptionSelect={(_, data) => data.optionValue && chooseKey(data.optionValue)}
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
        <NumberInput
          target={target}
          valueKey={key as FieldKey | SettingKey}
          value={value}
          onChange={setValue}
          disabled={busy}
        />
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

function WhatIfOutcome({
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
