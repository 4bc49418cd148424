/**
 * What the pane needs from where it runs. In Excel it is handed the Office.js
 * workbook and the few Excel-only actions; in a plain browser it is handed a
 * way to open .xlsx files. Tests hand it fakes of either.
 */
import type { CellValue } from "../core/cells";
import type { MappingOverride } from "../core/model";
import type { ResolvedMapping } from "../workbook/savedMapping";
import type { PlannerWorkbook, SourceRef } from "../workbook/plannerWorkbook";

export interface ExcelActions {
  /** Select one cell, e.g. `'Vehicle List'!C7`, so the user sees the problem in Excel. */
  selectCell(reference: string): Promise<void>;
  /** Bring a sheet the plan wrote to the front. */
  activateSheet(sheetName: string): Promise<void>;
  /** The mapping the user saved with the workbook for this source, if any, over the source's header row. */
  readSavedMapping(source: SourceRef, headerRow: readonly CellValue[]): Promise<ResolvedMapping | null>;
  /** Keeps the mapping with the workbook, each field by its column's header text. */
  saveMapping(source: SourceRef, mapping: MappingOverride, headerRow: readonly CellValue[]): Promise<void>;
  /** Calls back when the cells of the source change; returns the way to stop listening. */
  onSourceChanged(source: SourceRef, handler: () => void): Promise<() => void>;
  /** Calls back when a sheet or table is added or deleted; returns the way to stop listening. */
  onSourcesChanged?(handler: () => void): Promise<() => void>;
}

/** A workbook opened from a file, which can be saved back into one. */
export interface FileWorkbook extends PlannerWorkbook {
  toBytes(): Promise<Uint8Array>;
}

export interface OpenedFile {
  workbook: FileWorkbook;
  /** The vehicle table the file library found, to preselect. */
  vehicleSource: SourceRef | null;
}

export type PaneHost =
  | { kind: "excel"; workbook: PlannerWorkbook; excel: ExcelActions }
  | {
      kind: "browser";
      /** Reads an .xlsx file; rejects with a message for the user when it is not one. */
      openFile(bytes: Uint8Array): Promise<OpenedFile>;
      /** The bytes of the bundled sample workbook. */
      loadSample(): Promise<Uint8Array>;
      /** Hands the user a file to keep. */
      download(bytes: Uint8Array, fileName: string): void;
    };
