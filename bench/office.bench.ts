/**
 * Round trips and request sizes of one full add-in run (read, plan, write),
 * measured through the recording fake of the Excel API, and the read of a
 * source given as whole columns over a 10,000-row used range.
 */
import { fullRun, wholeColumnRead } from "../test/workbook/office/fullRun";
import { printBench } from "./measure";

export async function run(): Promise<void> {
  for (const rows of [100, 10_000, 200_000]) {
    const { syncs, maxRequestBytes } = await fullRun(rows);
    printBench({ bench: "office-syncs", rows, syncs, maxRequestBytes });
  }
  const usedRows = 10_000;
  const { syncs, cellsRead } = await wholeColumnRead(usedRows);
  printBench({ bench: "office-whole-column", usedRows, syncs, cellsRead });
}
