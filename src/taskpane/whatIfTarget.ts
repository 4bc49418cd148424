/**
 * What the what-if panel changes: a plan setting, or a field of one vehicle.
 * A saved change keeps the `Planner Scenarios` form (a vehicle's name, or ''
 * for a setting); the panel works with this union.
 */
import type { FieldKey, Plan, SettingKey } from "../core/model";
import type { PlanInputs } from "../core/plan";
import { changeKey, sameScenarioName } from "./savedScenarios";
import { fieldLabel, settingLabel, WHAT_IF_FIELDS, WHAT_IF_SETTINGS, type WhatIfChange } from "./whatIf";

export type WhatIfTarget =
  { kind: "setting"; key: SettingKey } | { kind: "vehicle"; vehicle: string; field: FieldKey };

/** The Change list's value for a plan setting: the vehicle column of `Planner Scenarios` is blank for one. */
export const SETTING_TARGET = "";

/** The first setting, or the first field of the vehicle. */
export function targetFor(vehicle: string): WhatIfTarget {
  return vehicle === SETTING_TARGET
    ? { kind: "setting", key: WHAT_IF_SETTINGS[0] }
    : { kind: "vehicle", vehicle, field: WHAT_IF_FIELDS[0] };
}

/** The same vehicle (or setting) with another field (or setting). */
export function withKey(target: WhatIfTarget, key: string): WhatIfTarget {
  return target.kind === "setting"
    ? { kind: "setting", key: key as SettingKey }
    : { ...target, field: key as FieldKey };
}

/** The vehicle's name, or '' for a setting, as a change and the Change list hold it. */
export function targetVehicle(target: WhatIfTarget): string {
  return target.kind === "setting" ? SETTING_TARGET : target.vehicle;
}

export function targetKey(target: WhatIfTarget): FieldKey | SettingKey {
  return target.kind === "setting" ? target.key : target.field;
}

export function targetKeys(target: WhatIfTarget): (FieldKey | SettingKey)[] {
  return target.kind === "setting" ? WHAT_IF_SETTINGS : WHAT_IF_FIELDS;
}

export function keyLabel(target: WhatIfTarget, key: string): string {
  return target.kind === "setting" ? settingLabel(key as SettingKey) : fieldLabel(key as FieldKey);
}

/** The target's value in the plan, when it is a number. */
export function currentNumber(inputs: PlanInputs, plan: Plan, target: WhatIfTarget): number | null {
  if (target.kind === "setting") {
    const value = plan.settings[target.key];
    return typeof value === "number" ? value : null;
  }
  const found = inputs.table.vehicles.find((row) => row.name === target.vehicle);
  const value = found?.values[target.field as Exclude<FieldKey, "vehicle" | "channel" | `q${number}`>];
  return typeof value === "number" ? value : null;
}

/** The kept change to the same vehicle (or setting) and field as the target, if any. */
export function keptChange(kept: readonly WhatIfChange[], target: WhatIfTarget): WhatIfChange | undefined {
  const vehicle = targetVehicle(target);
  const key = targetKey(target);
  return kept.find((change) => sameScenarioName(change.vehicle, vehicle) && changeKey(change) === key);
}

/**
 * The target a saved change is shown at: null unless it has a value (a blank
 * one clears a field, which a blank editor would drop) for a setting or field
 * the panel offers, of a vehicle of the table.
 */
export function targetOf(change: WhatIfChange, vehicles: readonly string[]): WhatIfTarget | null {
  const key = changeKey(change);
  if (key === null || change.value === "") return null;
  if (change.vehicle === SETTING_TARGET) {
    return (WHAT_IF_SETTINGS as string[]).includes(key) ? { kind: "setting", key: key as SettingKey } : null;
  }
  const vehicle = vehicles.find((name) => sameScenarioName(name, change.vehicle));
  return vehicle !== undefined && (WHAT_IF_FIELDS as string[]).includes(key)
    ? { kind: "vehicle", vehicle, field: key as FieldKey }
    : null;
}
