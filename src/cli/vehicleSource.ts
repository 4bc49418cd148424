/**
 * Where `plan` finds the vehicle table (SPEC 1.1, SPEC 7, issue 17.9): the
 * sheet or table named, else the first sheet with a vehicle table header row
 * among its first 10 rows (a title may sit above it); `--header-row N` says
 * which row when several match, and `--map "Leads=MQL count"` matches a
 * column no synonym covers.
 */
import type { CellBlock } from "../core/cells";
import { FIELD_HEADERS, fieldForName, headerRowMatches, headerText, normaliseHeader } from "../core/headers";
import {
  findHeaderRow,
  fromHeaderRow,
  HEADER_ROWS_SEARCHED,
  severalHeaderRowsMessage,
  type HeaderRowSearch,
} from "../core/headerRow";
import { quotedHeaders, REQUIRED_HEADERS } from "../core/messages";
import { FIELD_KEYS, type FieldKey, type MappingOverride } from "../core/model";
import type { XlsxWorkbook } from "../workbook/xlsx";
import { Stop } from "./stop";

/** One `--map FIELD=HEADER`, as typed. */
export interface MapFlag {
  flag: string;
  field: FieldKey;
  header: string;
}

const EXPECTED_HEADERS = `it needs ${REQUIRED_HEADERS}`;

const MAP_EXAMPLE = '--map "Leads=MQL count"';

/** Reads each `--map FIELD=HEADER`; a malformed one, an unknown field or a field mapped twice is bad usage. */
export function parseMapFlags(values: readonly string[]): MapFlag[] {
  const maps: MapFlag[] = [];
  for (const value of values) {
    const flag = `--map "${value}"`;
    const equals = value.indexOf("=");
    if (equals < 0)
      throw new Stop(
        `${flag} needs FIELD=HEADER: the field, "=", then the sheet's header, as in ${MAP_EXAMPLE}.`,
        2,
      );
    const name = value.slice(0, equals).trim();
    const header = value.slice(equals + 1).trim();
    const field = fieldForName(name);
    if (field === null)
      throw new Stop(
        `${flag}: "${name}" is not a field of the vehicle table. Write one of ${FIELD_KEYS.map((key) => FIELD_HEADERS[key]).join(", ")} before "=".`,
        2,
      );
    if (normaliseHeader(header) === "")
      throw new Stop(`${flag}: write the sheet's header after "=", as in ${MAP_EXAMPLE}.`, 2);
    const earlier = maps.find((map) => map.field === field);
    if (earlier)
      throw new Stop(`${earlier.flag} and ${flag} both map ${FIELD_HEADERS[field]}: keep one of them.`, 2);
    maps.push({ flag, field, header });
  }
  return maps;
}

/** The headers `--map` names, by their normalised text, as the header-row search counts them. */
export function mapAliases(maps: readonly MapFlag[]): Map<string, FieldKey> {
  return new Map(maps.map((map) => [normaliseHeader(map.header), map.field]));
}

/** The columns `--map` names in the header row; a header not in it stops the run, naming the headers there. */
export function mappedColumns(table: CellBlock, maps: readonly MapFlag[]): MappingOverride {
  const row = table.cells[0] ?? [];
  const mapping: MappingOverride = {};
  for (const map of maps) {
    const wanted = normaliseHeader(map.header);
    const column = row.findIndex((cell) => normaliseHeader(headerText(cell)) === wanted);
    if (column < 0)
      throw new Stop(
        `${map.flag}: the header row of ${table.sheet} (row ${table.top}) has no column "${map.header}"; ` +
          `it has ${quotedHeaders(row)}. Write the header after "=" as it is in the sheet.`,
        1,
      );
    mapping[map.field] = column;
  }
  return mapping;
}

/** `--header-row N`: a sheet row number, 1 or more. */
export function parseHeaderRow(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const row = Number(value.trim());
  if (!Number.isInteger(row) || row < 1 || value.trim() === "")
    throw new Stop(
      `--header-row needs the sheet row that holds the headers, a whole number such as 3 (not "${value}").`,
      2,
    );
  return row;
}

/** The vehicle table found: the source's cells, the sheet row of its header row, and the cells from that row. */
export interface FoundTable {
  block: CellBlock;
  headerRow: number;
  table: CellBlock;
}

function foundAt(block: CellBlock, headerRow: number): FoundTable {
  return { block, headerRow, table: fromHeaderRow(block, headerRow) ?? block };
}

function searchOf(
  block: CellBlock,
  headerRow: number | undefined,
  aliases: Map<string, FieldKey>,
): HeaderRowSearch {
  if (headerRow === undefined) return findHeaderRow(block, aliases);
  const table = fromHeaderRow(block, headerRow);
  return table && headerRowMatches(table.cells[0] ?? [], aliases)
    ? { kind: "found", row: headerRow }
    : { kind: "none", likeliest: table ? headerRow : null };
}

function severalRows(where: string, rows: readonly number[]): string {
  const choices = rows.map((row) => `--header-row ${row}`);
  return severalHeaderRowsMessage(
    where,
    rows,
    `pass ${choices.slice(0, -1).join(", ")} or ${choices[choices.length - 1]}`,
  );
}

/** The table of a source the user named (`--sheet`, `--table`): its header row, or a message saying why not. */
function namedTable(
  block: CellBlock,
  where: string,
  headerRow: number | undefined,
  aliases: Map<string, FieldKey>,
): FoundTable {
  const search = searchOf(block, headerRow, aliases);
  if (search.kind === "found") return foundAt(block, search.row);
  if (search.kind === "several") throw new Stop(severalRows(where, search.rows), 1);
  if (headerRow !== undefined) {
    const bottom = block.top + Math.max(block.cells.length, 1) - 1;
    const row = fromHeaderRow(block, headerRow)?.cells[0];
    throw new Stop(
      row
        ? `Row ${headerRow} of ${where} is not a vehicle table header row: it has ${quotedHeaders(row)}; ${EXPECTED_HEADERS}. Rename its headers or match them with ${MAP_EXAMPLE}.`
        : `Row ${headerRow} is not in ${where}, whose rows run from ${block.top} to ${bottom}: give --header-row a row within it.`,
      1,
    );
  }
  const likeliest = search.likeliest === null ? null : fromHeaderRow(block, search.likeliest)?.cells[0];
  throw new Stop(
    `None of the first ${HEADER_ROWS_SEARCHED} rows of ${where} is a vehicle table header row: ${EXPECTED_HEADERS}.` +
      (likeliest
        ? ` Row ${search.likeliest} has ${quotedHeaders(likeliest)}: rename its headers or match them with ${MAP_EXAMPLE}.`
        : ""),
    1,
  );
}

/**
 * "\nSheet Data starts with: Name, Cost." for each sheet with anything in it
 * (or "row 3 has" when a lower row names more fields), so the user sees what
 * to rename or map.
 */
async function headersFound(workbook: XlsxWorkbook, aliases: Map<string, FieldKey>): Promise<string> {
  const lines: string[] = [];
  for (const name of workbook.worksheetNames()) {
    const block = await workbook.readSheet(name);
    const search = block ? findHeaderRow(block, aliases) : null;
    if (!block || search?.kind !== "none" || search.likeliest === null) continue;
    const texts = (fromHeaderRow(block, search.likeliest)?.cells[0] ?? []).map(headerText).filter(Boolean);
    const first = block.cells.findIndex((row) => row.some((cell) => headerText(cell) !== ""));
    const where = search.likeliest === block.top + first ? "starts with" : `row ${search.likeliest} has`;
    lines.push(`\nSheet ${name} ${where}: ${texts.join(", ")}.`);
  }
  return lines.join("");
}

export interface SourceFlags {
  sheet?: string;
  table?: string;
  headerRow?: number;
}

/** The vehicle table `plan` reads (SPEC 7): the sheet or table named, else the first sheet with one. */
export async function findVehicleTable(
  workbook: XlsxWorkbook,
  flags: SourceFlags,
  aliases: Map<string, FieldKey>,
): Promise<FoundTable> {
  if (flags.sheet !== undefined) {
    const block = await workbook.readSheet(flags.sheet);
    if (block === null)
      throw new Stop(
        `The workbook has no sheet named "${flags.sheet}" (it has ${workbook.worksheetNames().join(", ") || "none"}).`,
        1,
      );
    return namedTable(block, `sheet "${flags.sheet}"`, flags.headerRow, aliases);
  }
  if (flags.table !== undefined) {
    const isTable = workbook.tableNames().some((name) => name.toLowerCase() === flags.table?.toLowerCase());
    let block: CellBlock;
    try {
      block = await workbook.readSource({ kind: isTable ? "table" : "name", name: flags.table });
    } catch {
      throw new Stop(`The workbook has no table or named range "${flags.table}".`, 1);
    }
    return namedTable(
      block,
      `${isTable ? "table" : "named range"} "${flags.table}"`,
      flags.headerRow,
      aliases,
    );
  }
  let unclear: { sheet: string; rows: number[] } | null = null;
  for (const name of workbook.sheetNames()) {
    const block = await workbook.readSheet(name);
    if (block === null) continue;
    const search = searchOf(block, flags.headerRow, aliases);
    if (search.kind === "found") return foundAt(block, search.row);
    if (search.kind === "several") unclear ??= { sheet: name, rows: search.rows };
  }
  if (unclear) throw new Stop(severalRows(`sheet "${unclear.sheet}"`, unclear.rows), 1);
  const where =
    flags.headerRow === undefined
      ? `among its first ${HEADER_ROWS_SEARCHED} rows`
      : `in row ${flags.headerRow}`;
  throw new Stop(
    `No sheet of the workbook (${workbook.worksheetNames().join(", ") || "it has no worksheets"}) has a vehicle table header row ${where}: ${EXPECTED_HEADERS}.` +
      (await headersFound(workbook, aliases)),
    1,
  );
}
