/**
 * An in-memory PlannerWorkbook for the pane's tests: sheets of cells, tables
 * over them, and a record of what the pane wrote. A write can be held open to
 * test Cancel.
 */
import type { CellBlock, CellValue } from "../../src/core/cells";
import type { MappingOverride } from "../../src/core/model";
import type { OutputSheet } from "../../src/core/outputTable";
import type { ExcelActions, FileWorkbook } from "../../src/taskpane/host";
import { blockAddress } from "../../src/taskpane/usePlanner";
import type {
  SourceCandidate,
  SourceRef,
  WriteOptions,
  WrittenSheet,
} from "../../src/workbook/plannerWorkbook";
import { applyRowsEdit, replaceRowsEdit } from "../../src/workbook/placement";

export const VEHICLE_HEADERS = [
  "Vehicle",
  "Channel",
  "Investment",
  "Leads",
  "Conversion rate",
  "Average deal size",
  "Objectives",
];

/**
 * Four vehicles for a Conversion plan, one a channel, that all pass the filter
 * with the default settings (pipelines $400k, $180k, $300k and $100k).
 */
export function vehicleRows(): CellValue[][] {
  return [
    ["Trade show", "Events", 40000, 200, 0.1, 20000, "Conversion"],
    ["Webinar", "Digital", 10000, 150, 0.08, 15000, "Conversion"],
    ["Paid search", "Search", 25000, 500, 0.05, 12000, "Conversion"],
    ["Print ad", "Print", 15000, 100, 0.05, 20000, "Conversion"],
  ];
}

export function block(sheet: string, rows: CellValue[][], top = 1, left = 1): CellBlock {
  return { sheet, top, left, cells: rows };
}

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

function deferred(): Deferred {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

export class FakeWorkbook implements FileWorkbook {
  readonly sheets = new Map<string, CellBlock>();
  readonly tables = new Map<string, string>();
  readonly written: OutputSheet[][] = [];
  readonly inputTableWrites: { sheetName: string; tableName: string; rows: CellValue[][] }[] = [];
  /** What the user has selected in Excel. */
  selection: CellBlock | null = null;
  /** When set, writeOutputs waits for `releaseWrite()` before finishing. */
  holdWrites = false;
  private pendingWrite: Deferred | null = null;
  writeStarted = deferred();

  constructor(vehicles: CellValue[][] = [VEHICLE_HEADERS, ...vehicleRows()], sheetName = "Vehicles") {
    this.sheets.set(sheetName, block(sheetName, vehicles));
    this.tables.set("tblVehicles", sheetName);
  }

  releaseWrite(): void {
    this.pendingWrite?.resolve();
  }

  async listSources(): Promise<SourceCandidate[]> {
    const tables = [...this.tables].map(([name, sheet]) => ({
      kind: "table" as const,
      name,
      label: `${name} (${sheet})`,
      address: `${sheet}!A1`,
    }));
    const sheets = [...this.sheets.keys()].map((name) => ({
      kind: "sheet" as const,
      name,
      label: name,
      address: `${name}!A1`,
    }));
    return [...tables, ...sheets];
  }

  /** The selections read, by address: the pane plans a selection at the address it had when picked. */
  private readonly selectionsRead = new Map<string, CellBlock>();

  async readSource(source: SourceRef): Promise<CellBlock> {
    if (source.kind === "selection") {
      const shown = this.selectionsRead.get(source.name);
      if (shown) return shown;
      if (!this.selection) throw new Error("select the vehicle table first");
      this.selectionsRead.set(blockAddress(this.selection), this.selection);
      return this.selection;
    }
    const sheet = source.kind === "table" ? this.tables.get(source.name) : source.name;
    const found = sheet === undefined ? undefined : this.sheets.get(sheet);
    if (!found) throw new Error(`there is no ${source.kind} named ${source.name}`);
    return found;
  }

  async readSheet(name: string): Promise<CellBlock | null> {
    return this.sheets.get(name) ?? null;
  }

  /** The date system the workbook's serials count in; a test sets it. */
  date1904 = false;

  async usesDate1904(): Promise<boolean> {
    return this.date1904;
  }

  async readSources(sources: SourceRef[]): Promise<(CellBlock | null)[]> {
    this.reads.push(sources);
    return Promise.all(sources.map((source) => this.readSource(source).catch(() => null)));
  }

  /** Each readSources call, to check the pane reads a plan's sources in one go. */
  readonly reads: SourceRef[][] = [];

  async writeOutputs(sheets: OutputSheet[], options: WriteOptions = {}): Promise<WrittenSheet[]> {
    options.onProgress?.(0.5);
    if (this.holdWrites) {
      this.pendingWrite = deferred();
      this.writeStarted.resolve();
      await this.pendingWrite.promise;
    }
    if (options.isCancelled?.()) {
      // As both real workbooks do: a write cancelled before it changes anything throws and leaves the sheets alone.
      const cancelled = new Error("Writing was cancelled; the workbook is as it was.");
      cancelled.name = "WriteCancelledError";
      throw cancelled;
    }
    this.written.push(sheets);
    options.onProgress?.(1);
    return sheets.map((sheet) => ({
      kind: sheet.kind,
      sheetName: sheet.sheetName,
      tableName: sheet.tableName,
      note: null,
    }));
  }

  async writeInputTable(
    sheetName: string,
    tableName: string,
    headers: string[],
    rows: CellValue[][],
    mode: "upsert-by-first-column" | "append",
  ): Promise<void> {
    this.inputTableWrites.push({ sheetName, tableName, rows });
    const existing = (this.sheets.get(sheetName)?.cells.slice(1) ?? []).map((row) => [...row]);
    const kept =
      mode === "append" ? existing : existing.filter((row) => !rows.some((written) => written[0] === row[0]));
    this.sheets.set(sheetName, block(sheetName, [headers, ...kept, ...rows]));
  }

  /** As both real workbooks do: the key's rows replaced in place, the rest left over deleted or added. */
  async replaceInputRows(
    sheetName: string,
    tableName: string,
    headers: string[],
    key: string,
    rows: CellValue[][],
  ): Promise<number> {
    this.inputTableWrites.push({ sheetName, tableName, rows });
    const existing = (this.sheets.get(sheetName)?.cells.slice(1) ?? []).map((row) => [...row]);
    const edit = replaceRowsEdit(
      existing.map((row) => row[0]),
      key,
      rows.length,
    );
    const body = applyRowsEdit(
      existing,
      headers.length,
      headers.map((_, i) => i),
      rows,
      edit,
    );
    this.sheets.set(sheetName, block(sheetName, [headers, ...body]));
    return edit.over.length + edit.deleted.length;
  }

  async toBytes(): Promise<Uint8Array> {
    return new Uint8Array([80, 75, 3, 4]);
  }
}

/** Excel's extras as jest mocks, recording what the pane asked for. */
export function fakeExcel(saved: MappingOverride | null = null) {
  const actions = {
    selectCell: jest.fn(async (_reference: string) => {}),
    activateSheet: jest.fn(async (_sheetName: string) => {}),
    readSavedMapping: jest.fn(async (_source: SourceRef, _headerRow: readonly CellValue[]) =>
      saved ? { mapping: saved, missing: [] } : null,
    ),
    saveMapping: jest.fn(
      async (_source: SourceRef, _mapping: MappingOverride, _headerRow: readonly CellValue[]) => {},
    ),
    onSourceChanged: jest.fn(async (_source: SourceRef, _handler: () => void) => () => {}),
  } satisfies ExcelActions;
  return actions;
}
