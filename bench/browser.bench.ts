/**
 * The pane in headless Chromium: first render (from navigation to the `Open
 * workbook` button being usable, median of 5 loads in fresh browser contexts;
 * making the context is the test browser's work, not the pane's, and is not
 * timed) and a 1,000-vehicle plan (open the workbook, Plan, until `Download
 * plan` is there).
 */
import { openPane, startSession } from "../test/e2e/harness";
import { generatedWorkbook } from "./generated";
import { printBench } from "./measure";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

export async function run(): Promise<void> {
  const session = await startSession();
  try {
    const renders: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await session.browser.newContext();
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(session.url);
      await page.getByRole("button", { name: "Open workbook" }).waitFor();
      renders.push(Date.now() - start);
      await context.close();
    }
    printBench({ bench: "first-render", ms: median(renders) });

    const workbook = await generatedWorkbook(1_000);
    const plans: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { context, page } = await openPane(session);
      const start = Date.now();
      await page.getByLabel("Workbook file").setInputFiles(workbook);
      await page.getByRole("button", { name: "Plan" }).and(page.locator(":enabled")).waitFor();
      await page.getByRole("button", { name: "Plan" }).click();
      await page.getByRole("button", { name: "Download plan" }).waitFor({ timeout: 120_000 });
      plans.push(Date.now() - start);
      await context.close();
    }
    printBench({ bench: "browser-plan", rows: 1_000, ms: median(plans) });
  } finally {
    await session.stop();
  }
}
