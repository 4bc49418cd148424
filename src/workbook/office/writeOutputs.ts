/**
 * Writing the planner's output sheets in one Excel.run: what is there, then
 * (on a replan) the planner's tables' sizes, then the figures with the
 * tables, formats and charts, then the long text. The placement plan
 * (../placement.ts) decides names and what is replaced; a failed first write
 * takes back the sheets it added.
 */
import type { OutputSheet } from "../../core/outputTable";
import { ownedSheetName } from "../ownedSheets";
import { placeOutputs, type SheetPlacement } from "../placement";
import type { WriteOptions, WrittenSheet } from "../plannerWorkbook";
import { excelErrorMessage, WriteCancelledError, WriteFailedError, WriteRefusedError } from "./officeErrors";
import { placesFromA1, rewriteSheet, writeSheet, type SheetParts, type SheetShape } from "./outputTables";
import { sendInRequests, type QueuedPart } from "./requests";

/** Replaces the planner's own output sheets with these (see PlannerWorkbook.writeOutputs). */
export async function writeOutputSheets(
  context: Excel.RequestContext,
  sheets: OutputSheet[],
  options: WriteOptions,
): Promise<WrittenSheet[]> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets.load("items/name,items/position,items/protection/protected");
  const tables = workbook.tables.load("items/name,items/worksheet/name");
  const names = workbook.names.load("items/name,items/formula");
  const structure = workbook.protection.load("protected");
  await context.sync();
  if (options.isCancelled?.()) throw new WriteCancelledError();

  const placements = placeOutputs(
    sheets,
    {
      sheets: worksheets.items.map((sheet) => sheet.name),
      tables: tables.items.map((table) => ({ name: table.name, sheet: table.worksheet.name })),
      names: names.items.map((name) => ({ name: name.name, formula: String(name.formula) })),
    },
    { clearedSheetKeepsTables: true },
  );
  const sheetByName = new Map(worksheets.items.map((sheet) => [sheet.name.toLowerCase(), sheet]));
  const tableByName = new Map(tables.items.map((table) => [table.name.toLowerCase(), table]));
  const replacedSheet = (place: SheetPlacement) =>
    place.replaces === null ? undefined : sheetByName.get(place.replaces.toLowerCase());
  refuseProtected(placements, replacedSheet, structure.protected);
  const replacing = placements.some((place) => place.replaces !== null);

  // A replan updates the planner's own tables in place, so it needs their shapes first.
  const shapes = placements.map((place): SheetShape | null => {
    const old = replacedSheet(place);
    if (!place.inPlace || !old) return null;
    return {
      tables: place.tableNames.map((name) => {
        const table = tableByName.get(name.toLowerCase()) as Excel.Table;
        return { table, range: table.getRange().load("rowIndex,columnIndex,rowCount,columnCount") };
      }),
      charts: old.charts.load("items/name"),
    };
  });
  if (shapes.some((shape) => shape !== null)) await context.sync();

  context.application.suspendApiCalculationUntilNextSync();
  const added: string[] = [];
  const figures: QueuedPart[] = [];
  const prose: QueuedPart[] = [];
  sheets.forEach((sheet, i) => {
    const place = placements[i];
    const old = replacedSheet(place);
    const shape = shapes[i];
    let parts: SheetParts;
    if (old && shape) {
      parts = rewriteSheet(old, sheet, shape);
    } else {
      let target: Excel.Worksheet;
      if (old) {
        target = old;
        old.getRange().clear();
      } else {
        target = workbook.worksheets.add(place.sheetName);
        added.push(place.sheetName);
        names.items.find((name) => name.name === place.staleMarker)?.delete();
        if (place.marker) workbook.names.add(place.marker.name, target.getRange("A1")).visible = false;
      }
      parts = writeSheet(target, sheet, placesFromA1(sheet, place.tableNames));
    }
    figures.push(...parts.figures);
    prose.push(...parts.prose);
  });
  const written: WrittenSheet[] = placements.map((place) => ({
    kind: place.kind,
    sheetName: place.sheetName,
    tableName: place.tableNames[0],
    note: place.note,
  }));
  try {
    await sendInRequests(context, [figures, prose], options.onProgress);
  } catch (error) {
    const cause = excelErrorMessage(error);
    // Only a first write can be taken back whole: a replan has already overwritten the old figures.
    const markers = sheets.map((sheet) => ownedSheetName(sheet.kind));
    const unchanged = !replacing && (await removeSheets(context, added, markers));
    throw new WriteFailedError(unchanged, cause);
  }
  return written;
}

/** Says, before anything is changed, which protection stops the write and how to lift it. */
function refuseProtected(
  placements: readonly SheetPlacement[],
  replacedSheet: (place: SheetPlacement) => Excel.Worksheet | undefined,
  structureProtected: boolean,
): void {
  for (const place of placements) {
    const old = replacedSheet(place);
    if (old?.protection.protected) {
      throw new WriteRefusedError(
        `The sheet "${old.name}" is protected, so the planner cannot update it. ` +
          "Unprotect it (Review › Unprotect Sheet) and plan again.",
      );
    }
  }
  if (structureProtected && placements.some((place) => place.replaces === null)) {
    throw new WriteRefusedError(
      "The workbook's structure is protected, so the planner cannot add its sheets. " +
        "Unprotect it (Review › Protect Workbook) and plan again.",
    );
  }
}

/** Takes back the sheets a failed first write added, with the marker names it gave them; true when that worked. */
async function removeSheets(
  context: Excel.RequestContext,
  sheetNames: string[],
  markers: string[],
): Promise<boolean> {
  try {
    const sheets = sheetNames.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    const names = context.workbook.names.load("items/name");
    await context.sync();
    for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
    const added = new Set(markers.map((marker) => marker.toLowerCase()));
    for (const name of names.items) if (added.has(name.name.toLowerCase())) name.delete();
    await context.sync();
    return true;
  } catch {
    return false;
  }
}
