/**
 * Writes one planner sheet holding one Excel table (or several side by side)
 * into the package: the worksheet part (header row, values, frozen header,
 * column widths), its table parts, and the entries that list them. A sheet the planner made
 * before is rewritten in place; any other sheet is never touched.
 */
import { columnLetters } from "../../core/cellReference";
import type { ColumnFormat, OutputCell, OutputColumn } from "../../core/outputTable";
import { OpcPackage, relationshipsPath, relativePath } from "./opcPackage";
import {
  addContentTypeOverride,
  addRelationship,
  deleteReachableParts,
  removeContentTypeOverrides,
} from "./packageEdits";
import { relationshipType, tagPattern, withPrefix, type Dialect } from "./dialect";
import type { WorkbookParts } from "./workbookParts";
import { escapeCellText, escapeXml, namespacePrefix } from "./xml";

const WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const TABLE_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

export interface TableSheet {
  sheetName: string;
  tableName: string;
  columns: readonly OutputColumn[];
  rows: readonly (readonly OutputCell[])[];
  /** Further tables of the sheet, each to the right of the one before, one empty column between. */
  moreTables?: readonly TablePart[];
}

export interface TablePart {
  tableName: string;
  columns: readonly OutputColumn[];
  rows: readonly (readonly OutputCell[])[];
}

/** A table where it sits: `first` is its first column (1-based). */
interface PlacedTable extends TablePart {
  first: number;
}

function placeTables(table: TableSheet): PlacedTable[] {
  const placed: PlacedTable[] = [];
  let first = 1;
  for (const part of [table, ...(table.moreTables ?? [])]) {
    placed.push({ tableName: part.tableName, columns: part.columns, rows: part.rows, first });
    first += part.columns.length + 1;
  }
  return placed;
}

/** A table's range, header row included; a table with no rows still spans one empty row, as Excel requires. */
function tableRef(table: PlacedTable): string {
  const last = columnLetters(table.first + table.columns.length - 1);
  return `${columnLetters(table.first)}1:${last}${Math.max(2, table.rows.length + 1)}`;
}

function cellXml(ref: string, value: OutputCell, style: number | undefined): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  if (typeof value === "number") return `<c r="${ref}"${s}><v>${value}</v></c>`;
  const text = value ?? "";
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeCellText(text)}</t></is></c>`;
}

function worksheetXml(
  tables: readonly PlacedTable[],
  styles: Record<ColumnFormat, number>,
  tableRelIds: readonly string[],
  dialect: Dialect,
): string {
  const lastTable = tables[tables.length - 1];
  const lastRow = Math.max(2, ...tables.map((table) => table.rows.length + 1));
  const ref = `A1:${columnLetters(lastTable.first + lastTable.columns.length - 1)}${lastRow}`;
  const letters = tables.map((table) => table.columns.map((_, i) => columnLetters(table.first + i)));
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${dialect.main}" xmlns:r="${dialect.relationships}">`,
    `<dimension ref="${ref}"/>`,
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/><cols>',
  ];
  tables.forEach((table) =>
    table.columns.forEach((column, i) => {
      const n = table.first + i;
      parts.push(`<col min="${n}" max="${n}" width="${column.width}" customWidth="1"/>`);
    }),
  );
  parts.push('</cols><sheetData><row r="1">');
  tables.forEach((table, t) =>
    table.columns.forEach((column, i) => parts.push(cellXml(`${letters[t][i]}1`, column.header, undefined))),
  );
  parts.push("</row>");
  for (let r = 0; r < lastRow - 1; r++) {
    const rowNumber = r + 2;
    parts.push(`<row r="${rowNumber}">`);
    tables.forEach((table, t) => {
      const row = table.rows[r];
      if (row === undefined) return;
      table.columns.forEach((column, i) => {
        const value = row[i] ?? null;
        if (value === null || (typeof value === "number" && !Number.isFinite(value))) return;
        parts.push(cellXml(`${letters[t][i]}${rowNumber}`, value, styles[column.format]));
      });
    });
    parts.push("</row>");
  }
  parts.push("</sheetData>");
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  const tableParts = tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("");
  parts.push(`<tableParts count="${tableRelIds.length}">${tableParts}</tableParts></worksheet>`);
  return parts.join("");
}

function tableXml(table: PlacedTable, id: number, dialect: Dialect): string {
  const ref = tableRef(table);
  const columns = table.columns
    .map((column, i) => `<tableColumn id="${i + 1}" name="${escapeXml(column.header)}"/>`)
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="${dialect.main}" id="${id}" name="${escapeXml(table.tableName)}" displayName="${escapeXml(table.tableName)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

function unusedPath(pkg: OpcPackage, folder: string, stem: string, from: number): string {
  let n = from;
  while (pkg.has(`${folder}/${stem}${n}.xml`)) n++;
  return `${folder}/${stem}${n}.xml`;
}

/** Where a table sheet goes: over a sheet the planner made before, or a new sheet at the end. */
export type SheetTarget = { replaceIndex: number } | { newSheet: true };

/**
 * Writes the sheet and returns its index in the workbook. `nextTableId` is
 * shared across calls so table ids stay unique in the workbook.
 */
export function writeTableSheet(
  pkg: OpcPackage,
  parts: WorkbookParts,
  target: SheetTarget,
  table: TableSheet,
  styles: Record<ColumnFormat, number>,
  nextTableId: () => number,
): number {
  const { workbookPath, dialect, prefix } = parts;
  let sheetIndex: number;
  let sheetPath: string;
  if ("replaceIndex" in target) {
    sheetIndex = target.replaceIndex;
    const entry = parts.sheets[sheetIndex];
    sheetPath = entry.path ?? unusedPath(pkg, "xl/worksheets", "sheet", parts.sheets.length + 1);
    removeContentTypeOverrides(pkg, deleteReachableParts(pkg, sheetPath));
  } else {
    sheetIndex = parts.sheets.length;
    sheetPath = unusedPath(pkg, "xl/worksheets", "sheet", parts.sheets.length + 1);
    const relationshipId = addRelationship(
      pkg,
      workbookPath,
      relationshipType(dialect, "worksheet"),
      relativePath(workbookPath, sheetPath),
    );
    const sheetId = Math.max(0, ...parts.sheets.map((sheet) => sheet.sheetId)) + 1;
    const workbook = pkg.text(workbookPath) ?? "";
    const rootTag = new RegExp(`<${tagPattern(prefix, "workbook")}\\b[^>]*>`).exec(workbook)?.[0] ?? "";
    const rootPrefix = namespacePrefix(rootTag, dialect.relationships);
    const r = rootPrefix ?? "r";
    const declaration = rootPrefix ? "" : ` xmlns:r="${dialect.relationships}"`;
    const sheet = `<${prefix}sheet name="${escapeXml(table.sheetName)}" sheetId="${sheetId}" ${r}:id="${relationshipId}"${declaration}/>`;
    pkg.setText(workbookPath, workbook.replace(`</${prefix}sheets>`, `${sheet}</${prefix}sheets>`));
    addContentTypeOverride(pkg, sheetPath, WORKSHEET_CONTENT);
    parts.sheets.push({ name: table.sheetName, sheetId, relationshipId, path: sheetPath });
  }
  pkg.delete(relationshipsPath(sheetPath));
  const placed = placeTables(table);
  const tableRelIds = placed.map((part) => {
    const tablePath = unusedPath(pkg, "xl/tables", "table", 1);
    const tableRelId = addRelationship(
      pkg,
      sheetPath,
      relationshipType(dialect, "table"),
      relativePath(sheetPath, tablePath),
    );
    pkg.setText(tablePath, withPrefix(tableXml(part, nextTableId(), dialect), prefix));
    addContentTypeOverride(pkg, tablePath, TABLE_CONTENT);
    return tableRelId;
  });
  pkg.setText(sheetPath, withPrefix(worksheetXml(placed, styles, tableRelIds, dialect), prefix));
  return sheetIndex;
}
