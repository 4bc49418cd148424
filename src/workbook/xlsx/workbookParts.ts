/** Where things are in an .xlsx package: the workbook part, its sheets, tables and defined names. */
import { isRelationshipType, spreadsheetMain, tagPattern, type Dialect } from "./dialect";
import { OpcPackage, WorkbookFileError } from "./opcPackage";
import { attributes, decodeXml } from "./xml";

/** The Transitional relationship types; a Strict package has its own (see dialect.ts). */
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
  /** The package's SpreadsheetML dialect, and the prefix its workbook part gives the main namespace (`x:` or `""`). */
  dialect: Dialect;
  prefix: string;
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  tables: TableEntry[];
}

export function findWorkbookPath(pkg: OpcPackage): string {
  const main = pkg.relationships("").find((rel) => isRelationshipType(rel.type, "officeDocument"));
  const path = main?.target ?? "xl/workbook.xml";
  if (!pkg.has(path)) {
    throw new WorkbookFileError(
      "This file has no workbook inside: save it from Excel as an Excel Workbook (.xlsx).",
    );
  }
  return path;
}

/** A package that lists a sheet whose part is not there. */
function missingSheetPart(name: string): WorkbookFileError {
  return new WorkbookFileError(
    `This .xlsx file is damaged: the part that holds the sheet "${name}" is missing. Open it in Excel, let Excel repair it, and save it again.`,
  );
}

export function readWorkbookParts(pkg: OpcPackage): WorkbookParts {
  const workbookPath = findWorkbookPath(pkg);
  const xml = pkg.text(workbookPath) ?? "";
  const { dialect, prefix } = spreadsheetMain(xml);
  const tag = (local: string) => tagPattern(prefix, local);
  const rels = new Map(pkg.relationships(workbookPath).map((rel) => [rel.id, rel]));
  const sheetsXml =
    new RegExp(`<${tag("sheets")}\\b[^>]*>([\\s\\S]*?)</${tag("sheets")}>`).exec(xml)?.[1] ?? "";
  const sheets: SheetEntry[] = [...sheetsXml.matchAll(new RegExp(`<${tag("sheet")}\\b([^>]*)>`, "g"))].map(
    (match) => {
      const attrs = attributes(match[1]);
      const relationshipId = Object.entries(attrs).find(([key]) => key.endsWith(":id"))?.[1] ?? "";
      const rel = rels.get(relationshipId);
      if (!rel) throw missingSheetPart(attrs.name);
      const isWorksheet = isRelationshipType(rel.type, "worksheet");
      if (isWorksheet && !pkg.has(rel.target)) throw missingSheetPart(attrs.name);
      return {
        name: attrs.name,
        sheetId: Number(attrs.sheetId),
        relationshipId,
        path: isWorksheet ? rel.target : null,
      };
    },
  );
  const definedNamePattern = new RegExp(
    `<${tag("definedName")}\\b([^>]*)>([\\s\\S]*?)</${tag("definedName")}>`,
    "g",
  );
  const definedNames = [...xml.matchAll(definedNamePattern)].map((match) => {
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
      if (!isRelationshipType(rel.type, "table") || !pkg.has(rel.target)) continue;
      const tableXml = pkg.text(rel.target) ?? "";
      const tablePrefix = spreadsheetMain(tableXml).prefix;
      const attrs = attributes(
        new RegExp(`<${tagPattern(tablePrefix, "table")}\\b([^>]*)>`).exec(tableXml)?.[1] ?? "",
      );
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
  return { workbookPath, dialect, prefix, sheets, definedNames, tables };
}
