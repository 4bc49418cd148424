/**
 * Reading sources through Office.js: each source cut to its used cells and
 * read by its true address in two round trips (shapes, then values in row
 * blocks within the request budget), or three when the blocks are sized
 * from a sample of text-heavy rows.
 */
import type { CellBlock, CellValue } from "../../core/cells";
import { ReadCancelledError, type ReadOptions, type SourceRef } from "../plannerWorkbook";
import { jsonBytes, rowBlocks, sendInRequests, type QueuedPart } from "./requests";

/**
 * A guess of one cell's share of a read request, its value and its type
 * ("Double", "String"…), made before the values are seen: a short text or a
 * number with its type takes about 17 bytes, so 24 leaves room for longer text.
 */
const BYTES_PER_CELL_READ = 24;

/** Rows read to measure a text-heavy source's row size when the guess above proved too small. */
const SAMPLE_ROWS = 200;

interface Address {
  sheet: string;
  top: number;
  left: number;
}

/** `'Vehicle List'!C7` → `Vehicle List` and `C7`. */
export function splitAddress(address: string): { sheet: string; local: string } {
  const bang = address.lastIndexOf("!");
  const rawSheet = address.slice(0, bang);
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  return { sheet, local: address.slice(bang + 1) };
}

/**
 * `'Vehicle List'!B3:T40` → sheet and top-left corner (1-based). Whole
 * columns (`C:T`) start at row 1 and whole rows (`3:40`) at column A.
 */
export function parseAddress(address: string): Address {
  const { sheet, local } = splitAddress(address);
  const corner = /^\$?([A-Z]*)\$?(\d*)/.exec(local.toUpperCase()) ?? ["", "", ""];
  let left = 0;
  for (const ch of corner[1]) left = left * 26 + ch.charCodeAt(0) - 64;
  return { sheet, top: corner[2] ? Number(corner[2]) : 1, left: Math.max(left, 1) };
}

function cellValue(value: unknown, type: Excel.RangeValueType | string): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Boolean":
      return Boolean(value);
    case "Double":
    case "Integer":
      return typeof value === "number" ? value : Number(value);
    default:
      return value === "" || value === null || value === undefined ? null : String(value);
  }
}

function toCells(values: unknown[][], types: string[][]): CellValue[][] {
  return values.map((row, r) => row.map((value, c) => cellValue(value, types[r][c])));
}

/** A source no workbook has, read as null. */
export const NOWHERE: SourceRef = { kind: "sheet", name: "" };

/**
 * Reads every source in two round trips: their sizes and addresses, then
 * their values (in row blocks within the request budget when they are larger).
 * `measured` reads the first rows of each source in a round trip between, and
 * sizes the blocks from the largest of those rows, so text-heavy cells never
 * take a request past Excel on the web's limit.
 */
export async function readBlocks(
  context: Excel.RequestContext,
  sources: SourceRef[],
  options: ReadOptions,
  measured: boolean,
): Promise<(CellBlock | null)[]> {
  const firstRows = options.firstRows ?? Infinity;
  const ranges = sources.map((source) => locate(context, source).load(RANGE_SHAPE));
  const sheets = ranges.map((range) => range.worksheet.load("name"));
  await context.sync();
  const rowBytes = measured ? await sampleRowBytes(context, ranges, sheets) : ranges.map(() => 0);
  const reads: Excel.Range[][] = ranges.map(() => []);
  const requests: QueuedPart[] = [];
  ranges.forEach((range, i) => {
    if (range.isNullObject) return;
    const bytesPerRow = Math.max(range.columnCount * BYTES_PER_CELL_READ, rowBytes[i]);
    for (const { start, end, bytes } of rowBlocks(Math.min(range.rowCount, firstRows), () => bytesPerRow)) {
      requests.push({
        bytes,
        queue: () => {
          const block = sheets[i].getRangeByIndexes(
            range.rowIndex + start,
            range.columnIndex,
            end - start,
            range.columnCount,
          );
          reads[i].push(block.load("values,valueTypes"));
        },
      });
    }
  });
  await sendInRequests(context, [requests], options.onProgress, () => {
    if (options.isCancelled?.()) throw new ReadCancelledError();
  });
  return ranges.map((range, i) => {
    if (range.isNullObject) return null;
    const corner = parseAddress(range.address);
    const cells = reads[i].flatMap((block) => toCells(block.values, block.valueTypes));
    return { sheet: sheets[i].name, top: corner.top, left: corner.left, cells };
  });
}

/**
 * The largest row among each source's first rows, as the bytes of its values
 * and their types, with a quarter more for longer rows further down.
 */
async function sampleRowBytes(
  context: Excel.RequestContext,
  ranges: Excel.Range[],
  sheets: Excel.Worksheet[],
): Promise<number[]> {
  const samples = ranges.map((range, i) =>
    range.isNullObject
      ? null
      : sheets[i]
          .getRangeByIndexes(
            range.rowIndex,
            range.columnIndex,
            Math.min(SAMPLE_ROWS, range.rowCount),
            range.columnCount,
          )
          .load("values,valueTypes"),
  );
  await context.sync();
  return samples.map((sample) => {
    if (!sample) return 0;
    const largest = Math.max(
      0,
      ...sample.values.map((row, r) => jsonBytes(row) + jsonBytes(sample.valueTypes[r])),
    );
    return Math.ceil(largest * 1.25);
  });
}

const RANGE_SHAPE = "address,rowCount,columnCount,rowIndex,columnIndex,isNullObject";

/**
 * The cells a source covers, cut to the used cells within it, so whole
 * columns or a whole sheet selected read only what is filled, by their true address.
 */
function locate(context: Excel.RequestContext, source: SourceRef): Excel.Range {
  const workbook = context.workbook;
  switch (source.kind) {
    case "table":
      return workbook.tables.getItem(source.name).getRange();
    case "name":
      return workbook.names
        .getItemOrNullObject(source.name)
        .getRangeOrNullObject()
        .getUsedRangeOrNullObject(true);
    case "sheet":
      return workbook.worksheets.getItemOrNullObject(source.name).getUsedRangeOrNullObject(true);
    case "selection": {
      if (!source.name) return workbook.getSelectedRange().getUsedRangeOrNullObject(true);
      const { sheet, local } = splitAddress(source.name);
      return workbook.worksheets.getItem(sheet).getRange(local).getUsedRangeOrNullObject(true);
    }
  }
}
