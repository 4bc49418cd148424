/**
 * Writes one planner sheet holding one Excel table into the package: the
 * worksheet part (header row, values, frozen header, column widths), its
 * table part, and the entries that list them. A sheet the planner made
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
}

function cellXml(ref: string, value: OutputCell, style: number | undefined): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  if (typeof value === "number") return `<c r="${ref}"${s}><v>${value}</v></c>`;
  const text = value ?? "";
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeCellText(text)}</t></is></c>`;
}

function worksheetXml(
  table: TableSheet,
  styles: Record<ColumnFormat, number>,
  tableRelId: string,
  dialect: Dialect,
): string {
  const letters = table.columns.map((_, i) => columnLetters(i + 1));
  const lastRow = Math.max(2, table.rows.length + 1);
  const ref = `A1:${letters[letters.length - 1]}${lastRow}`;
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${dialect.main}" xmlns:r="${dialect.relationships}">`,
    `<dimension ref="${ref}"/>`,
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/><cols>',
  ];
  table.columns.forEach((column, i) => {
    parts.push(`<col min="${i + 1}" max="${i + 1}" width="${column.width}" customWidth="1"/>`);
  });
  parts.push('</cols><sheetData><row r="1">');
  table.columns.forEach((column, i) => parts.push(cellXml(`${letters[i]}1`, column.header, undefined)));
  parts.push("</row>");
  table.rows.forEach((row, r) => {
    const rowNumber = r + 2;
    parts.push(`<row r="${rowNumber}">`);
    table.columns.forEach((column, i) => {
      const value = row[i] ?? null;
      if (value === null || (typeof value === "number" && !Number.isFinite(value))) return;
      parts.push(cellXml(`${letters[i]}${rowNumber}`, value, styles[column.format]));
    });
    parts.push("</row>");
  });
  parts.push("</sheetData>");
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  parts.push(`<tableParts count="1"><tablePart r:id="${tableRelId}"/></tableParts></worksheet>`);
  return parts.join("");
}

function tableXml(table: TableSheet, id: number, dialect: Dialect): string {
  const lastColumn = columnLetters(table.columns.length);
  const ref = `A1:${lastColumn}${Math.max(2, table.rows.length + 1)}`;
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
  const tablePath = unusedPath(pkg, "xl/tables", "table", 1);
  const tableRelId = addRelationship(
    pkg,
    sheetPath,
    relationshipType(dialect, "table"),
    relativePath(sheetPath, tablePath),
  );
  pkg.setText(tablePath, withPrefix(tableXml(table, nextTableId(), dialect), prefix));
  addContentTypeOverride(pkg, tablePath, TABLE_CONTENT);
  pkg.setText(sheetPath, withPrefix(worksheetXml(table, styles, tableRelId, dialect), prefix));
  return sheetIndex;
}
