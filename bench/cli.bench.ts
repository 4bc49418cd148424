/** The whole `vehicle-planner plan` command in process on a 10,000-vehicle workbook: read, plan, write. */
import { join } from "path";
import { runCli } from "../src/cli/main";
import { generatedWorkbook } from "./generated";
import { printBench } from "./measure";

export async function run(): Promise<void> {
  const rows = 10_000;
  const input = await generatedWorkbook(rows);
  const out = join(input, "..", "plan.xlsx");
  const io = { stdout: () => undefined, stderr: () => undefined, stderrIsTTY: false };
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const start = process.hrtime.bigint();
    const code = await runCli(["plan", input, "--out", out, "--force"], io);
    if (code !== 0) throw new Error(`vehicle-planner exited ${code}`);
    if (i > 0) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = (times[2] + times[3]) / 2;
  printBench({ bench: "cli", rows, medianMs: Math.round(median) });
}
