/**
 * Makes the README's pictures of the charts (SPEC 11), never drawn by hand:
 * the CLI plans the sample, LibreOffice turns the plan into a PDF and
 * pdftoppm each page that holds a chart into docs/xlsx-*.png (cropped to
 * the chart); Chromium plans the sample in the pane at the width of
 * Excel's task pane and saves the results' charts as docs/pane-charts.png.
 * `npm run docs:pictures` (needs soffice, pdftoppm and Chromium).
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "../src/cli/main";
import { openPane, ROOT, SAMPLE, startSession } from "../test/e2e/harness";

const DOCS = join(ROOT, "docs");
const RESOLUTION = 200;
const CHARTS: [title: string, file: string][] = [
  ["Share by channel", "xlsx-media-mix-chart.png"],
  ["Expected pipeline by budget", "xlsx-budget-curve-chart.png"],
];

/**
 * The box of the chart on a page, from pdftoppm's PPM at the same
 * resolution: the rightmost run of columns holding ink (the chart stands
 * right of its table, a blank column away), and the rows of ink in it.
 */
function chartBox(ppm: Buffer): { x: number; y: number; width: number; height: number } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString("latin1"));
  if (!header) throw new Error("pdftoppm wrote no P6 picture");
  const width = Number(header[1]);
  const height = Number(header[2]);
  const rgb = ppm.subarray(header[0].length);
  const ink = (x: number, y: number) => {
    const i = 3 * (y * width + x);
    return rgb[i] + rgb[i + 1] + rgb[i + 2] < 720;
  };
  const inkedColumns = Array.from({ length: width }, (_, x) => {
    for (let y = 0; y < height; y++) if (ink(x, y)) return true;
    return false;
  });
  const right = inkedColumns.lastIndexOf(true);
  let left = right;
  const gap = Math.round(RESOLUTION / 5);
  while (left > 0 && inkedColumns.slice(Math.max(0, left - gap), left).some(Boolean)) left--;
  let top = height;
  let bottom = 0;
  for (let y = 0; y < height; y++) {
    for (let x = left; x <= right; x++) {
      if (!ink(x, y)) continue;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      break;
    }
  }
  const margin = 8;
  return {
    x: Math.max(0, left - margin),
    y: Math.max(0, top - margin),
    width: right - left + 2 * margin,
    height: bottom - top + 2 * margin,
  };
}

async function cliPictures(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "vp-docs-"));
  const plan = join(dir, "plan.xlsx");
  const quiet = { stdout: () => undefined, stderr: () => undefined, stderrIsTTY: false };
  if ((await runCli(["plan", SAMPLE, "--out", plan], quiet)) !== 0)
    throw new Error("the CLI could not plan the sample");
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      plan,
    ],
    {
      stdio: "ignore",
    },
  );
  const pdf = join(dir, "plan.pdf");
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1] ?? 0);
  const saved: string[] = [];
  for (let page = 1; page <= pages; page++) {
    const text = execFileSync("pdftotext", ["-f", `${page}`, "-l", `${page}`, pdf, "-"], {
      encoding: "utf8",
    });
    const chart = CHARTS.find(([title]) => text.includes(title));
    if (!chart) continue;
    const range = ["-r", `${RESOLUTION}`, "-f", `${page}`, "-l", `${page}`, "-singlefile"];
    execFileSync("pdftoppm", [...range, pdf, join(dir, "page")]);
    const box = chartBox(readFileSync(join(dir, "page.ppm")));
    const crop = ["-x", `${box.x}`, "-y", `${box.y}`, "-W", `${box.width}`, "-H", `${box.height}`];
    execFileSync("pdftoppm", ["-png", ...range, ...crop, pdf, join(DOCS, chart[1].replace(/\.png$/, ""))]);
    saved.push(chart[1]);
  }
  return saved;
}

async function panePicture(): Promise<string> {
  const session = await startSession();
  try {
    const { page, context } = await openPane(session);
    await page.setViewportSize({ width: 320, height: 1200 });
    await page.getByLabel("Workbook file").setInputFiles(SAMPLE);
    await page.getByRole("button", { name: "Plan" }).and(page.locator(":enabled")).click();
    const figures = page.getByRole("region", { name: "Results" }).locator("figure");
    await figures.first().waitFor();
    await figures
      .first()
      .locator("..")
      .screenshot({ path: join(DOCS, "pane-charts.png") });
    await context.close();
    return "pane-charts.png";
  } finally {
    await session.stop();
  }
}

async function main(): Promise<void> {
  mkdirSync(DOCS, { recursive: true });
  const saved = [...(await cliPictures()), await panePicture()];
  console.log(`Saved ${saved.map((name) => `docs/${name}`).join(", ")}.`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
