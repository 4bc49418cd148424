/**
 * SPEC 1.2 plan settings: their defaults and how each value is read (their
 * names are in `publicNames.ts`), from the `Planner Settings` table, a
 * scenario or a CLI flag.
 */
import { isExcelError, type CellBlock, type CellValue } from "./cells";
import { cellReference } from "./cellReference";
import { dayTimeToIso, parseDateTime, parseLeadExpiry } from "./dates";
import { headerText, normaliseHeader } from "./headers";
import type { Issue } from "./issues";
import type { PlanSettings, SettingKey, SettingValues } from "./model";
import { failure, success, type Outcome } from "./outcome";
import { SETTING_NAMES, SETTINGS_HEADERS } from "./publicNames";
import {
  describeCellValue,
  parseComplexity,
  parseNumber,
  parseRate,
  parseScore,
  parseStage,
  parseYesNo,
  type Parsed,
} from "./values";

const SETTING_KEYS = Object.keys(SETTING_NAMES) as SettingKey[];

/** The defaults of SPEC 1.2 that do not depend on the table (Budget and Pipeline goal do). */
export const DEFAULT_SETTINGS: Omit<PlanSettings, "budget" | "pipelineGoal"> = {
  objective: "Conversion",
  bandwidth: 5,
  messageComplexity: "Moderate",
  minimumReach: 0.2,
  minimumResonance: 3,
  minimumSkill: 3,
  countSkillTomorrow: true,
  minimumImpactShare: 0.5,
  minimumRelativeReturn: 0.5,
  requireTrackRecord: false,
  hourlyRate: 100,
  returnsElasticity: 0.7,
  floorFactor: 0.5,
  ceilingFactor: 2,
  salesReps: null,
  leadsPerRep: null,
  leadExpiry: 24,
  asOf: null,
};

const KEY_BY_NAME: ReadonlyMap<string, SettingKey> = new Map(
  SETTING_KEYS.flatMap((key) => [
    [normaliseHeader(SETTING_NAMES[key]), key] as const,
    [key.toLowerCase(), key] as const,
  ]),
);

/** A setting's name (matched like a header) → its key. */
export function settingKeyForName(name: string): SettingKey | null {
  return KEY_BY_NAME.get(normaliseHeader(name)) ?? null;
}

/**
 * A number of at least (or above) `min`, read as money is (`250k`, `$1,200`);
 * `rule` says what to type, so every error names the fix.
 */
function numberAtLeast(min: number, inclusive: boolean, rule: string) {
  return (value: CellValue): Parsed<number> => {
    const parsed = parseNumber(value);
    if (parsed.kind === "blank") return parsed;
    if (parsed.kind === "error") {
      if (isExcelError(value)) return parsed;
      return { kind: "error", message: `${describeCellValue(value)} is not a number: ${rule}` };
    }
    const fits = inclusive ? parsed.value >= min : parsed.value > min;
    return fits ? parsed : { kind: "error", message: `${parsed.value} is out of range: ${rule}` };
  };
}

function wholeNumber(value: CellValue): Parsed<number> {
  const parsed = parseNumber(value);
  if (parsed.kind === "blank") return parsed;
  if (parsed.kind === "error" && isExcelError(value)) return parsed;
  if (parsed.kind === "error" || !Number.isInteger(parsed.value) || parsed.value < 1) {
    return {
      kind: "error",
      message: `${describeCellValue(value)} is not a whole number of vehicles: type a whole number of 1 or more, such as 5`,
    };
  }
  return parsed;
}

const ELASTICITY_RULE = "type a number between 0 and 1 (not 0 or 1), such as 0.7";

function elasticity(value: CellValue): Parsed<number> {
  const parsed = numberAtLeast(0, false, ELASTICITY_RULE)(value);
  if (parsed.kind === "ok" && parsed.value >= 1) {
    return { kind: "error", message: `${parsed.value} is out of range: ${ELASTICITY_RULE}` };
  }
  return parsed;
}

/** `date1904`: the workbook's date system, which an `As of` typed as an Excel date is read in. */
type SettingParser = (value: CellValue, date1904: boolean) => Parsed<PlanSettings[SettingKey]>;

const PARSERS: Record<SettingKey, SettingParser> = {
  objective: parseStage,
  bandwidth: wholeNumber,
  budget: numberAtLeast(0, true, "type a Budget of 0 or more, such as 250000 or 250k"),
  pipelineGoal: numberAtLeast(0, true, "type a Pipeline goal of 0 or more, such as 1000000 or 1M"),
  messageComplexity: parseComplexity,
  minimumReach: parseRate,
  minimumResonance: parseScore,
  minimumSkill: parseScore,
  countSkillTomorrow: parseYesNo,
  minimumImpactShare: parseRate,
  minimumRelativeReturn: numberAtLeast(0, true, "type a multiple of 0 or more, such as 0.5"),
  requireTrackRecord: parseYesNo,
  hourlyRate: numberAtLeast(0, true, "type an hourly rate of 0 or more, such as 100"),
  returnsElasticity: elasticity,
  floorFactor: numberAtLeast(0, true, "type a factor of 0 or more, such as 0.5"),
  ceilingFactor: numberAtLeast(0, false, "type a factor above 0, such as 2"),
  salesReps: numberAtLeast(0, false, "type a number of reps above 0, such as 4 or 2.5"),
  leadsPerRep: numberAtLeast(0, false, "type a number of leads above 0, such as 300"),
  leadExpiry: parseLeadExpiry,
  asOf: parseDateTime,
};

/**
 * One setting's value as SPEC 1.2 reads it. Blank gives neither value nor
 * issue (the default applies). `cell` is the Value cell, or null for a flag.
 */
export function parseSettingValue<K extends SettingKey>(
  key: K,
  value: CellValue,
  cell: string | null,
  date1904 = false,
): { value?: PlanSettings[K]; issue?: Issue } {
  const parsed = PARSERS[key](value, date1904);
  const field = SETTING_NAMES[key];
  if (parsed.kind === "blank") return {};
  if (parsed.kind === "error") {
    return { issue: { severity: "error", cell, field, message: parsed.message } };
  }
  const result: { value?: PlanSettings[K]; issue?: Issue } = { value: parsed.value as PlanSettings[K] };
  if (parsed.warning !== undefined)
    result.issue = { severity: "warning", cell, field, message: parsed.warning };
  return result;
}

/** Where a settings table's headers are: the row and, within the block, the Setting and Value columns. */
export interface SettingsHeader {
  row: number;
  setting: number;
  value: number;
}

const [SETTING_HEADER, VALUE_HEADER] = SETTINGS_HEADERS.map(normaliseHeader);

/**
 * The first row of the block holding both the `Setting` and the `Value`
 * header, in either order, below any title or notes; null when none does.
 */
export function findSettingsHeader(block: CellBlock): SettingsHeader | null {
  for (let row = 0; row < block.cells.length; row++) {
    const names = (block.cells[row] ?? []).map((cell) => normaliseHeader(headerText(cell)));
    const setting = names.indexOf(SETTING_HEADER);
    const value = names.indexOf(VALUE_HEADER);
    if (setting >= 0 && value >= 0) return { row, setting, value };
  }
  return null;
}

/**
 * The `Planner Settings` table (Setting, Value). A value that does not parse
 * is an error issue naming the setting and its Value cell; an unknown setting
 * is a warning at its Setting cell.
 */
export function readSettingsTable(
  block: CellBlock | null,
  date1904 = false,
): { values: SettingValues; issues: Issue[] } {
  const values: SettingValues = {};
  const issues: Issue[] = [];
  if (block === null) return { values, issues };
  const header = findSettingsHeader(block);
  if (header === null) {
    issues.push({
      severity: "warning",
      cell: cellReference(block.sheet, block.top, block.left),
      field: "Setting",
      message: `${block.sheet} has no Setting and Value headers, so its settings are not read: give the table those two headers`,
    });
    return { values, issues };
  }
  const seen = new Set<SettingKey>();
  for (let row = header.row + 1; row < block.cells.length; row++) {
    const cells = block.cells[row] ?? [];
    const name = headerText(cells[header.setting] ?? null);
    const raw = cells[header.value] ?? null;
    if (name === "") continue;
    const sheetRow = block.top + row;
    const key = settingKeyForName(name);
    if (key === null) {
      issues.push({
        severity: "warning",
        cell: cellReference(block.sheet, sheetRow, block.left + header.setting),
        field: name,
        message: `"${name}" is not a plan setting and is ignored: use one of ${Object.values(SETTING_NAMES).join(", ")}`,
      });
      continue;
    }
    const valueCell = cellReference(block.sheet, sheetRow, block.left + header.value);
    if (seen.has(key)) {
      issues.push({
        severity: "warning",
        cell: valueCell,
        field: SETTING_NAMES[key],
        message: `${SETTING_NAMES[key]} is given again and this value is ignored: keep one row per setting`,
      });
      continue;
    }
    seen.add(key);
    const parsed = parseSettingValue(key, raw, valueCell, date1904);
    if (parsed.issue) issues.push(parsed.issue);
    if (parsed.value !== undefined) (values as Record<SettingKey, unknown>)[key] = parsed.value;
  }
  return { values, issues };
}

/**
 * The settings a plan uses: the defaults, then each layer in order (a later
 * layer wins; null sets a setting back to its default).
 */
export function resolveSettings(
  layers: readonly SettingValues[],
  defaults: { budget: number; pipelineGoal: number },
): Outcome<PlanSettings> {
  const settings: PlanSettings = { ...DEFAULT_SETTINGS, ...defaults };
  const base: PlanSettings = { ...settings };
  for (const layer of layers) {
    for (const key of SETTING_KEYS) {
      if (!(key in layer)) continue;
      const value = layer[key];
      (settings as Record<SettingKey, unknown>)[key] =
        value === null || value === undefined ? base[key] : value;
    }
  }
  if (settings.ceilingFactor < settings.floorFactor) {
    const issue: Issue = {
      severity: "error",
      cell: null,
      field: SETTING_NAMES.ceilingFactor,
      message: `Ceiling factor ${settings.ceilingFactor} is below Floor factor ${settings.floorFactor}: the Ceiling factor must be at least the Floor factor`,
    };
    return failure(`${issue.message}, so nothing is planned.`, [issue]);
  }
  return success(settings);
}

export type SettingsJson = Record<string, number | boolean | string | null>;

/** SPEC 7 `settings`: each setting by its name, numbers as numbers, Yes/No as true/false, `As of` as ISO 8601 text, null when not given. */
export function settingsToJson(settings: PlanSettings): SettingsJson {
  const json: SettingsJson = {};
  for (const key of SETTING_KEYS) json[SETTING_NAMES[key]] = settings[key];
  json[SETTING_NAMES.asOf] = settings.asOf === null ? null : dayTimeToIso(settings.asOf);
  return json;
}
