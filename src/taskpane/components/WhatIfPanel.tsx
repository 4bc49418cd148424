import {
  Button,
  Dropdown,
  MessageBar,
  MessageBarBody,
  Field,
  Input,
  Option,
  Slider,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { FieldKey, Plan, SettingKey } from "../../core/model";
import type { PlanInputs } from "../../core/plan";
import type { ScenarioComparison } from "../../core/scenarios";
import { money } from "../format";
import { PlanCharts } from "./charts/PlanCharts";
import type { CompareReport, Status } from "../usePlanner";
import { ResultTable, type ResultColumn } from "./ResultTable";
import { sliderRange, tidyText, typedNumber, valueKind, valueText } from "../valueText";
import {
  fieldLabel,
  settingLabel,
  tryChange,
  WHAT_IF_FIELDS,
  WHAT_IF_SETTINGS,
  type ChannelShift,
  type ReturnsCurve,
  type WhatIfChange,
} from "../whatIf";

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
  onSaveScenario(name: string, change: WhatIfChange): Promise<Status>;
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
  onSaveScenario,
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

  const chooseTarget = (next: string) => {
    setVehicle(next);
    const nextKey = (next === SETTING_TARGET ? WHAT_IF_SETTINGS : WHAT_IF_FIELDS)[0];
    setKey(nextKey);
    setValue(shown(nextKey, currentNumber(inputs, plan, next, nextKey)));
  };
  const chooseKey = (next: string) => {
    setKey(next);
    setValue(shown(next, currentNumber(inputs, plan, vehicle, next)));
  };

  const result = useMemo(
    () =>
      value.trim() === ""
        ? null
        : tryChange(inputs, plan, { vehicle, field: changeLabel(vehicle, key), value }),
    [inputs, plan, vehicle, key, value],
  );
  const range = sliderRange(kind, current);
  const numeric = typedNumber(target, key, value);
  const change: WhatIfChange = { vehicle, field: label(key), value, number: numeric };

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
        <Input
          value={value}
          onChange={(_, data) => setValue(data.value)}
          onBlur={() => setValue(tidyText(target, key as FieldKey | SettingKey, value))}
          disabled={busy}
        />
      </Field>
      {current !== null && (
        <Field label={`New value on a scale ${range.words}`}>
          <Slider
            className={styles.slider}
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
          onClick={() => void onSaveScenario(scenarioName.trim(), change).then(setSaved)}
        >
          Save as scenario
        </Button>
      </div>
      <Report status={saved} />
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
  result: Extract<ReturnType<typeof tryChange>, { ok: true }>;
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
