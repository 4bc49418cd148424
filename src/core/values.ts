/**
 * SPEC 1.1 "Values": how one cell is read as money, a number, a rate, a
 * score, stages, a message length or Yes/No. Each parser takes any cell value
 * and never throws: it answers blank, a value (maybe with a warning), or an
 * error message that says what is wrong and how to fix it.
 */
import { isExcelError, type CellValue } from "./cells";
import {
  FIELDS,
  NUMBER_KIND_RANGES,
  type FieldKey,
  type FieldKind,
  type FieldValues,
  type KindValues,
} from "./fields";
import type { Complexity, MessageLength, Stage } from "./model";

export type Parsed<T> =
  { kind: "blank" } | { kind: "ok"; value: T; warning?: string } | { kind: "error"; message: string };

/** What a vehicle-table field holds once parsed. */
export type FieldValue = FieldValues[FieldKey];

const BLANK: Parsed<never> = { kind: "blank" };

function ok<T>(value: T, warning?: string): Parsed<T> {
  return warning === undefined ? { kind: "ok", value } : { kind: "ok", value, warning };
}

function error(message: string): Parsed<never> {
  return { kind: "error", message };
}

/** A cell's text in a message, shortened so a 10 kB cell stays readable. */
function shortened(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** How a cell's text is quoted in a message. */
function shown(text: string): string {
  return `"${shortened(text)}"`;
}

/** A cell as a message shows it: text quoted and shortened, booleans and numbers as Excel shows them. */
export function describeCellValue(value: CellValue): string {
  if (typeof value === "string") return shown(value.trim());
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return numberText(value);
  return value === null ? "a blank cell" : value.error;
}

/** Blank, an error value, or the cell itself: what every parser checks first. */
function precheck(value: CellValue): Parsed<never> | null {
  // undefined is not a CellValue, but a hole in a face's array must read as blank rather than throw.
  if (value === null || value === undefined) return BLANK;
  if (typeof value === "string" && value.trim() === "") return BLANK;
  if (isExcelError(value))
    return error(`the cell holds the Excel error ${value.error}: fix the formula or type the value`);
  return null;
}

function finite(value: number): Parsed<number> {
  if (!Number.isFinite(value))
    return error("the cell holds a number Excel cannot store: type a plain number");
  return ok(value === 0 ? 0 : value);
}

const PLAIN_DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const AMOUNT = /^([+-]?)(\d+\.?\d*|\.\d+)([kKmM]?)$/;
const CURRENCY_AND_SEPARATORS = /[$€£¥,\s]/g;

/** Money or a count: `1200`, `$1.2k` → 1200, `(1,200)` → −1200, `2M`; no exponent, no decimal comma. */
export function parseMoney(value: CellValue): Parsed<number> {
  const early = precheck(value);
  if (early) return early;
  if (typeof value === "number") return finite(value);
  if (typeof value === "boolean")
    return error(`${value ? "TRUE" : "FALSE"} is not an amount: type a number such as 1200`);
  // Currency and separators go first, so `$(1,200)` reads like `($1,200)`.
  let text = (value as string).replace(CURRENCY_AND_SEPARATORS, "");
  const negative = text.startsWith("(") && text.endsWith(")");
  if (negative) text = text.slice(1, -1);
  const match = AMOUNT.exec(text);
  if (!match || (negative && match[1] !== "")) {
    return error(
      `${shown((value as string).trim())} is not an amount: type a plain number such as 1200, 1,200, $1.2k or 2M`,
    );
  }
  // Scaling by the decimal exponent keeps `0.29k` exactly 290, where 0.29 × 1000 is not.
  const exponent = match[3] === "" ? 0 : match[3].toLowerCase() === "k" ? 3 : 6;
  const magnitude = Number(`${match[2]}e${exponent}`);
  const signed = negative || match[1] === "-" ? -magnitude : magnitude;
  return finite(signed);
}

/** A count or number of hours: read like money. */
export const parseNumber = parseMoney;

function plainNumber(text: string): number | null {
  return PLAIN_DECIMAL.test(text) ? Number(text) : null;
}

/** v / 100 rounded as the decimal it was typed as: `16.2` → 0.162, where 16.2 / 100 is 0.16199999999999998. */
function percentToRate(v: number): number {
  const digits = String(v);
  const rate = digits.includes("e") ? v / 100 : Number(`${digits}e-2`);
  return rate === 0 ? 0 : rate;
}

const PERCENT_WARNING = "read as a percentage";

function rateFromNumber(v: number, original: string): Parsed<number> {
  if (!Number.isFinite(v) || v < 0 || v > 100) {
    return error(`${original} is not a rate: type a share between 0 and 1 (0.12) or a percentage (12%)`);
  }
  if (v > 1) return ok(percentToRate(v), `${original} ${PERCENT_WARNING} (${numberText(v)}%)`);
  return ok(v === 0 ? 0 : v);
}

/** A number in a message: as typed for most, to ten significant digits for a long fraction. */
function numberText(v: number): string {
  return String(Number.isFinite(v) ? Number(v.toPrecision(10)) : v);
}

const [RATE_LOWEST, RATE_HIGHEST] = NUMBER_KIND_RANGES.rate;
const [SCORE_LOWEST, SCORE_HIGHEST] = NUMBER_KIND_RANGES.score;

/** A rate: 0…1 as is, 1 < v ≤ 100 as a percentage with a warning, `12%` → 0.12. A typed 1 is 100 %. */
export function parseRate(value: CellValue): Parsed<number> {
  const early = precheck(value);
  if (early) return early;
  if (typeof value === "number") {
    if (value >= RATE_LOWEST && value <= RATE_HIGHEST) return ok(value === 0 ? 0 : value);
    return rateFromNumber(value, numberText(value));
  }
  if (typeof value === "boolean")
    return error(`${value ? "TRUE" : "FALSE"} is not a rate: type a share such as 0.12 or 12%`);
  const text = (value as string).trim();
  if (text.endsWith("%")) {
    const v = plainNumber(text.slice(0, -1).trim());
    if (v === null || v < 0 || v > 100) {
      return error(`${shown(text)} is not a rate: type a percentage between 0% and 100%`);
    }
    return ok(percentToRate(v));
  }
  const v = plainNumber(text);
  if (v === null)
    return error(`${shown(text)} is not a rate: type a share such as 0.12 or a percentage such as 12%`);
  return rateFromNumber(v, shortened(text));
}

/** A score from 1 to 5. */
export function parseScore(value: CellValue): Parsed<number> {
  const early = precheck(value);
  if (early) return early;
  const v = typeof value === "number" ? value : typeof value === "string" ? plainNumber(value.trim()) : null;
  if (v === null || !Number.isFinite(v) || v < SCORE_LOWEST || v > SCORE_HIGHEST) {
    return error(`${describeCellValue(value)} is not a score: type a number from 1 to 5`);
  }
  return ok(v);
}

const STAGE_NAMES: ReadonlyMap<string, Stage> = new Map<string, Stage>([
  ["awareness", "Awareness"],
  ["brand awareness", "Awareness"],
  ["consideration", "Consideration"],
  ["conversion", "Conversion"],
  ["close", "Conversion"],
  ["closing", "Conversion"],
  ["sales", "Conversion"],
  ["purchase", "Conversion"],
  ["adoption", "Adoption"],
  ["increased adoption", "Adoption"],
  ["usage", "Adoption"],
  ["value", "Value"],
  ["increased understanding of value", "Value"],
  ["advocacy", "Advocacy"],
  ["advocate", "Advocacy"],
  ["referral", "Advocacy"],
]);

const STAGE_SEPARATORS = /[,;/|]/;
const WHITE_SPACE_RUN = /\s+/g;

function stageKey(text: string): string {
  return text.trim().toLowerCase().replace(WHITE_SPACE_RUN, " ");
}

/** One lifecycle stage by its name or another accepted name (the Objective setting). */
export function parseStage(value: CellValue): Parsed<Stage> {
  const early = precheck(value);
  if (early) return early;
  const text = typeof value === "string" ? value : String(value);
  const stage = STAGE_NAMES.get(stageKey(text));
  if (!stage) {
    return error(
      `${shown(text.trim())} is not a lifecycle stage: use Awareness, Consideration, Conversion, Adoption, Value or Advocacy`,
    );
  }
  return ok(stage);
}

/**
 * Stage lists already read, by their exact text: a table repeats a handful of
 * lists down thousands of rows. The rows share the parsed list, which nothing
 * changes after parsing. Bounded so a table of all-different lists cannot grow it without end.
 */
const STAGE_LISTS_READ = new Map<string, Parsed<Stage[]>>();
const STAGE_LISTS_KEPT = 1000;

/** A list of stages split on `,` `;` `/` `|`; an unknown part is a warning and is ignored. */
export function parseStages(value: CellValue): Parsed<Stage[]> {
  if (typeof value !== "string") return stageList(value);
  const known = STAGE_LISTS_READ.get(value);
  if (known !== undefined) return known;
  const parsed = stageList(value);
  if (STAGE_LISTS_READ.size < STAGE_LISTS_KEPT) STAGE_LISTS_READ.set(value, parsed);
  return parsed;
}

function stageList(value: CellValue): Parsed<Stage[]> {
  const early = precheck(value);
  if (early) return early;
  const text =
    typeof value === "string"
      ? value
      : typeof value === "boolean"
        ? value
          ? "TRUE"
          : "FALSE"
        : String(value);
  const stages: Stage[] = [];
  const unknown: string[] = [];
  for (const part of text.split(STAGE_SEPARATORS)) {
    const key = stageKey(part);
    if (key === "") continue;
    const stage = STAGE_NAMES.get(key);
    if (!stage) unknown.push(part.trim());
    else if (!stages.includes(stage)) stages.push(stage);
  }
  if (unknown.length === 0) return ok(stages);
  const list = unknown.map(shown).join(", ");
  return ok(
    stages,
    `${list} ${unknown.length === 1 ? "is not a lifecycle stage and is" : "are not lifecycle stages and are"} ignored: use Awareness, Consideration, Conversion, Adoption, Value or Advocacy`,
  );
}

function byName<T>(names: ReadonlyMap<string, T>, what: string, choices: string) {
  return (value: CellValue): Parsed<T> => {
    const early = precheck(value);
    if (early) return early;
    const text = typeof value === "string" ? value.trim() : String(value);
    const found = names.get(text.toLowerCase());
    return found === undefined ? error(`${shown(text)} is not ${what}: use ${choices}`) : ok(found);
  };
}

/** Short (short, s, brief), Medium (medium, m), Long (long, l, long-form, longform), any case. */
export const parseMessageLength = byName<MessageLength>(
  new Map<string, MessageLength>([
    ["short", "Short"],
    ["s", "Short"],
    ["brief", "Short"],
    ["medium", "Medium"],
    ["m", "Medium"],
    ["long", "Long"],
    ["l", "Long"],
    ["long-form", "Long"],
    ["longform", "Long"],
  ]),
  "a message length",
  "Short, Medium or Long",
);

/** Simple, Moderate or Complex, any case (the Message complexity setting). */
export const parseComplexity = byName<Complexity>(
  new Map<string, Complexity>([
    ["simple", "Simple"],
    ["moderate", "Moderate"],
    ["complex", "Complex"],
  ]),
  "a message complexity",
  "Simple, Moderate or Complex",
);

const YES_NO: ReadonlyMap<string, boolean> = new Map([
  ["yes", true],
  ["y", true],
  ["true", true],
  ["1", true],
  ["pass", true],
  ["no", false],
  ["n", false],
  ["false", false],
  ["0", false],
  ["fail", false],
]);

/** yes, y, true, 1, pass → Yes; no, n, false, 0, fail → No; a boolean as itself. */
export function parseYesNo(value: CellValue): Parsed<boolean> {
  const early = precheck(value);
  if (early) return early;
  if (typeof value === "boolean") return ok(value);
  if (typeof value === "number") {
    if (value === 1) return ok(true);
    if (value === 0) return ok(false);
    return error(`${numberText(value)} is not Yes or No: type Yes or No (or 1 / 0)`);
  }
  const text = (value as string).trim();
  const answer = YES_NO.get(text.toLowerCase());
  return answer === undefined ? error(`${shown(text)} is not Yes or No: type Yes or No`) : ok(answer);
}

/** Text from a cell (a vehicle's or channel's name): trimmed; numbers and booleans as Excel shows them. */
export function parseText(value: CellValue): Parsed<string> {
  const early = precheck(value);
  if (early) return early;
  if (typeof value === "boolean") return ok(value ? "TRUE" : "FALSE");
  if (typeof value === "number")
    return Number.isFinite(value)
      ? ok(String(value))
      : error("the cell holds a number Excel cannot store: type the name as text");
  return ok((value as string).trim());
}

function nonNegative(parsed: Parsed<number>, header: string): Parsed<number> {
  if (parsed.kind === "ok" && parsed.value < 0) {
    return error(`${numberText(parsed.value)} is negative: ${header} must be 0 or more`);
  }
  return parsed;
}

export type Parser<T> = (value: CellValue) => Parsed<T>;

/** One parser a kind of SPEC 1.1 value, made for a field's header (which a message names). */
const KIND_PARSERS: { [K in FieldKind]: (header: string) => Parser<KindValues[K]> } = {
  text: () => parseText,
  money: (header) => (value) => nonNegative(parseMoney(value), header),
  number: (header) => (value) => nonNegative(parseNumber(value), header),
  rate: () => parseRate,
  score: () => parseScore,
  stages: () => parseStages,
  messageLength: () => parseMessageLength,
  yesNo: () => parseYesNo,
};

/** Each field's parser, chosen once from its kind in the field table. */
export const FIELD_PARSERS = Object.fromEntries(
  FIELDS.map((row) => [row.key, KIND_PARSERS[row.kind](row.header)]),
  // Each row's parser is its kind's, which is what the mapped type says; fromEntries cannot know that.
) as { [K in FieldKey]: Parser<FieldValues[K]> };

/** A cell read as the vehicle table reads that field (SPEC 1.1 table, "kind" column). */
export function parseFieldValue<K extends FieldKey>(field: K, value: CellValue): Parsed<FieldValues[K]> {
  return FIELD_PARSERS[field](value);
}
