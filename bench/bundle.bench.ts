/**
 * What the task pane loads, gzipped: every script taskpane.html starts with
 * (budget: under 200,000 bytes for ours together), then the chunks loaded
 * later (the Office.js workbook in Excel, the file library on opening a file).
 * Builds the production pane first when dist/ does not have it.
 */
import { spawnSync } from "child_process";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { printBench } from "./measure";

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");
const PAGE = join(DIST, "taskpane.html");
const OFFICE_JS = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function ensureBuilt(): void {
  if (existsSync(PAGE)) return;
  const build = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the production build failed");
}

export async function run(): Promise<void> {
  ensureBuilt();
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
  for (const src of scripts.filter((s) => s.startsWith("office-js/"))) {
    const file = join(OFFICE_JS, src.slice("office-js/".length));
    printBench({
      bench: "bundle",
      file: src,
      loaded: "at start (Microsoft's office.js)",
      gzipBytes: gzipBytes(file),
    });
  }
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
