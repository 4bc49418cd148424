/**
 * Reads one sheet of an .xlsx file the way the CLI does (XlsxWorkbook.open
 * with Node's zlib, then readSheet) and prints the wall time and the
 * process's peak resident memory as one JSON line. Run in a process of its own by xlsxRead.bench.ts,
 * so the peak is the reader's alone:
 *
 *     npx tsx bench/readWorkbook.ts FILE.xlsx "Lead Log"
 */
import { readFileSync } from "fs";
import { inflateWithZlib } from "../src/cli/nodeInflate";
import { XlsxWorkbook } from "../src/workbook/xlsx";

async function main(): Promise<void> {
  const [path, sheet] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  const workbook = await XlsxWorkbook.open(readFileSync(path), { inflate: inflateWithZlib });
  const block = await workbook.readSheet(sheet);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!block) throw new Error(`no sheet named ${sheet}`);
  console.log(
    JSON.stringify({
      rows: block.cells.length - 1,
      columns: block.cells[0].length,
      ms: Math.round(ms),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
