/**
 * SPEC 1.1's field table as data: one row a field of the vehicle table, in
 * the SPEC's order. The field keys, headers, other names, which fields the
 * engine keeps as numbers and the range each reads as is, and the typed
 * value of each field are all derived from it; `values.ts` gives each kind
 * its parser. A new field of a kind that exists is one row here.
 */
import type { MessageLength, Stage } from "./model";

/** What each kind of SPEC 1.1 value is once parsed. */
export interface KindValues {
  text: string;
  /** Money ≥ 0. */
  money: number;
  /** A number ≥ 0 (a count, hours), read like money. */
  number: number;
  rate: number;
  score: number;
  stages: Stage[];
  messageLength: MessageLength;
  yesNo: boolean;
}
export type FieldKind = keyof KindValues;

/** The kinds the engine keeps as numbers, and the range a plain number of each is read in as is. */
export const NUMBER_KIND_RANGES = {
  money: [0, Number.MAX_VALUE],
  number: [0, Number.MAX_VALUE],
  rate: [0, 1],
  score: [1, 5],
} as const satisfies Partial<Record<FieldKind, readonly [number, number]>>;
export type NumberKind = keyof typeof NUMBER_KIND_RANGES;

/**
 * The SPEC's "needed" column: always, when Pipeline is not given (Conversion
 * rate and Average deal size compute it), or not at all.
 */
export type Needed = "yes" | "unlessPipeline" | "no";

export interface FieldRow {
  /** The field's name in code, JSON and the CLI's `--map`. */
  readonly key: string;
  /** The SPEC's header, as the faces show it. */
  readonly header: string;
  /** The other accepted names, normalised (the header itself, normalised, is accepted too). */
  readonly otherNames: readonly string[];
  readonly kind: FieldKind;
  readonly needed: Needed;
  /** A blank cell reads as 0 rather than as not given (Hours, Risk). */
  readonly blankIsZero?: true;
}

/** SPEC 1.1's table. */
export const FIELDS = [
  {
    key: "vehicle",
    header: "Vehicle",
    otherNames: ["name", "vehiclename", "tactic", "program", "leadsource", "source"],
    kind: "text",
    needed: "yes",
  },
  {
    key: "channel",
    header: "Channel",
    otherNames: ["media", "medium", "mediatype", "category"],
    kind: "text",
    needed: "no",
  },
  {
    key: "investment",
    header: "Investment",
    otherNames: ["spend", "cost", "budget", "investmentusd"],
    kind: "money",
    needed: "yes",
  },
  {
    key: "leads",
    header: "Leads",
    otherNames: ["leadcount", "responses", "inquiries", "mqls", "mql", "marketingqualifiedleads"],
    kind: "number",
    needed: "yes",
  },
  {
    key: "conversion",
    header: "Conversion rate",
    otherNames: ["conversion", "convrate", "leadtoopportunity", "leadtoopp", "opprate"],
    kind: "rate",
    needed: "unlessPipeline",
  },
  {
    key: "dealSize",
    header: "Average deal size",
    otherNames: ["avgdealsize", "dealsize", "avgdeal", "averagedeal"],
    kind: "money",
    needed: "unlessPipeline",
  },
  {
    key: "pipeline",
    header: "Pipeline",
    otherNames: ["pipelinedollars", "pipelinevalue"],
    kind: "money",
    needed: "no",
  },
  {
    key: "objectives",
    header: "Objectives",
    otherNames: ["objective", "goals", "funnelstage", "stages", "bestfor"],
    kind: "stages",
    needed: "no",
  },
  { key: "reach", header: "Reach", otherNames: ["segmentreach", "targetreach"], kind: "rate", needed: "no" },
  { key: "resonance", header: "Resonance", otherNames: ["credibility"], kind: "score", needed: "no" },
  {
    key: "messageLength",
    header: "Message length",
    otherNames: ["format", "length", "formatlength"],
    kind: "messageLength",
    needed: "no",
  },
  {
    key: "skillToday",
    header: "Skill today",
    otherNames: ["capabilitytoday", "skill", "capability"],
    kind: "score",
    needed: "no",
  },
  {
    key: "skillTomorrow",
    header: "Skill tomorrow",
    otherNames: ["capabilitytomorrow"],
    kind: "score",
    needed: "no",
  },
  {
    key: "impactPotential",
    header: "Impact potential",
    otherNames: ["potentialpipeline", "maxpipeline", "impact"],
    kind: "money",
    needed: "no",
  },
  {
    key: "priorInvestment",
    header: "Prior investment",
    otherNames: ["historicalinvestment", "lastyearinvestment", "previousinvestment"],
    kind: "money",
    needed: "no",
  },
  {
    key: "priorPipeline",
    header: "Prior pipeline",
    otherNames: ["historicalpipeline", "lastyearpipeline", "previouspipeline"],
    kind: "money",
    needed: "no",
  },
  {
    key: "hours",
    header: "Hours",
    otherNames: ["teamhours", "efforthours", "time"],
    kind: "number",
    needed: "no",
    blankIsZero: true,
  },
  {
    key: "risk",
    header: "Risk",
    otherNames: ["executionrisk", "riskofshortfall"],
    kind: "rate",
    needed: "no",
    blankIsZero: true,
  },
  {
    key: "minInvestment",
    header: "Min investment",
    otherNames: ["floor", "minimuminvestment"],
    kind: "money",
    needed: "no",
  },
  {
    key: "maxInvestment",
    header: "Max investment",
    otherNames: ["cap", "ceiling", "maximuminvestment"],
    kind: "money",
    needed: "no",
  },
  // Q1 … Q7 also match `q` and the digit followed by anything but a digit (headers.ts).
  { key: "q1", header: "Q1", otherNames: [], kind: "yesNo", needed: "no" },
  { key: "q2", header: "Q2", otherNames: [], kind: "yesNo", needed: "no" },
  { key: "q3", header: "Q3", otherNames: [], kind: "yesNo", needed: "no" },
  { key: "q4", header: "Q4", otherNames: [], kind: "yesNo", needed: "no" },
  { key: "q5", header: "Q5", otherNames: [], kind: "yesNo", needed: "no" },
  { key: "q6", header: "Q6", otherNames: [], kind: "yesNo", needed: "no" },
  { key: "q7", header: "Q7", otherNames: [], kind: "yesNo", needed: "no" },
] as const satisfies readonly FieldRow[];

type Row = (typeof FIELDS)[number];
export type FieldKey = Row["key"];

/** The fields in the SPEC's order. */
export const FIELD_KEYS: readonly FieldKey[] = FIELDS.map((row) => row.key);

/** What each field holds once parsed, by field. */
export type FieldValues = { [K in FieldKey]: KindValues[Extract<Row, { key: K }>["kind"]] };

/** The fields the engine keeps as numbers. */
export type NumberField = Extract<Row, { kind: NumberKind }>["key"];
/** Of those, the ones a blank reads as 0. */
export type ZeroBlankField = Extract<Row, { blankIsZero: true }>["key"];

/** The numbers of a row: null where not given, except the fields a blank reads as 0. */
export type NumberValues = { [K in Exclude<NumberField, ZeroBlankField>]: number | null } & {
  [K in ZeroBlankField]: number;
};

/** The fields Q1…Q7, question k's at index k − 1. */
export const QUESTION_FIELDS = [
  "q1",
  "q2",
  "q3",
  "q4",
  "q5",
  "q6",
  "q7",
] as const satisfies readonly FieldKey[];

function isNumberRow(row: Row): row is Extract<Row, { kind: NumberKind }> {
  return row.kind in NUMBER_KIND_RANGES;
}

/** Each field's header (SPEC 1.1's code font). */
export const FIELD_HEADERS = Object.fromEntries(
  FIELDS.map((row) => [row.key, row.header]),
  // One entry a field, as every row has a key; fromEntries cannot know that.
) as Record<FieldKey, string>;

/** The fields held as numbers, in the table's order; a field's place here is its number slot. */
export const NUMBER_FIELDS: readonly NumberField[] = FIELDS.filter(isNumberRow).map((row) => row.key);

/** Each number field's range read as is, by slot. */
export const NUMBER_RANGES: readonly (readonly [number, number])[] = FIELDS.filter(isNumberRow).map(
  (row) => NUMBER_KIND_RANGES[row.kind],
);

const ZERO_BLANK: ReadonlySet<FieldKey> = new Set(
  FIELDS.filter((row) => "blankIsZero" in row).map((row) => row.key),
);

export function isZeroBlankField(field: FieldKey): field is ZeroBlankField {
  return ZERO_BLANK.has(field);
}

/** The fields SPEC 1.1 always needs, and the ones it needs when Pipeline is not given. */
export const NEEDED_FIELDS: readonly FieldKey[] = FIELDS.filter((row) => row.needed === "yes").map(
  (row) => row.key,
);
export const NEEDED_UNLESS_PIPELINE: readonly FieldKey[] = FIELDS.filter(
  (row) => row.needed === "unlessPipeline",
).map((row) => row.key);
