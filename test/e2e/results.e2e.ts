/**
 * Issue 17: the results at a task pane's 350 px and at 1280 px. Every state
 * is checked for overprinting (no two cells' text boxes overlap, no text runs
 * out of its cell), scanned by axe and saved as a screenshot.
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Page } from "playwright-core";
import { openPane, ROOT, SAMPLE, screenshot, fileSession } from "./harness";

const session = fileSession();

const WIDTHS = [350, 1280];

async function openFile(page: Page, path: string): Promise<void> {
  await page.getByLabel("Workbook file").setInputFiles(path);
  await page.getByRole("button", { name: "Plan" }).and(page.locator(":enabled")).waitFor();
}

async function plan(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Plan" }).click();
  await page.getByRole("button", { name: "Download plan" }).waitFor();
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    return (await axe.run()).violations.map((violation) => `${violation.impact}: ${violation.id}`);
  });
  return results.filter((violation) => violation.startsWith("serious") || violation.startsWith("critical"));
}

/**
 * Every table cell of the results and the what-if panel whose text runs out
 * of its cell or over another cell's text, as "Table: 'text' over 'text'".
 */
async function overprints(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const TOLERANCE = 1;
    type Box = { left: number; right: number; top: number; bottom: number };
    const intersects = (a: Box, b: Box) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > TOLERANCE &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > TOLERANCE;
    const found: string[] = [];
    for (const table of Array.from(document.querySelectorAll("table"))) {
      const label = table.getAttribute("aria-label") ?? "table";
      const cells = Array.from(table.querySelectorAll("th, td")).flatMap((cell) => {
        const head = cell.closest("thead");
        if (head && head.getBoundingClientRect().width <= TOLERANCE) return [];
        const range = document.createRange();
        range.selectNodeContents(cell);
        const boxes = Array.from(range.getClientRects()).filter((box) => box.width > 0 && box.height > 0);
        return boxes.length ? [{ cell, text: (cell.textContent ?? "").trim(), boxes }] : [];
      });
      for (const { cell, text, boxes } of cells) {
        const own = cell.getBoundingClientRect();
        for (const box of boxes) {
          if (
            box.left < own.left - TOLERANCE ||
            box.right > own.right + TOLERANCE ||
            box.top < own.top - TOLERANCE ||
            box.bottom > own.bottom + TOLERANCE
          )
            found.push(`${label}: '${text}' runs out of its cell`);
        }
      }
      for (let i = 0; i < cells.length; i++)
        for (let j = i + 1; j < cells.length; j++)
          if (cells[i].boxes.some((a) => cells[j].boxes.some((b) => intersects(a, b))))
            found.push(`${label}: '${cells[i].text}' over '${cells[j].text}'`);
    }
    return found;
  });
}

async function writeWorkbook(rows: (string | number)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Vehicles");
  for (const row of rows) sheet.addRow(row);
  const path = join(mkdtempSync(join(tmpdir(), "vp-e2e-results-")), "vehicles.xlsx");
  await book.xlsx.writeFile(path);
  return path;
}

describe.each(WIDTHS)("issue 17 at %i px", (width) => {
  test("after Plan the results heading has the focus, one line sums the plan up and no cell overprints another", async () => {
    const { page, context } = await openPane(session(), { bypassCSP: true, width });
    await openFile(page, SAMPLE);
    await plan(page);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("results-heading");
    const summary = page.getByTestId("plan-summary");
    await expect(summary.textContent()).resolves.toMatch(
      /^5 shortlisted \(.+\); expected pipeline \$[\d,]+ against the \$[\d,]+ goal \(\d+\.\d%\); \$[\d,]+ unallocated\./,
    );
    const shortlist = page.getByRole("table", { name: "Shortlist" });
    for (const column of ["Current investment", "Change", "Why"])
      await expect(shortlist.getByText(column, { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(
      page.getByRole("table", { name: "Media mix" }).getByText("Gap").count(),
    ).resolves.toBeGreaterThan(0);
    expect(await overprints(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, `plan-${width}`);

    const panel = page.getByRole("region", { name: "What if" });
    await panel.getByRole("combobox", { name: "Change" }).click();
    await page.getByRole("option", { name: "A plan setting" }).click();
    await panel.getByRole("combobox", { name: "Field" }).click();
    await page.getByRole("option", { name: "Bandwidth" }).click();
    await panel.getByRole("textbox", { name: /New value/ }).fill("6");
    await panel.getByText("Enter the shortlist: Outbound calling.", { exact: false }).waitFor();
    const curves = panel.getByRole("table", { name: "Returns curves" });
    await expect(curves.locator("tbody tr").count()).resolves.toBe(6);
    await expect(
      curves.getByText(/^(prior period|default \(the Returns elasticity setting\))/).count(),
    ).resolves.toBe(6);
    expect(await overprints(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, `what-if-${width}`);

    await panel.getByRole("button", { name: "Compare scenarios" }).click();
    const scenarios = panel.getByRole("table", { name: "Scenarios" });
    await scenarios.waitFor();
    await expect(panel.getByText(/^Compared 4 scenarios with the base plan\./).isVisible()).resolves.toBe(
      true,
    );
    await expect(scenarios.locator("tbody tr").count()).resolves.toBe(5);
    expect(await overprints(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, `compare-${width}`);
    await context.close();
  }, 240_000);

  test("the Vehicle filter lists every vehicle with its status, answers and reasons, filtered by status", async () => {
    const { page, context } = await openPane(session(), { width });
    await openFile(page, SAMPLE);
    await plan(page);
    const trail = page.getByRole("table", { name: "Every vehicle" });
    await expect(trail.locator("tbody tr").count()).resolves.toBe(24);
    await page.getByRole("combobox", { name: "Show" }).click();
    await page.getByRole("option", { name: "Eliminated" }).click();
    const statuses = await trail.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    for (const status of statuses) expect(status).toMatch(/^Eliminated \(Q\d\)$/);
    await expect(trail.getByText(/^Q\d Fail: /).count()).resolves.toBe(statuses.length);
    expect(await overprints(page)).toEqual([]);
    await context.close();
  }, 120_000);
});

test("issue 17.4 a plan that leaves the shortlist short says why in words and its button goes to the setting", async () => {
  const rows = Array.from({ length: 24 }, (_, i) => [`Vehicle ${i + 1}`, 10_000, 100, 40_000]);
  const input = await writeWorkbook([["Vehicle", "Investment", "Leads", "Pipeline"], ...rows]);
  const { page, context } = await openPane(session(), { width: 350 });
  await openFile(page, input);
  await page.getByRole("button", { name: "Plan" }).click();
  const warning = page.getByText(
    "24 of 24 vehicles were eliminated by Q5 Impact: the Pipeline goal is the sum of every vehicle's pipeline; set a goal in Settings.",
    { exact: false },
  );
  await warning.first().waitFor();
  await expect(page.getByText("The plan is sound", { exact: false }).count()).resolves.toBe(0);
  await page.getByRole("button", { name: "Go to Pipeline goal" }).first().click();
  await page.waitForFunction(() => document.activeElement?.getAttribute("placeholder") === "Sum of Pipeline");
  await screenshot(page, "warning-350");
  await context.close();
}, 120_000);

test.each(WIDTHS)(
  "issue 17.7 at %i px inputs read as people type them and the slider spans the field's real range",
  async (width) => {
    const { page, context } = await openPane(session(), { width });
    await openFile(page, SAMPLE);
    await expect(page.getByRole("textbox", { name: "Budget" }).inputValue()).resolves.toBe("$260,000");
    await plan(page);
    const panel = page.getByRole("region", { name: "What if" });
    const value = panel.getByRole("textbox", { name: /New value/ });
    await expect(value.inputValue()).resolves.toMatch(/^\$\d{1,3}(,\d{3})*$/);
    await expect(
      panel.getByRole("slider", { name: /^New value on a scale from \$0 to \$[\d,]+$/ }).count(),
    ).resolves.toBe(1);
    await panel.getByRole("combobox", { name: "Field" }).click();
    await page.getByRole("option", { name: "Conversion rate" }).click();
    await expect(value.inputValue()).resolves.toMatch(/^\d+\.\d%$/);
    const slider = panel.getByRole("slider", { name: "New value on a scale from 0.0% to 100.0%" });
    await expect(slider.count()).resolves.toBe(1);
    const rail = await panel.locator(".fui-Slider__rail").boundingBox();
    expect(rail?.width ?? 0).toBeGreaterThan(width / 2);
    await value.fill("20");
    await value.press("Tab");
    await expect(value.inputValue()).resolves.toBe("20.0%");
    await context.close();
  },
  120_000,
);

test("issue 17.11 the plain-browser pane loads without console errors, has a favicon, and keeps the focus on Try the sample workbook", async () => {
  const context = await session().browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(session().url);
  await page.getByRole("button", { name: "Open workbook" }).waitFor();
  const icon = await page.locator('link[rel="icon"]').getAttribute("href");
  expect(icon).not.toBeNull();
  const favicon = await page.request.get(new URL(icon ?? "", session().url).toString());
  expect(favicon.status()).toBe(200);
  const sample = page.getByRole("button", { name: "Try the sample workbook" });
  await sample.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Plan" }).and(page.locator(":enabled")).waitFor();
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
    "Try the sample workbook",
  );
  // Let office.js finish whatever it does after start-up before the errors are counted.
  await page.waitForTimeout(2_000);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);
