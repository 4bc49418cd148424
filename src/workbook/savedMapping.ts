/**
 * The column mapping the add-in keeps with a workbook: each field by the
 * header text of its column, with the column's place as a hint, so a column
 * the user inserts or moves later does not shift the mapping onto the wrong data.
 */
import type { CellValue } from "../core/cells";
import { FIELD_HEADERS, normaliseHeader } from "../core/headers";
import type { FieldKey, MappingOverride } from "../core/model";

/** A field's column as saved: its header text, and where it was (0-based in the block). */
export interface SavedColumn {
  header: string;
  column: number;
}

/** Fields to their saved column, or null for a field the user unmatched. */
export type SavedMapping = Partial<Record<FieldKey, SavedColumn | null>>;

export interface ResolvedMapping {
  mapping: MappingOverride;
  /** Fields whose saved header is no longer in the header row, for a warning; they are matched afresh. */
  missing: { field: FieldKey; header: string }[];
}

function text(cell: CellValue | undefined): string {
  return cell === null || cell === undefined || typeof cell === "object" ? "" : String(cell).trim();
}

export function toSavedMapping(mapping: MappingOverride, headerRow: readonly CellValue[]): SavedMapping {
  const saved: SavedMapping = {};
  for (const [field, column] of Object.entries(mapping) as [FieldKey, number | null | undefined][]) {
    saved[field] =
      column === null || column === undefined ? null : { header: text(headerRow[column]), column };
  }
  return saved;
}

/**
 * The saved mapping over today's header row: each field goes to the column
 * with its saved header (the one at the saved place when several have it). A
 * plain column number, as saved before headers were kept, is taken as it is.
 */
export function resolveSavedMapping(saved: unknown, headerRow: readonly CellValue[]): ResolvedMapping | null {
  if (!saved || typeof saved !== "object") return null;
  const mapping: MappingOverride = {};
  const missing: ResolvedMapping["missing"] = [];
  for (const [key, value] of Object.entries(saved as Record<string, unknown>)) {
    if (!(key in FIELD_HEADERS)) continue;
    const field = key as FieldKey;
    if (value === null || typeof value === "number") {
      mapping[field] = value;
      continue;
    }
    const entry = value as Partial<SavedColumn>;
    if (typeof entry.header !== "string") continue;
    const wanted = normaliseHeader(entry.header);
    const columns = headerRow.flatMap((cell, column) =>
      normaliseHeader(text(cell)) === wanted ? [column] : [],
    );
    if (columns.length === 0) missing.push({ field, header: entry.header });
    else mapping[field] = columns.includes(entry.column ?? -1) ? (entry.column as number) : columns[0];
  }
  return { mapping, missing };
}

/** The warning for saved columns whose headers have gone. */
export function missingColumnsMessage(missing: ResolvedMapping["missing"]): string {
  const named = missing.map(({ field, header }) => `"${header}" (${FIELD_HEADERS[field]})`).join(", ");
  return (
    `The saved column mapping names ${named}, no longer a header of the table; ` +
    "those fields were matched afresh: check them below."
  );
}
