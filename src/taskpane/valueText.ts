/**
 * Numbers in the pane's inputs as people type them: money with `$` and
 * separators (`$260,000`), rates as percentages (`16.2%`), counts with
 * separators; and the range a slider over such a value should cover.
 */
import type { FieldKey, SettingKey } from "../core/model";
import { formatMoney, formatPercentFixed, formatPlain } from "../core/numberText";
import { parseSettingValue } from "../core/settings";
import { parseFieldValue } from "../core/values";

export type ValueKind = "money" | "rate" | "count" | "plain";

const MONEY: ReadonlySet<string> = new Set<FieldKey | SettingKey>([
  "investment",
  "dealSize",
  "pipeline",
  "impactPotential",
  "minInvestment",
  "maxInvestment",
  "priorInvestment",
  "priorPipeline",
  "budget",
  "pipelineGoal",
  "hourlyRate",
]);
const RATES: ReadonlySet<string> = new Set<FieldKey | SettingKey>([
  "conversion",
  "reach",
  "risk",
  "minimumReach",
  "minimumImpactShare",
]);
const COUNTS: ReadonlySet<string> = new Set<FieldKey | SettingKey>(["leads", "hours", "bandwidth"]);

/** How a field's or setting's number reads. */
export function valueKind(key: FieldKey | SettingKey): ValueKind {
  if (MONEY.has(key)) return "money";
  if (RATES.has(key)) return "rate";
  if (COUNTS.has(key)) return "count";
  return "plain";
}

function grouped(value: number): string {
  const [whole, fraction] = formatPlain(value).split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = whole.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${digits}${fraction ? `.${fraction}` : ""}`;
}

/** A number as the user would type it for this kind of value. */
export function valueText(kind: ValueKind, value: number): string {
  switch (kind) {
    case "money":
      return formatMoney(value);
    case "rate":
      return formatPercentFixed(value);
    case "count":
      return grouped(value);
    default:
      return formatPlain(value);
  }
}

/** The number a typed value stands for, read as the plan reads it; null when it does not parse. */
export function typedNumber(target: "setting" | "vehicle", key: string, text: string): number | null {
  if (text.trim() === "") return null;
  if (target === "setting") {
    const parsed = parseSettingValue(key as SettingKey, text, null);
    return typeof parsed.value === "number" && parsed.issue === undefined ? parsed.value : null;
  }
  const parsed = parseFieldValue(key as FieldKey, text);
  return parsed.kind === "ok" && typeof parsed.value === "number" ? parsed.value : null;
}

/** What the user typed, written the way the pane shows that kind of value, or as typed when it does not parse. */
export function tidyText(target: "setting" | "vehicle", key: FieldKey | SettingKey, text: string): string {
  const value = typedNumber(target, key, text);
  return value === null ? text : valueText(valueKind(key), value);
}

export interface SliderRange {
  max: number;
  step: number;
  /** "from $0 to $780,000", for the slider's label. */
  words: string;
}

/** A rate runs 0–100 %; anything else 0 to three times the current value (at least 1, whole steps for counts). */
export function sliderRange(kind: ValueKind, current: number | null): SliderRange {
  const max =
    kind === "rate"
      ? 1
      : kind === "count"
        ? Math.max(10, Math.ceil((current ?? 0) * 3))
        : Math.max(1, (current ?? 0) * 3);
  const step =
    kind === "rate" ? 0.001 : kind === "count" ? 1 : kind === "money" ? Math.max(1, max / 300) : max / 300;
  return { max, step, words: `from ${valueText(kind, 0)} to ${valueText(kind, max)}` };
}
