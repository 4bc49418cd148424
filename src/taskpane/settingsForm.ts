/**
 * The settings part of the pane: which setting gets which control, what the
 * `Planner Settings` sheet holds, what the pane passes to the engine as
 * overrides and what "Save settings" writes back (SPEC 1.2).
 */
import type { CellBlock, CellValue } from "../core/cells";
import { isExcelError } from "../core/cells";
import { dayTimeToIso } from "../core/dates";
import type { Issue } from "../core/issues";
import { COMPLEXITIES, STAGES } from "../core/model";
import type { PlanSettings, SettingKey } from "../core/model";
import { formatMoney, formatPercentFixed, formatPlain } from "../core/numberText";
import { valueKind, valueText } from "./valueText";
import { SETTING_NAMES } from "../core/publicNames";
import { DEFAULT_SETTINGS, findSettingsHeader, parseSettingValue, settingKeyForName } from "../core/settings";

export type SettingControl =
  { kind: "choice"; options: readonly string[] } | { kind: "whole" } | { kind: "text" };

export interface SettingSpec {
  key: SettingKey;
  control: SettingControl;
  /** The default as the user would type it, shown as the placeholder of an empty control. */
  placeholder: string;
}

const YES_NO = ["Yes", "No"] as const;
const RATE_SETTINGS: ReadonlySet<SettingKey> = new Set(["minimumReach", "minimumImpactShare"]);
const MONEY_SETTINGS: ReadonlySet<SettingKey> = new Set(["hourlyRate"]);
/** Budget and Pipeline goal default to sums over the table, so their placeholder says which. */
const TABLE_DEFAULTS: Partial<Record<SettingKey, string>> = {
  budget: "Sum of Investment",
  pipelineGoal: "Sum of Pipeline",
  asOf: "Latest date in the lead log",
};

function defaultText(key: SettingKey): string {
  const table = TABLE_DEFAULTS[key];
  if (table !== undefined) return table;
  const value = DEFAULT_SETTINGS[key as keyof typeof DEFAULT_SETTINGS];
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return value;
  if (value === null) return "None";
  if (RATE_SETTINGS.has(key)) return formatPercentFixed(value);
  if (MONEY_SETTINGS.has(key)) return formatMoney(value);
  return formatPlain(value);
}

function spec(key: SettingKey, control: SettingControl): SettingSpec {
  return { key, control, placeholder: defaultText(key) };
}

/** Shown in the pane's first group, in the order of SPEC 1.2. */
export const MAIN_SETTINGS: SettingSpec[] = [
  spec("objective", { kind: "choice", options: STAGES }),
  spec("bandwidth", { kind: "whole" }),
  spec("budget", { kind: "text" }),
  spec("pipelineGoal", { kind: "text" }),
  spec("messageComplexity", { kind: "choice", options: COMPLEXITIES }),
  spec("salesReps", { kind: "text" }),
  spec("leadsPerRep", { kind: "text" }),
];

/** The thresholds of the seven questions and the allocation, under "Advanced". */
export const ADVANCED_SETTINGS: SettingSpec[] = [
  spec("minimumReach", { kind: "text" }),
  spec("minimumResonance", { kind: "text" }),
  spec("minimumSkill", { kind: "text" }),
  spec("countSkillTomorrow", { kind: "choice", options: YES_NO }),
  spec("minimumImpactShare", { kind: "text" }),
  spec("minimumRelativeReturn", { kind: "text" }),
  spec("requireTrackRecord", { kind: "choice", options: YES_NO }),
  spec("hourlyRate", { kind: "text" }),
  spec("returnsElasticity", { kind: "text" }),
  spec("floorFactor", { kind: "text" }),
  spec("ceilingFactor", { kind: "text" }),
  spec("leadExpiry", { kind: "text" }),
  spec("asOf", { kind: "text" }),
];

export const ALL_SETTINGS: SettingSpec[] = [...MAIN_SETTINGS, ...ADVANCED_SETTINGS];

/** What the user typed or picked for each setting; '' is "not given" (the default). */
export type SettingTexts = Partial<Record<SettingKey, string>>;

/** A cell's value as the user would type it into the pane. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (isExcelError(value)) return value.error;
  return String(value).trim();
}

/**
 * The `Setting` / `Value` table inside the used range of `Planner Settings`,
 * header row first, as the engine reads it; null when the sheet has no such
 * header row.
 */
export function findSettingsTable(sheet: CellBlock | null): CellBlock | null {
  const header = sheet && findSettingsHeader(sheet);
  if (!sheet || !header) return null;
  const first = Math.min(header.setting, header.value);
  const last = Math.max(header.setting, header.value);
  return {
    sheet: sheet.sheet,
    top: sheet.top + header.row,
    left: sheet.left + first,
    cells: sheet.cells.slice(header.row).map((cells) => cells.slice(first, last + 1)),
  };
}

/** The settings written on the sheet, as texts for the pane's controls. */
export function readSettingTexts(table: CellBlock | null): SettingTexts {
  const texts: SettingTexts = {};
  const header = table && findSettingsHeader(table);
  if (!table || !header) return texts;
  for (const row of table.cells.slice(header.row + 1)) {
    const key = settingKeyForName(cellText(row[header.setting] ?? null));
    if (key && texts[key] === undefined) {
      const value = row[header.value] ?? null;
      texts[key] = typeof value === "number" ? valueText(valueKind(key), value) : cellText(value);
    }
  }
  return texts;
}

/** The problem with what the user typed, if any, as the engine will report it. */
export function settingProblem(key: SettingKey, text: string): Issue | null {
  if (text.trim() === "") return null;
  return parseSettingValue(key, text, null).issue ?? null;
}

/**
 * The pane's values as PlanRequest.overrides: each setting the user changed
 * in the pane and left non-blank; the others come from the sheet.
 */
export function settingOverrides(
  texts: SettingTexts,
  changed: ReadonlySet<SettingKey>,
): Partial<Record<SettingKey, CellValue>> {
  const overrides: Partial<Record<SettingKey, CellValue>> = {};
  for (const key of changed) {
    const text = (texts[key] ?? "").trim();
    if (text !== "") overrides[key] = text;
  }
  return overrides;
}

/**
 * The settings table as the engine should see it for this run: a setting the
 * user cleared in the pane is blank, so it takes its default as a blank Value
 * cell would, while every other cell keeps its place for the messages.
 */
export function settingsForRun(
  table: CellBlock | null,
  texts: SettingTexts,
  changed: ReadonlySet<SettingKey>,
): CellBlock | null {
  const header = table && findSettingsHeader(table);
  if (!table || !header) return table;
  const cleared = new Set([...changed].filter((key) => (texts[key] ?? "").trim() === ""));
  if (cleared.size === 0) return table;
  const cells = table.cells.map((row, index) => {
    const key = index <= header.row ? null : settingKeyForName(cellText(row[header.setting] ?? null));
    if (!key || !cleared.has(key)) return row;
    const width = Math.max(row.length, header.value + 1);
    return Array.from({ length: width }, (_, column) =>
      column === header.value ? null : (row[column] ?? null),
    );
  });
  return { ...table, cells };
}

function settingCell<K extends SettingKey>(key: K, value: PlanSettings[K]): CellValue {
  if (typeof value === "boolean") return value ? "Yes" : "No";
  // ISO text reads the same in a workbook of either date system; a serial would not.
  if (key === "asOf" && typeof value === "number") return dayTimeToIso(value);
  return value;
}

/**
 * The rows "Save settings" upserts into `tblPlannerSettings`: every setting
 * the pane or the sheet gives, parsed (numbers as numbers, Yes/No and names
 * as text); a cleared setting is written blank so the sheet takes the
 * default too. Null when a value does not parse: nothing is written then.
 */
export function settingRows(texts: SettingTexts, onSheet: SettingTexts): CellValue[][] | null {
  const rows: CellValue[][] = [];
  for (const { key } of ALL_SETTINGS) {
    const text = (texts[key] ?? "").trim();
    if (text === "") {
      if ((onSheet[key] ?? "") !== "") rows.push([SETTING_NAMES[key], null]);
      continue;
    }
    const parsed = parseSettingValue(key, text, null);
    if (parsed.value === undefined || parsed.value === null) return null;
    rows.push([SETTING_NAMES[key], settingCell(key, parsed.value as PlanSettings[typeof key])]);
  }
  return rows;
}
