/**
 * `npm run bench`: runs every bench/*.bench.ts in name order. Each prints one
 * JSON object per line, e.g. {"bench":"engine","rows":10000,"medianMs":12.3}.
 * `npm run bench -- engine` runs only the files whose name contains "engine".
 */
import { readdirSync } from "fs";
import { join } from "path";

interface BenchModule {
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const filter = process.argv[2] ?? "";
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith(".bench.ts") && name.includes(filter))
    .sort();
  for (const file of files) {
    const bench = (await import(join(__dirname, file))) as BenchModule;
    await bench.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
