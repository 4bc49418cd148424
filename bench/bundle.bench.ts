/**
 * What the task pane loads, gzipped: every script browser.html starts with
 * (taskpane.html, Excel's page, loads the same with office.js from Microsoft's CDN)
 * (budget: under 200,000 bytes together, Microsoft's office.js included),
 * then the chunks loaded later (the Office.js workbook in Excel, the file
 * library on opening a file). Builds the production pane first, so the
 * figures are those of the code as it is.
 */
import { spawnSync } from "child_process";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { repositoryRoot } from "../scripts/repositoryRoot";
import { printBench } from "./measure";

const ROOT = repositoryRoot(__dirname);
const DIST = join(ROOT, "dist");
const PAGE = join(DIST, "browser.html");
const OFFICE_JS = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function build(): void {
  const result = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("the production build failed");
}

export async function run(): Promise<void> {
  build();
  const page = readFileSync(PAGE, "utf8");
  const scripts = [...page.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((match) => match[1]);
  const ours = scripts.filter((src) => !src.startsWith("office-js/"));
  let total = 0;
  for (const src of ours) {
    const bytes = gzipBytes(join(DIST, src));
    total += bytes;
    printBench({ bench: "bundle", file: src, loaded: "at start", gzipBytes: bytes });
  }
  printBench({ bench: "bundle", file: "(ours at start, total)", loaded: "at start", gzipBytes: total });
  let withOffice = total;
  for (const src of scripts.filter((s) => s.startsWith("office-js/"))) {
    const bytes = gzipBytes(join(OFFICE_JS, src.slice("office-js/".length)));
    withOffice += bytes;
    printBench({ bench: "bundle", file: src, loaded: "at start (Microsoft's office.js)", gzipBytes: bytes });
  }
  printBench({
    bench: "bundle",
    file: "(everything at start, office.js included)",
    loaded: "at start",
    gzipBytes: withOffice,
  });
  const lazy = readdirSync(DIST).filter((name) => name.endsWith(".js") && !ours.includes(name));
  for (const name of lazy.sort()) {
    const loaded = name.startsWith("workbook-office")
      ? "in Excel, once Office is ready"
      : name.startsWith("workbook-file")
        ? "in the browser, on opening a workbook"
        : "on demand";
    printBench({ bench: "bundle", file: name, loaded, gzipBytes: gzipBytes(join(DIST, name)) });
  }
}
