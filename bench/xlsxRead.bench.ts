/**
 * `xlsx-read`: the file reader on a lead log of 1,000,000 rows × 6 columns
 * (unique text, dates as numbers, statuses; scripts/make-lead-log.ts), made
 * in a temporary folder and read in a process of its own (readWorkbook.ts)
 * so its peak memory is the reader's alone. One run: it takes seconds.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { extname, join } from "path";
import { writeLeadLog } from "../scripts/make-lead-log";
import { printBench } from "./measure";

const ROWS = 1_000_000;

export async function run(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "vp-lead-log-"));
  try {
    const path = join(folder, "lead-log.xlsx");
    writeLeadLog(path, ROWS);
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, join(__dirname, `readWorkbook${extname(__filename)}`), path, "Lead Log"],
      { encoding: "utf8" },
    );
    if (child.status !== 0) throw new Error(`reading failed: ${child.stderr}`);
    const read = JSON.parse(child.stdout) as { rows: number; ms: number; maxRssMb: number };
    if (read.rows !== ROWS) throw new Error(`read ${read.rows} rows of ${ROWS}`);
    printBench({ bench: "xlsx-read", rows: ROWS, ms: read.ms, maxRssMb: read.maxRssMb });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
