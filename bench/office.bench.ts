/**
 * Round trips and request sizes of one full add-in run (read, plan, write),
 * measured through the recording fake of the Excel API.
 */
import { fullRun } from "../test/workbook/office/fullRun";
import { printBench } from "./measure";

export async function run(): Promise<void> {
  for (const rows of [100, 10_000, 200_000]) {
    const { syncs, maxRequestBytes } = await fullRun(rows);
    printBench({ bench: "office-syncs", rows, syncs, maxRequestBytes });
  }
}
