/**
 * The add-in's side of the workbook: the Office.js workbook and the few
 * Excel-only actions the pane offers (select a problem's cell, show a sheet,
 * keep the column mapping with the workbook, follow edits to the source).
 */
import type { CellValue } from "../../core/cells";
import type { MappingOverride } from "../../core/model";
import type { SourceRef } from "../plannerWorkbook";
import { resolveSavedMapping, toSavedMapping, type ResolvedMapping } from "../savedMapping";

import { splitAddress, type ExcelRun } from "./officeWorkbook";

export { OfficeWorkbook, WriteCancelledError } from "./officeWorkbook";

/** Selects one cell, e.g. `'Vehicle List'!C7`, and brings its sheet to the front. */
export async function selectCell(reference: string): Promise<void> {
  await Excel.run(async (context) => {
    const bang = reference.lastIndexOf("!");
    const rawSheet = reference.slice(0, bang);
    const sheetName = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(reference.slice(bang + 1)).select();
    await context.sync();
  });
}

export async function activateSheet(sheetName: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheetName).activate();
    await context.sync();
  });
}

function mappingKey(source: SourceRef): string {
  return `VehiclePlanner.mapping.${source.kind}.${source.name.toLowerCase()}`;
}

/** The column mapping the user saved with this workbook for this source, over the source's header row today. */
export async function readSavedMapping(
  source: SourceRef,
  headerRow: readonly CellValue[],
): Promise<ResolvedMapping | null> {
  return resolveSavedMapping(Office.context.document.settings.get(mappingKey(source)), headerRow);
}

/** Keeps the mapping, by header text, in the workbook's add-in settings, which Excel saves with the file. */
export async function saveMapping(
  source: SourceRef,
  mapping: MappingOverride,
  headerRow: readonly CellValue[],
): Promise<void> {
  Office.context.document.settings.set(mappingKey(source), toSavedMapping(mapping, headerRow));
  await new Promise<void>((resolve, reject) =>
    Office.context.document.settings.saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded
        ? resolve()
        : reject(new Error(result.error.message)),
    ),
  );
}

/**
 * Calls back when a sheet is added or deleted, or (ExcelApi 1.9, detected at
 * run time) a table, so the pane's list of sources follows the workbook.
 */
export async function onSourcesChanged(
  handler: () => void,
  run: ExcelRun = (batch) => Excel.run(batch),
  supports: (version: string) => boolean = (version) =>
    Office.context.requirements.isSetSupported("ExcelApi", version),
): Promise<() => void> {
  return run(async (context) => {
    const { worksheets, tables } = context.workbook;
    const call = async () => handler();
    const registrations = [worksheets.onAdded.add(call), worksheets.onDeleted.add(call)];
    if (supports("1.9")) registrations.push(tables.onAdded.add(call), tables.onDeleted.add(call));
    await context.sync();
    return () => {
      void Excel.run(registrations[0].context, async (context) => {
        for (const registration of registrations) registration.remove();
        await context.sync();
      });
    };
  });
}

/** The sheet that holds a source: the sheet itself, a table's or a name's sheet, or a kept selection's. */
export function sourceSheet(context: Excel.RequestContext, source: SourceRef): Excel.Worksheet {
  const workbook = context.workbook;
  switch (source.kind) {
    case "sheet":
      return workbook.worksheets.getItem(source.name);
    case "table":
      return workbook.tables.getItem(source.name).worksheet;
    case "name":
      return workbook.names.getItem(source.name).getRange().worksheet;
    case "selection":
      return source.name
        ? workbook.worksheets.getItem(splitAddress(source.name).sheet)
        : workbook.worksheets.getActiveWorksheet();
  }
}

/** Calls back when cells change on the sheet that holds the source; returns the way to stop. */
export async function onSourceChanged(
  source: SourceRef,
  handler: () => void,
  run: ExcelRun = (batch) => Excel.run(batch),
): Promise<() => void> {
  return run(async (context) => {
    const registration = sourceSheet(context, source).onChanged.add(async () => handler());
    await context.sync();
    return () => {
      void Excel.run(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      });
    };
  });
}
