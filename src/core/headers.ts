/**
 * SPEC 1.1 header matching: each field's header and the other names it goes
 * by (the field table, fields.ts), compared after normalising (lower case,
 * letters and digits only).
 */
import type { CellBlock, CellValue } from "./cells";
import { isExcelError } from "./cells";
import { cellReference } from "./cellReference";
import type { Issue } from "./issues";
import { FIELD_HEADERS, FIELDS, NEEDED_FIELDS, NEEDED_UNLESS_PIPELINE, QUESTION_FIELDS } from "./fields";
import { FIELD_KEYS, type ColumnMapping, type FieldKey, type MappingOverride } from "./model";

export { FIELD_HEADERS } from "./fields";

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

/** `"Conv. Rate (%)"` → `convrate`. */
export function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(NOT_LETTER_OR_DIGIT, "");
}

const FIELD_BY_NAME: ReadonlyMap<string, FieldKey> = (() => {
  const byName = new Map<string, FieldKey>();
  for (const { key, header, otherNames } of FIELDS) {
    byName.set(normaliseHeader(header), key);
    for (const name of otherNames) byName.set(name, key);
  }
  return byName;
})();

const QUESTION_HEADER = /^q([1-7])(?:\P{Nd}.*)?$/u;

/** The field a normalised header names, or null. */
function fieldForNormalised(normalised: string): FieldKey | null {
  const named = FIELD_BY_NAME.get(normalised);
  if (named) return named;
  const question = QUESTION_HEADER.exec(normalised);
  return question ? QUESTION_FIELDS[Number(question[1]) - 1] : null;
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
 * either Pipeline or both Conversion rate and Average deal size (the "needed"
 * column of the field table).
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
    NEEDED_FIELDS.every((field) => found.has(field)) &&
    (found.has("pipeline") || NEEDED_UNLESS_PIPELINE.every((field) => found.has(field)))
  );
}
