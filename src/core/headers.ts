/**
 * SPEC 1.1 header matching: each field's header and the other names it goes
 * by, compared after normalising (lower case, letters and digits only).
 */
import type { CellBlock, CellValue } from "./cells";
import { isExcelError } from "./cells";
import { cellReference } from "./cellReference";
import type { Issue } from "./issues";
import { FIELD_KEYS, type ColumnMapping, type FieldKey, type MappingOverride } from "./model";

export const FIELD_HEADERS: Record<FieldKey, string> = {
  vehicle: "Vehicle",
  channel: "Channel",
  investment: "Investment",
  leads: "Leads",
  conversion: "Conversion rate",
  dealSize: "Average deal size",
  pipeline: "Pipeline",
  objectives: "Objectives",
  reach: "Reach",
  resonance: "Resonance",
  messageLength: "Message length",
  skillToday: "Skill today",
  skillTomorrow: "Skill tomorrow",
  impactPotential: "Impact potential",
  priorInvestment: "Prior investment",
  priorPipeline: "Prior pipeline",
  hours: "Hours",
  risk: "Risk",
  minInvestment: "Min investment",
  maxInvestment: "Max investment",
  q1: "Q1",
  q2: "Q2",
  q3: "Q3",
  q4: "Q4",
  q5: "Q5",
  q6: "Q6",
  q7: "Q7",
};

/** The other accepted names of SPEC 1.1, already normalised. */
const OTHER_NAMES: Partial<Record<FieldKey, readonly string[]>> = {
  vehicle: ["name", "vehiclename", "tactic", "program", "leadsource", "source"],
  channel: ["media", "medium", "mediatype", "category"],
  investment: ["spend", "cost", "budget", "investmentusd"],
  leads: ["leadcount", "responses", "inquiries", "mqls", "mql", "marketingqualifiedleads"],
  conversion: ["conversion", "convrate", "leadtoopportunity", "leadtoopp", "opprate"],
  dealSize: ["avgdealsize", "dealsize", "avgdeal", "averagedeal"],
  pipeline: ["pipelinedollars", "pipelinevalue"],
  objectives: ["objective", "goals", "funnelstage", "stages", "bestfor"],
  reach: ["segmentreach", "targetreach"],
  resonance: ["credibility"],
  messageLength: ["format", "length", "formatlength"],
  skillToday: ["capabilitytoday", "skill", "capability"],
  skillTomorrow: ["capabilitytomorrow"],
  impactPotential: ["potentialpipeline", "maxpipeline", "impact"],
  priorInvestment: ["historicalinvestment", "lastyearinvestment", "previousinvestment"],
  priorPipeline: ["historicalpipeline", "lastyearpipeline", "previouspipeline"],
  hours: ["teamhours", "efforthours", "time"],
  risk: ["executionrisk", "riskofshortfall"],
  minInvestment: ["floor", "minimuminvestment"],
  maxInvestment: ["cap", "ceiling", "maximuminvestment"],
};

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

/** `"Conv. Rate (%)"` → `convrate`. */
export function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(NOT_LETTER_OR_DIGIT, "");
}

const FIELD_BY_NAME: ReadonlyMap<string, FieldKey> = (() => {
  const byName = new Map<string, FieldKey>();
  for (const field of FIELD_KEYS) {
    byName.set(normaliseHeader(FIELD_HEADERS[field]), field);
    for (const name of OTHER_NAMES[field] ?? []) byName.set(name, field);
  }
  return byName;
})();

const QUESTION_HEADER = /^q([1-7])(?:\P{Nd}.*)?$/u;

/** The field a normalised header names, or null. */
function fieldForNormalised(normalised: string): FieldKey | null {
  const named = FIELD_BY_NAME.get(normalised);
  if (named) return named;
  const question = QUESTION_HEADER.exec(normalised);
  return question ? (`q${question[1]}` as FieldKey) : null;
}

/** A header, another accepted name or the field's key (`dealSize`) → the field. */
export function fieldForName(name: string): FieldKey | null {
  const normalised = normaliseHeader(name);
  const byHeader = fieldForNormalised(normalised);
  if (byHeader) return byHeader;
  return FIELD_KEYS.find((field) => field.toLowerCase() === normalised) ?? null;
}

/** A header cell as text: numbers and booleans as Excel shows them, blanks and errors as ''. */
export function headerText(value: CellValue): string {
  if (value === null || value === undefined || isExcelError(value)) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).trim();
}

export interface HeaderMatch {
  mapping: ColumnMapping;
  headers: { column: number; text: string; field: FieldKey | null; cell: string }[];
  issues: Issue[];
}

/**
 * Matches the block's first row to fields. When two columns match one field
 * the leftmost is used and the other is a warning at its header cell; a
 * hand-made override (a column index, or null to unmatch) wins over both.
 */
export function matchHeaders(block: CellBlock, override?: MappingOverride): HeaderMatch {
  const headerRow = block.cells[0] ?? [];
  const mapping: ColumnMapping = {};
  const doubled: { field: FieldKey; issue: Issue }[] = [];
  const headers: HeaderMatch["headers"] = [];
  for (let column = 0; column < headerRow.length; column++) {
    const text = headerText(headerRow[column]);
    const cell = cellReference(block.sheet, block.top, block.left + column);
    const field = text === "" ? null : fieldForNormalised(normaliseHeader(text));
    headers.push({ column, text, field, cell });
    if (field === null) continue;
    if (mapping[field] === undefined) {
      mapping[field] = column;
    } else {
      doubled.push({
        field,
        issue: {
          severity: "warning",
          cell,
          field: FIELD_HEADERS[field],
          message: `"${text}" also matches ${FIELD_HEADERS[field]}; the column "${headers[mapping[field] as number].text}" to its left is used and this one is ignored. Rename one of them to use the other.`,
        },
      });
    }
  }
  if (override) applyOverride(mapping, headers, override);
  for (const header of headers) {
    header.field = FIELD_KEYS.find((field) => mapping[field] === header.column) ?? null;
  }
  // A field the user matched by hand leaves no doubt about its second column to warn of.
  const issues = doubled
    .filter(({ field }) => override === undefined || !(field in override))
    .map(({ issue }) => issue);
  return { mapping, headers, issues };
}

function applyOverride(
  mapping: ColumnMapping,
  headers: HeaderMatch["headers"],
  override: MappingOverride,
): void {
  for (const field of FIELD_KEYS) {
    if (!(field in override)) continue;
    const column = override[field];
    if (
      column === null ||
      column === undefined ||
      !Number.isInteger(column) ||
      column < 0 ||
      column >= headers.length
    ) {
      delete mapping[field];
    } else {
      for (const other of FIELD_KEYS) if (mapping[other] === column && other !== field) delete mapping[other];
      mapping[field] = column;
    }
  }
}

/**
 * SPEC 1.1: a header row matches when it has Vehicle, Investment, Leads, and
 * either Pipeline or both Conversion rate and Average deal size.
 */
export function headerRowMatches(row: readonly CellValue[], aliases?: HeaderAliases): boolean {
  return mappingIsComplete(fieldsNamed(row, aliases));
}

/**
 * Headers the user matched to fields by hand (the CLI's `--map "Leads=MQL
 * count"`), by their normalised text: they count as those fields' names.
 */
export type HeaderAliases = ReadonlyMap<string, FieldKey>;

/** The fields a row's cells name, as headers or as the user's aliases. */
export function fieldsNamed(row: readonly CellValue[], aliases?: HeaderAliases): Set<FieldKey> {
  const found = new Set<FieldKey>();
  for (const value of row) {
    const normalised = normaliseHeader(headerText(value));
    const field = aliases?.get(normalised) ?? fieldForNormalised(normalised);
    if (field) found.add(field);
  }
  return found;
}

export function mappingIsComplete(found: ReadonlySet<FieldKey>): boolean {
  return (
    found.has("vehicle") &&
    found.has("investment") &&
    found.has("leads") &&
    (found.has("pipeline") || (found.has("conversion") && found.has("dealSize")))
  );
}
