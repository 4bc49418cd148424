/** Where things are in an .xlsx package: the workbook part, its sheets, tables and defined names. */
import { OpcPackage, WorkbookFileError } from "./opcPackage";
import { attributes, decodeXml } from "./xml";

const OFFICE_DOCUMENT = "/officeDocument";
export const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
export const TABLE_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
export const STYLES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

export interface SheetEntry {
  name: string;
  sheetId: number;
  relationshipId: string;
  /** The worksheet part, or null for a chart sheet or a dialog sheet. */
  path: string | null;
}

export interface DefinedName {
  name: string;
  /** Index of the sheet the name is scoped to, or null for a workbook-level name. */
  localSheetId: number | null;
  hidden: boolean;
  formula: string;
}

export interface TableEntry {
  name: string;
  id: number;
  path: string;
  sheetIndex: number;
  /** `A1:T25`, header row included. */
  ref: string;
  headerRowCount: number;
  totalsRowCount: number;
}

export interface WorkbookParts {
  workbookPath: string;
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  tables: TableEntry[];
}

export function findWorkbookPath(pkg: OpcPackage): string {
  const main = pkg.relationships("").find((rel) => rel.type.endsWith(OFFICE_DOCUMENT));
  const path = main?.target ?? "xl/workbook.xml";
  if (!pkg.has(path)) {
    throw new WorkbookFileError(
      "This file has no workbook inside: save it from Excel as an Excel Workbook (.xlsx).",
    );
  }
  return path;
}

export function readWorkbookParts(pkg: OpcPackage): WorkbookParts {
  const workbookPath = findWorkbookPath(pkg);
  const xml = pkg.text(workbookPath) ?? "";
  const rels = new Map(pkg.relationships(workbookPath).map((rel) => [rel.id, rel]));
  const sheetsXml = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(xml)?.[1] ?? "";
  const sheets: SheetEntry[] = [...sheetsXml.matchAll(/<sheet\b([^>]*)>/g)].map((match) => {
    const attrs = attributes(match[1]);
    const relationshipId = Object.entries(attrs).find(([key]) => key.endsWith(":id"))?.[1] ?? "";
    const rel = rels.get(relationshipId);
    return {
      name: attrs.name,
      sheetId: Number(attrs.sheetId),
      relationshipId,
      path: rel && rel.type === WORKSHEET_TYPE && pkg.has(rel.target) ? rel.target : null,
    };
  });
  const definedNames = [...xml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((match) => {
    const attrs = attributes(match[1]);
    return {
      name: attrs.name,
      localSheetId: attrs.localSheetId === undefined ? null : Number(attrs.localSheetId),
      hidden: attrs.hidden === "1" || attrs.hidden === "true",
      formula: decodeXml(match[2]),
    };
  });
  const tables: TableEntry[] = [];
  sheets.forEach((sheet, sheetIndex) => {
    if (sheet.path === null) return;
    for (const rel of pkg.relationships(sheet.path)) {
      if (rel.type !== TABLE_TYPE || !pkg.has(rel.target)) continue;
      const tableXml = pkg.text(rel.target) ?? "";
      const attrs = attributes(/<table\b([^>]*)>/.exec(tableXml)?.[1] ?? "");
      tables.push({
        name: attrs.displayName ?? attrs.name,
        id: Number(attrs.id),
        path: rel.target,
        sheetIndex,
        ref: attrs.ref,
        headerRowCount: attrs.headerRowCount === undefined ? 1 : Number(attrs.headerRowCount),
        totalsRowCount: attrs.totalsRowCount === undefined ? 0 : Number(attrs.totalsRowCount),
      });
    }
  });
  return { workbookPath, sheets, definedNames, tables };
}
