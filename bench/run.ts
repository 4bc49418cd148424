/**
 * `npm run bench`: runs every bench/*.bench.ts in name order. Each prints one
 * JSON object per line, e.g. {"bench":"engine","rows":10000,"medianMs":12.3}.
 * `npm run bench -- engine` runs only the files whose name contains "engine".
 *
 * `npm run bench` compiles the benches and the code they time with tsc into
 * build/bench first, so the engine is timed as the CLI ships it (tsc's
 * CommonJS), not through tsx, whose module getters add a quarter to the plan.
 *
 * Each file runs in a Node process of its own, so one bench's heap (the
 * workbooks the cli bench builds, a browser bench's buffers) never slows the
 * garbage collection another bench times.
 */
import { spawnSync } from "child_process";
import { readdirSync } from "fs";
import { extname, join } from "path";

interface BenchModule {
  run(): Promise<void>;
}

const ONE_FILE = "--file";
/** `.bench.js` once compiled (`npm run bench`), `.bench.ts` under tsx. */
const BENCH_SUFFIX = `.bench${extname(__filename)}`;

async function runOne(file: string): Promise<void> {
  const bench = (await import(join(__dirname, file))) as BenchModule;
  await bench.run();
}

function runEach(filter: string): void {
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith(BENCH_SUFFIX) && name.includes(filter))
    .sort();
  for (const file of files) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, ONE_FILE, file], {
      stdio: "inherit",
    });
    if (child.status !== 0) throw new Error(`${file} failed (exit ${child.status ?? child.signal})`);
  }
}

async function main(): Promise<void> {
  const [first, second] = process.argv.slice(2);
  if (first === ONE_FILE && second) await runOne(second);
  else runEach(first ?? "");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
