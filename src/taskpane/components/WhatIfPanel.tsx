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
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { FieldKey, Plan, SettingKey } from "../../core/model";
import type { PlanInputs } from "../../core/plan";
import type { ScenarioComparison } from "../../core/scenarios";
import { money } from "../format";
import type { CompareReport, Status } from "../usePlanner";
import { ResultTable, type ResultColumn } from "./ResultTable";
import {
  fieldLabel,
  settingLabel,
  tryChange,
  WHAT_IF_FIELDS,
  WHAT_IF_SETTINGS,
  type WhatIfChange,
} from "../whatIf";

const useStyles = makeStyles({
  panel: { display: "grid", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  number: { textAlign: "end" },
});

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
  const current = currentNumber(inputs, plan, vehicle, key);
  const [value, setValue] = useState(current === null ? "" : String(current));
  const [scenarioName, setScenarioName] = useState("");
  const [saved, setSaved] = useState<Status | null>(null);
  const [compared, setCompared] = useState<CompareReport | null>(null);

  const chooseTarget = (next: string) => {
    setVehicle(next);
    const nextKey = (next === SETTING_TARGET ? WHAT_IF_SETTINGS : WHAT_IF_FIELDS)[0];
    setKey(nextKey);
    const number = currentNumber(inputs, plan, next, nextKey);
    setValue(number === null ? "" : String(number));
  };
  const chooseKey = (next: string) => {
    setKey(next);
    const number = currentNumber(inputs, plan, vehicle, next);
    setValue(number === null ? "" : String(number));
  };

  const change: WhatIfChange = { vehicle, field: label(key), value };
  const result = useMemo(
    () =>
      value.trim() === ""
        ? null
        : tryChange(inputs, plan, { vehicle, field: changeLabel(vehicle, key), value }),
    [inputs, plan, vehicle, key, value],
  );
  const sliderMax = Math.max(1, (current ?? 1) * 3);
  const numeric = Number(value);

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
      <Field label="New value" hint={current === null ? undefined : `Now ${String(current)}`}>
        <Input value={value} onChange={(_, data) => setValue(data.value)} disabled={busy} />
      </Field>
      {current !== null && (
        <Slider
          aria-label="New value, on a scale from 0 to three times the current value"
          min={0}
          max={sliderMax}
          step={sliderMax / 300}
          value={Number.isFinite(numeric) ? Math.min(Math.max(numeric, 0), sliderMax) : 0}
          onChange={(_, data) => setValue(String(Math.round(data.value * 1000) / 1000))}
          disabled={busy}
        />
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
        <Table aria-label="Channel mix change" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Channel</TableHeaderCell>
              <TableHeaderCell>Recommended now</TableHeaderCell>
              <TableHeaderCell>With the change</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {channels.map((row) => (
              <TableRow key={row.channel}>
                <TableCell>{row.channel}</TableCell>
                <TableCell className={styles.number}>{money(row.base)}</TableCell>
                <TableCell className={styles.number}>{money(row.changed)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
