/**
 * The file implementation of the workbook interface, for the CLI and the
 * pane in a plain browser: it reads an .xlsx package and adds the planner's
 * sheets to that same package, so everything else in the user's workbook
 * (charts, pivot tables, images, validation, comments, names, tables) is
 * kept exactly as it was.
 */
import type { CellBlock, CellValue } from "../../core/cells";
import { chartLayouts } from "../../core/charts";
import { normaliseHeader } from "../../core/headers";
import { WRITE_CANCELLED } from "../../core/messages";
import type { OutputSheet } from "../../core/outputTable";
import type {
  PlannerWorkbook,
  SourceCandidate,
  SourceRef,
  WriteOptions,
  WrittenSheet,
} from "../plannerWorkbook";
import { DAMAGED, OpcPackage, WorkbookFileError, type Inflater } from "./opcPackage";
import { isRelationshipType } from "./dialect";
import { readSharedStrings, SheetScanner, type SheetGrid } from "./sheetCells";
import { writeSheetCharts } from "./charts";
import { addColumnStyles } from "./styles";
import {
  applyRowsEdit,
  inputTableName,
  mergeInputRows,
  mergeRowsEdit,
  placeOutputs,
  replaceRowsEdit,
  type WorkbookNames,
} from "../placement";
import { rewriteTableBody, tableBottom, tableEndingAt } from "./tableBody";
import { writeTableSheet, type SheetTarget, type TableSheet } from "./tableSheet";
import { escapeXml } from "./xml";
import { addDefinedNames, removeDefinedNames } from "./definedNames";
import { blockOf } from "./cellBlock";
import { parseRange, parseSheetRange, sameName, type Range } from "./ranges";
import { sourceCandidates } from "./sources";
import { readWorkbookParts, type TableEntry, type WorkbookParts } from "./workbookParts";

export { WorkbookFileError, type Inflater } from "./opcPackage";
export { findVehicleSource } from "./sources";

export class WriteCancelledError extends Error {
  constructor() {
    super(WRITE_CANCELLED);
    this.name = "WriteCancelledError";
  }
}

/** A planner input table found in the package, its body as wide as the table. */
interface InputTable {
  entry: TableEntry;
  range: Range;
  /** Where each header the planner writes is, counted from the table's first column. */
  columnOf: number[];
  width: number;
  body: readonly (readonly CellValue[])[];
}

export class XlsxWorkbook implements PlannerWorkbook {
  private parts: WorkbookParts;
  private sharedStrings: string[] | null = null;
  private readonly cellsBySheet = new Map<number, Promise<SheetGrid>>();

  private constructor(private readonly pkg: OpcPackage) {
    this.parts = readWorkbookParts(pkg);
  }

  /**
   * Reads an .xlsx file; rejects with a WorkbookFileError the user can act on
   * when it is not one. `inflate` streams the worksheets (fflate's by default).
   */
  static async open(bytes: Uint8Array, options: { inflate?: Inflater } = {}): Promise<XlsxWorkbook> {
    try {
      return new XlsxWorkbook(OpcPackage.open(bytes, options.inflate));
    } catch (error) {
      if (error instanceof WorkbookFileError) throw error;
      throw new WorkbookFileError(DAMAGED);
    }
  }

  sheetNames(): string[] {
    return this.parts.sheets.map((sheet) => sheet.name);
  }

  /** The sheets that hold cells (not chart sheets). */
  worksheetNames(): string[] {
    return this.parts.sheets.filter((sheet) => sheet.path !== null).map((sheet) => sheet.name);
  }

  tableNames(): string[] {
    return this.parts.tables.map((table) => table.name);
  }

  async listSources(): Promise<SourceCandidate[]> {
    return sourceCandidates(this.parts);
  }

  async readSource(source: SourceRef): Promise<CellBlock> {
    if (source.kind === "sheet") {
      const block = await this.readSheet(source.name);
      if (block === null) throw new WorkbookFileError(`The workbook has no sheet named "${source.name}".`);
      return block;
    }
    if (source.kind === "table") {
      const table = this.parts.tables.find((candidate) => sameName(candidate.name, source.name));
      const range = table ? parseRange(table.ref) : null;
      if (!table || !range) throw new WorkbookFileError(`The workbook has no table named "${source.name}".`);
      range.bottom -= table.totalsRowCount;
      return this.block(table.sheetIndex, range);
    }
    if (source.kind === "name") {
      const name = this.parts.definedNames.find(
        (candidate) => candidate.localSheetId === null && sameName(candidate.name, source.name),
      );
      const target = name ? parseSheetRange(name.formula) : null;
      const sheetIndex = target ? this.sheetIndex(target.sheet) : -1;
      if (!target || sheetIndex < 0)
        throw new WorkbookFileError(`The workbook has no named range "${source.name}".`);
      return this.block(sheetIndex, target.range);
    }
    throw new WorkbookFileError(
      "A workbook file has no selection: choose a table, a named range or a sheet.",
    );
  }

  async readSources(sources: SourceRef[]): Promise<(CellBlock | null)[]> {
    return Promise.all(sources.map((source) => this.readSource(source).catch(() => null)));
  }

  /** The used range of a sheet from its first non-empty row, or null when there is no such sheet. */
  async readSheet(name: string): Promise<CellBlock | null> {
    const index = this.sheetIndex(name);
    if (index < 0 || this.parts.sheets[index].path === null) return null;
    const grid = await this.cells(index);
    const rows = grid.rowNumbers;
    if (rows.length === 0) return { sheet: this.parts.sheets[index].name, top: 1, left: 1, cells: [] };
    return this.block(index, {
      top: rows[0],
      left: grid.left,
      bottom: rows[rows.length - 1],
      right: grid.right,
    });
  }

  async writeOutputs(sheets: OutputSheet[], options: WriteOptions = {}): Promise<WrittenSheet[]> {
    if (options.isCancelled?.()) throw new WriteCancelledError();
    const placements = placeOutputs(sheets, this.names(), { clearedSheetKeepsTables: false });
    let tableId = Math.max(0, ...this.parts.tables.map((table) => table.id));
    const styles = addColumnStyles(this.pkg, this.parts.workbookPath);
    const newMarkers: string[] = [];

    sheets.forEach((sheet, i) => {
      const place = placements[i];
      const target: SheetTarget =
        place.replaces === null ? { newSheet: true } : { replaceIndex: this.sheetIndex(place.replaces) };
      const [tableName, ...moreNames] = place.tableNames;
      const table: TableSheet = {
        sheetName: place.sheetName,
        tableName,
        columns: sheet.columns,
        rows: sheet.rows,
        moreTables: (sheet.moreTables ?? []).map((part, t) => ({ ...part, tableName: moreNames[t] })),
      };
      const index = writeTableSheet(this.pkg, this.parts, target, table, styles, () => ++tableId);
      writeSheetCharts(
        this.pkg,
        this.parts.sheets[index].path ?? "",
        place.sheetName,
        chartLayouts(sheet),
        styles,
      );
      if (place.marker) {
        const p = this.parts.prefix;
        newMarkers.push(
          `<${p}definedName name="${place.marker.name}" hidden="1">${escapeXml(place.marker.formula)}</${p}definedName>`,
        );
      }
      this.cellsBySheet.delete(index);
      options.onProgress?.((i + 1) / sheets.length);
    });
    removeDefinedNames(
      this.pkg,
      this.parts,
      placements.flatMap((place) => (place.staleMarker === null ? [] : [place.staleMarker])),
    );
    addDefinedNames(this.pkg, this.parts, newMarkers);
    this.parts = readWorkbookParts(this.pkg);
    return placements.map((place) => ({
      kind: place.kind,
      sheetName: place.sheetName,
      tableName: place.tableNames[0],
      note: place.note,
    }));
  }

  /** The workbook's sheet, table and workbook-level names, as placement reads them. */
  private names(): WorkbookNames {
    return {
      sheets: this.parts.sheets.map((sheet) => sheet.name),
      tables: this.parts.tables.map((table) => ({
        name: table.name,
        sheet: this.parts.sheets[table.sheetIndex].name,
      })),
      names: this.parts.definedNames
        .filter((name) => name.localSheetId === null)
        .map((name) => ({ name: name.name, formula: name.formula })),
    };
  }

  /**
   * Updates a planner input table where it is (see tableBody.ts): its style,
   * column widths, number formats and the user's other columns stay. A sheet
   * without the table, or a table without one of the headers, is written
   * anew with the planner's defaults.
   */
  async writeInputTable(
    sheetName: string,
    tableName: string,
    headers: string[],
    rows: CellValue[][],
    mode: "upsert-by-first-column" | "append",
  ): Promise<void> {
    const table = await this.inputTable(tableName, headers);
    if (table) {
      const edit = mergeRowsEdit(
        table.body.map((row) => row[table.columnOf[0]]),
        rows.map((row) => row[0]),
        mode,
      );
      this.rewriteBody(table, applyRowsEdit(table.body, table.width, table.columnOf, rows, edit));
      return;
    }
    const index = this.sheetIndex(sheetName);
    const oldRows = index >= 0 ? await this.sheetRows(sheetName, tableName, headers) : [];
    this.writeInputSheet(sheetName, tableName, headers, mergeInputRows(oldRows, rows, mode));
  }

  async replaceInputRows(
    sheetName: string,
    tableName: string,
    headers: string[],
    key: string,
    rows: CellValue[][],
  ): Promise<number> {
    const table = await this.inputTable(tableName, headers);
    const body = table ? table.body : await this.sheetRows(sheetName, tableName, headers);
    const columnOf = table ? table.columnOf : headers.map((_, i) => i);
    const edit = replaceRowsEdit(
      body.map((row) => row[columnOf[0]]),
      key,
      rows.length,
    );
    const replaced = edit.over.length + edit.deleted.length;
    if (replaced === 0 && rows.length === 0) return 0;
    const result = applyRowsEdit(body, table ? table.width : headers.length, columnOf, rows, edit);
    if (table) this.rewriteBody(table, result);
    else this.writeInputSheet(sheetName, tableName, headers, result);
    return replaced;
  }

  /** An input table the planner can update in place: on its sheet, with a header row holding every header. */
  private async inputTable(tableName: string, headers: string[]): Promise<InputTable | null> {
    const entry = this.parts.tables.find((table) => sameName(table.name, tableName));
    const range = entry ? parseRange(entry.ref) : null;
    if (!entry || !range || entry.headerRowCount !== 1) return null;
    if (entry.totalsRowCount > 0) {
      throw new WorkbookFileError(
        `The table ${entry.name} has a total row, which the planner would have to move: turn it off (Table Design › Total Row) and save again.`,
      );
    }
    const block = await this.block(entry.sheetIndex, range);
    const [head, ...body] = block.cells;
    const columnOf = headers.map((header) =>
      head.findIndex((cell) => normaliseHeader(String(cell ?? "")) === normaliseHeader(header)),
    );
    if (columnOf.some((column) => column < 0)) return null;
    const blank = body.length === 1 && body[0].every((cell) => cell === null || cell === "");
    return { entry, range, columnOf, width: head.length, body: blank ? [] : body };
  }

  private rewriteBody(table: InputTable, rows: CellValue[][]): void {
    const { entry, range } = table;
    const sheet = this.parts.sheets[entry.sheetIndex];
    const path = sheet.path as string;
    this.pkg.setText(
      path,
      rewriteTableBody(this.pkg.text(path) ?? "", {
        sheetName: sheet.name,
        top: range.top,
        left: range.left,
        right: range.right,
        old: table.body,
        rows: rows.map((row) => row.map(toOutputCell)),
      }),
    );
    this.pkg.setText(
      entry.path,
      tableEndingAt(this.pkg.text(entry.path) ?? "", range.bottom, tableBottom(range.top, rows.length)),
    );
    this.cellsBySheet.delete(entry.sheetIndex);
    this.parts = readWorkbookParts(this.pkg);
  }

  /** The rows under the header of a sheet that has no usable input table, in the order of `headers`. */
  private async sheetRows(sheetName: string, tableName: string, headers: string[]): Promise<CellValue[][]> {
    const existing = this.parts.tables.find((table) => sameName(table.name, tableName));
    const block = existing
      ? await this.readSource({ kind: "table", name: existing.name })
      : await this.readSheet(sheetName);
    return (block?.cells ?? []).slice(1).map((row) => headers.map((_, i) => row[i] ?? null));
  }

  /** The input sheet written anew with the planner's table. */
  private writeInputSheet(
    sheetName: string,
    tableName: string,
    headers: string[],
    rows: CellValue[][],
  ): void {
    const index = this.sheetIndex(sheetName);
    const table: TableSheet = {
      sheetName: index >= 0 ? this.parts.sheets[index].name : sheetName,
      tableName: inputTableName(tableName, sheetName, this.names()),
      columns: headers.map((header) => ({
        header,
        format: "text" as const,
        width: Math.max(14, header.length + 4),
      })),
      rows: rows.map((row) => row.map(toOutputCell)),
    };
    const styles = addColumnStyles(this.pkg, this.parts.workbookPath);
    let tableId = Math.max(0, ...this.parts.tables.map((candidate) => candidate.id));
    const target: SheetTarget = index >= 0 ? { replaceIndex: index } : { newSheet: true };
    const written = writeTableSheet(this.pkg, this.parts, target, table, styles, () => ++tableId);
    this.cellsBySheet.delete(written);
    this.parts = readWorkbookParts(this.pkg);
  }

  async usesDate1904(): Promise<boolean> {
    const properties = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(this.pkg.text(this.parts.workbookPath) ?? "");
    const flag = properties ? /\bdate1904="([^"]*)"/.exec(properties[1]) : null;
    return flag !== null && (flag[1] === "1" || flag[1].toLowerCase() === "true");
  }

  async toBytes(): Promise<Uint8Array> {
    return this.pkg.toBytes();
  }

  private sheetIndex(name: string): number {
    return this.parts.sheets.findIndex((sheet) => sameName(sheet.name, name));
  }

  /** A sheet's cells, scanned once: the promise is kept, so reads at the same time share one scan. */
  private cells(index: number): Promise<SheetGrid> {
    let grid = this.cellsBySheet.get(index);
    if (!grid) {
      grid = this.scanSheet(index);
      this.cellsBySheet.set(index, grid);
    }
    return grid;
  }

  private async scanSheet(index: number): Promise<SheetGrid> {
    const path = this.parts.sheets[index].path;
    this.sharedStrings ??= readSharedStrings(this.sharedStringsXml());
    const scanner = new SheetScanner(this.sharedStrings);
    if (path) await this.pkg.streamText(path, (text) => scanner.push(text));
    return scanner.finish();
  }

  private sharedStringsXml(): string | null {
    const rel = this.pkg
      .relationships(this.parts.workbookPath)
      .find((candidate) => isRelationshipType(candidate.type, "sharedStrings"));
    return rel ? this.pkg.text(rel.target) : null;
  }

  private async block(sheetIndex: number, range: Range): Promise<CellBlock> {
    return blockOf(await this.cells(sheetIndex), this.parts.sheets[sheetIndex].name, range);
  }
}

function toOutputCell(value: CellValue): string | number | null {
  if (value === null || typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return value.error;
}
