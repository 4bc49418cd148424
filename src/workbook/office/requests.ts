/**
 * Office.js requests kept under Excel on the web's 5 MB limit: work is queued
 * in parts of known size and synced whenever the next part would take the
 * request past the budget, so a run makes a fixed number of syncs whatever
 * the row count until a phase outgrows one request.
 */

/**
 * Requests stay within this size: Excel on the web refuses 5 MB, and a budget
 * of less than half that keeps a wide margin while a 10,000-row plan still
 * goes in one request per phase.
 */
export const REQUEST_BUDGET_BYTES = 1_900_000;

export interface RowBlock {
  start: number;
  end: number;
  /** The block's values as JSON, `[row,row,…]`, counted from each row's size. */
  bytes: number;
}

/**
 * Consecutive rows in blocks that each stay within the request budget; a row
 * larger than the budget on its own is a block of its own.
 */
export function rowBlocks(rows: number, bytesOfRow: (row: number) => number): RowBlock[] {
  const blocks: RowBlock[] = [];
  let start = 0;
  let bytes = 2;
  for (let row = 0; row < rows; row++) {
    // The row's JSON and the comma after it.
    const size = bytesOfRow(row) + 1;
    if (row > start && bytes + size > REQUEST_BUDGET_BYTES) {
      blocks.push({ start, end: row, bytes });
      start = row;
      bytes = 2;
    }
    bytes += size;
  }
  if (rows > start) blocks.push({ start, end: rows, bytes });
  return blocks;
}

export function jsonBytes(value: unknown): number {
  return JSON.stringify(value).length;
}

/** A part of a request: how big it is, and how to queue it. */
export interface QueuedPart {
  bytes: number;
  queue: () => void;
}

/**
 * Sends the phases in order, each in its own requests: a phase's parts are
 * queued in order with a sync whenever the next part would take the request
 * past the budget, and once at the phase's end. So a phase within the budget
 * takes one request whatever the row count, and a larger one as many as it needs.
 */
export async function sendInRequests(
  context: Excel.RequestContext,
  phases: readonly (readonly QueuedPart[])[],
  onProgress?: (fraction: number) => void,
  checkCancelled?: () => void,
): Promise<void> {
  const total = phases.reduce((sum, phase) => sum + phase.length, 0);
  const withParts = phases.filter((parts) => parts.length > 0);
  let sent = 0;
  // What is queued already (a sheet's table and formats) needs its request even when no values follow.
  for (const parts of withParts.length > 0 ? withParts : [[]]) {
    let inRequest = 0;
    for (const part of parts) {
      if (inRequest > 0 && inRequest + part.bytes > REQUEST_BUDGET_BYTES) {
        // Syncing per budget-sized request is what keeps each one under Excel on the web's 5 MB limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        onProgress?.(sent / total);
        checkCancelled?.();
        inRequest = 0;
      }
      part.queue();
      inRequest += part.bytes;
      sent += 1;
    }
    // One request per phase: the figures land before the long text, whatever the size.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    onProgress?.(sent / Math.max(1, total));
  }
}
