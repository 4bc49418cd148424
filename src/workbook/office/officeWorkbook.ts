/**
 * The Office.js implementation of the workbook interface, for the add-in.
 * Every call loads only the properties it uses and syncs a fixed number of
 * times: a read two (shapes, then values), a write three (what is there, the
 * figures with the tables, formats and chart, then the long text) and a
 * replan four (the planner's tables' sizes too), except that a read or write
 * beyond the request budget is split into row blocks so no request comes
 * near Excel on the web's 5 MB limit. Sources are cut to their used cells,
 * and a read Excel refuses as too large is read again in measured blocks.
 */
import type { CellBlock, CellValue } from "../../core/cells";
import type { OutputSheet } from "../../core/outputTable";
import { ownedKind } from "../ownedSheets";
import {
  excelErrorMessage,
  officeErrorCode,
  WriteCancelledError,
  WriteFailedError,
  WriteRefusedError,
} from "./officeErrors";
import { mergeRowsEdit, replaceRowsEdit } from "../placement";
import {
  ReadCancelledError,
  type PlannerWorkbook,
  type ReadOptions,
  type SourceCandidate,
  type SourceRef,
  type WriteOptions,
  type WrittenSheet,
} from "../plannerWorkbook";
import {
  loadInputTable,
  plainValue,
  refuseProtectedSheet,
  writeCells,
  writeRowsEdit,
} from "./inputTableCells";
import { NOWHERE, readBlocks, splitAddress } from "./readRanges";
import { writeOutputSheets } from "./writeOutputs";

export { parseAddress, splitAddress } from "./readRanges";
export { REQUEST_BUDGET_BYTES } from "./requests";
export { WriteCancelledError } from "./officeErrors";

/** `Excel.run` as the workbook uses it; tests hand in a recording fake. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel's refusals of a request or a response that is too large. */
const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

/** ExcelApi 1.11 lets a batch wait for the user to leave cell-edit mode; older Excel fails it instead. */
function defaultRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.11")) {
    return Excel.run({ delayForCellEdit: true }, batch);
  }
  return Excel.run(batch);
}

/** A read-only document, or a workbook in view mode on the web, which Excel will not let the planner change. */
function documentIsReadOnly(): boolean {
  return Office.context.document.mode === Office.DocumentMode.ReadOnly;
}

export class OfficeWorkbook implements PlannerWorkbook {
  constructor(
    private readonly run: ExcelRun = defaultRun,
    private readonly isReadOnly: () => boolean = documentIsReadOnly,
  ) {}

  /** Runs a batch, turning Excel's error codes into messages the user can act on. */
  private async guard<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(batch);
    } catch (error) {
      if (
        error instanceof WriteCancelledError ||
        error instanceof ReadCancelledError ||
        error instanceof WriteRefusedError ||
        error instanceof WriteFailedError
      ) {
        throw error;
      }
      throw new Error(excelErrorMessage(error));
    }
  }

  private refuseWhenReadOnly(): void {
    if (this.isReadOnly()) {
      throw new WriteRefusedError(
        "This workbook is open read-only (or in view mode in Excel on the web), so the planner cannot write to it. " +
          "Choose Edit Workbook (or save a copy you can edit) and try again.",
      );
    }
  }

  async listSources(): Promise<SourceCandidate[]> {
    return this.guard(async (context) => {
      const tables = context.workbook.tables.load("items/name");
      const names = context.workbook.names.load("items/name,items/type,items/visible,items/formula");
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const tableRanges = tables.items.map((table) => table.getRange().load("address"));
      await context.sync();
      const candidates: SourceCandidate[] = tables.items.map((table, i) => ({
        kind: "table",
        name: table.name,
        label: `${table.name} (${tableRanges[i].address})`,
        address: tableRanges[i].address,
      }));
      for (const name of names.items) {
        if (name.type !== "Range" || !name.visible || ownedKind(name.name)) continue;
        const address = String(name.formula).replace(/^=/, "");
        candidates.push({ kind: "name", name: name.name, label: `${name.name} (${address})`, address });
      }
      for (const sheet of sheets.items) {
        candidates.push({ kind: "sheet", name: sheet.name, label: sheet.name, address: sheet.name });
      }
      return candidates;
    });
  }

  /** With options, a large source (the lead log) is read in row blocks with progress, and stops between blocks when cancelled. */
  async readSource(source: SourceRef, options?: ReadOptions): Promise<CellBlock> {
    const [block] = await this.readSources([source], options);
    if (block === null) throw new Error(`The workbook has no ${source.kind} named "${source.name}".`);
    return block;
  }

  async readSheet(name: string): Promise<CellBlock | null> {
    const [block] = await this.readSources([{ kind: "sheet", name }]);
    return block;
  }

  /** Every source in two round trips; null for a source the workbook does not have. */
  async readSources(sources: SourceRef[], options: ReadOptions = {}): Promise<(CellBlock | null)[]> {
    try {
      return await this.run((context) => readBlocks(context, sources, options, false));
    } catch (error) {
      if (error instanceof ReadCancelledError) throw error;
      const code = officeErrorCode(error);
      // Longer text than the guess allows: read again with row blocks sized from a sample of the cells.
      if (code && PAYLOAD_CODES.has(code)) {
        return this.guard((context) => readBlocks(context, sources, options, true));
      }
      if (code !== "ItemNotFound") throw new Error(excelErrorMessage(error));
    }
    // A table or a selection's sheet renamed or deleted since it was listed: that source is null, the others are read.
    const present = await this.guard(async (context) => {
      const checks = sources.map((source) => {
        if (source.kind === "table") return context.workbook.tables.getItemOrNullObject(source.name);
        if (source.kind === "selection" && source.name) {
          return context.workbook.worksheets.getItemOrNullObject(splitAddress(source.name).sheet);
        }
        return null;
      });
      await context.sync();
      return checks.map((check) => check === null || !check.isNullObject);
    });
    if (present.every(Boolean)) throw new Error(excelErrorMessage({ code: "ItemNotFound" }));
    const blocks = await this.readSources(
      sources.map((source, i) => (present[i] ? source : NOWHERE)),
      options,
    );
    return blocks.map((block, i) => (present[i] ? block : null));
  }

  async writeOutputs(sheets: OutputSheet[], options: WriteOptions = {}): Promise<WrittenSheet[]> {
    this.refuseWhenReadOnly();
    return this.guard((context) => writeOutputSheets(context, sheets, options));
  }

  /** DATE(1904,1,1) is day 0 of the 1904 date system and 1462 of the 1900 one; asking it writes nothing. */
  async usesDate1904(): Promise<boolean> {
    return this.run(async (context) => {
      const day = context.workbook.functions.date(1904, 1, 1).load("value");
      await context.sync();
      return day.value === 0;
    });
  }

  /**
   * Updates a planner input table where it is: only the cells whose value
   * changes are written, new rows are added at the table's end, and the
   * user's formulas, extra columns and the table itself stay as they are.
   */
  async writeInputTable(
    sheetName: string,
    tableName: string,
    headers: string[],
    rows: CellValue[][],
    mode: "upsert-by-first-column" | "append",
  ): Promise<void> {
    this.refuseWhenReadOnly();
    await this.guard(async (context) => {
      const workbook = context.workbook;
      const sheet = workbook.worksheets.getItemOrNullObject(sheetName).load("name,protection/protected");
      const table = workbook.tables.getItemOrNullObject(tableName);
      const structure = workbook.protection.load("protected");
      await context.sync();
      const plain = rows.map((row) => row.map(plainValue));
      if (table.isNullObject) {
        if (sheet.isNullObject && structure.protected) {
          throw new WriteRefusedError(
            `The workbook's structure is protected, so the planner cannot add the ${sheetName} sheet. ` +
              "Unprotect it (Review › Protect Workbook) and try again.",
          );
        }
        if (!sheet.isNullObject) refuseProtectedSheet(sheet);
        const target = sheet.isNullObject ? workbook.worksheets.add(sheetName) : sheet;
        const range = target.getRangeByIndexes(0, 0, plain.length + 1, headers.length);
        writeCells(target, 0, 0, [headers, ...plain]);
        const created = target.tables.add(range, true);
        created.name = tableName;
        created.style = "TableStyleLight9";
        range.format.autofitColumns();
        await context.sync();
        return;
      }
      const loaded = await loadInputTable(context, table, headers);
      const edit = mergeRowsEdit(
        loaded.body.map((row) => row[loaded.columnOf[0]]),
        plain.map((row) => row[0]),
        mode,
      );
      writeRowsEdit(loaded, plain, edit);
      await context.sync();
    });
  }

  /**
   * The key's rows replaced where they are (see PlannerWorkbook): changed
   * cells written, rows left over deleted one table row at a time, so the
   * table, its other rows and columns and the rest of the sheet stay.
   */
  async replaceInputRows(
    sheetName: string,
    tableName: string,
    headers: string[],
    key: string,
    rows: CellValue[][],
  ): Promise<number> {
    this.refuseWhenReadOnly();
    const exists = await this.guard(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(tableName);
      await context.sync();
      return !table.isNullObject;
    });
    if (!exists) {
      if (rows.length > 0) await this.writeInputTable(sheetName, tableName, headers, rows, "append");
      return 0;
    }
    return this.guard(async (context) => {
      const loaded = await loadInputTable(context, context.workbook.tables.getItem(tableName), headers);
      const { table, sheet: tableSheet, whole, head, body, columnOf } = loaded;
      const edit = replaceRowsEdit(
        body.map((row) => row[columnOf[0]]),
        key,
        rows.length,
      );
      const plain = rows.map((row) => row.map(plainValue));
      writeRowsEdit(loaded, plain, edit);
      // Excel keeps one body row in a table: the last one left is emptied rather than deleted.
      const emptied =
        edit.deleted.length === body.length && edit.added.length === 0 ? edit.deleted.pop() : undefined;
      for (const at of edit.deleted) table.rows.getItemAt(at).delete();
      if (emptied !== undefined) {
        writeCells(tableSheet, whole.rowIndex + 1 + emptied, whole.columnIndex, [head.map(() => "")]);
      }
      await context.sync();
      return edit.over.length + edit.deleted.length + (emptied === undefined ? 0 : 1);
    });
  }
}
