/**
 * SPEC 8 the scenarios saved in `Planner Scenarios`, as the pane lists,
 * applies, edits and deletes them. Read without the engine, so the pane can
 * list them when it loads without fetching the planning code.
 */
import type { CellBlock, CellValue } from "../core/cells";
import { fieldForName, headerText, normaliseHeader } from "../core/headers";
import type { FieldKey, SettingKey } from "../core/model";
import { SCENARIO_HEADERS } from "../core/publicNames";
import { settingKeyForName } from "../core/settings";
import { valueKind, valueText } from "./valueText";
import type { WhatIfChange } from "./whatIf";

export interface SavedScenario {
  /** As first written, trimmed. */
  name: string;
  /** In row order. */
  changes: WhatIfChange[];
}

/** Scenario names match trimmed and case-insensitive (SPEC 8). */
export function sameScenarioName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The field or setting a change targets: a setting when it names no vehicle. */
export function changeKey(change: Pick<WhatIfChange, "vehicle" | "field">): FieldKey | SettingKey | null {
  return change.vehicle === "" ? settingKeyForName(change.field) : fieldForName(change.field);
}

/** A saved value as the what-if shows it: money with separators, rates as percentages. */
function savedChange(vehicle: string, field: string, value: CellValue): WhatIfChange {
  if (typeof value === "number") {
    const key = changeKey({ vehicle, field });
    return {
      vehicle,
      field,
      value: key === null ? String(value) : valueText(valueKind(key), value),
      number: value,
    };
  }
  return { vehicle, field, value: headerText(value), number: null };
}

/** The scenarios of the `Planner Scenarios` sheet (header row first), grouped by name in order of first appearance. */
export function readSavedScenarios(block: CellBlock | null): SavedScenario[] {
  const [head, ...rows] = block?.cells ?? [];
  if (!head) return [];
  const columns = SCENARIO_HEADERS.map((header) =>
    head.findIndex((cell) => normaliseHeader(headerText(cell)) === normaliseHeader(header)),
  );
  if (columns.some((column) => column < 0)) return [];
  const [scenario, vehicle, field, value] = columns;
  const byName = new Map<string, SavedScenario>();
  for (const row of rows) {
    const name = headerText(row[scenario] ?? null);
    if (name === "") continue;
    const key = name.toLowerCase();
    const saved = byName.get(key) ?? { name, changes: [] };
    saved.changes.push(
      savedChange(headerText(row[vehicle] ?? null), headerText(row[field] ?? null), row[value] ?? null),
    );
    byName.set(key, saved);
  }
  return [...byName.values()];
}

/** A change as the list shows it: "Bandwidth 6", "Webinar · Investment $20,000". */
export function changeText(change: WhatIfChange): string {
  const value = change.value === "" ? "cleared" : change.value;
  return change.vehicle === "" ? `${change.field} ${value}` : `${change.vehicle} · ${change.field} ${value}`;
}
