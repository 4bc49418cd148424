/** What a workbook file offers to plan from, and the sheet the CLI plans from when told nothing. */
import { cellReference } from "../../core/cellReference";
import { headerRowMatches } from "../../core/headers";
import type { SourceCandidate, SourceRef } from "../plannerWorkbook";
import type { XlsxWorkbook } from "./index";
import { parseSheetRange } from "./ranges";
import type { WorkbookParts } from "./workbookParts";

/** The workbook's tables, then its visible workbook-level names of a range, then its worksheets. */
export function sourceCandidates(parts: WorkbookParts): SourceCandidate[] {
  const tables = parts.tables.map((table) => {
    const address = `${quoted(parts.sheets[table.sheetIndex].name)}!${table.ref}`;
    return { kind: "table" as const, name: table.name, label: `${table.name} (${address})`, address };
  });
  const names = parts.definedNames
    .filter((name) => name.localSheetId === null && !name.hidden && !name.name.startsWith("_xlnm."))
    .filter((name) => parseSheetRange(name.formula) !== null)
    .map((name) => ({
      kind: "name" as const,
      name: name.name,
      label: `${name.name} (${name.formula})`,
      address: name.formula,
    }));
  const sheets = parts.sheets
    .filter((sheet) => sheet.path !== null)
    .map((sheet) => ({
      kind: "sheet" as const,
      name: sheet.name,
      label: sheet.name,
      address: quoted(sheet.name),
    }));
  return [...tables, ...names, ...sheets];
}

function quoted(sheet: string): string {
  return cellReference(sheet, 1, 1).replace(/!A1$/, "");
}

/** The first sheet whose first non-empty row matches a vehicle table's headers (SPEC 1.1), or null. */
export async function findVehicleSource(workbook: XlsxWorkbook): Promise<SourceRef | null> {
  for (const name of workbook.sheetNames()) {
    const block = await workbook.readSheet(name);
    if (block && block.cells.length > 0 && headerRowMatches(block.cells[0])) return { kind: "sheet", name };
  }
  return null;
}
