import { join } from "path";
import type { Page } from "playwright-core";
import { openPane, ROOT, SAMPLE, screenshot, fileSession } from "./harness";

const session = fileSession();

const MIX_TITLE = "Share by channel: current, recommended and audience attention";

async function planSample(page: Page): Promise<void> {
  await page.getByLabel("Workbook file").setInputFiles(SAMPLE);
  await page.getByRole("button", { name: "Plan" }).and(page.locator(":enabled")).click();
  await page.getByRole("button", { name: "Download plan" }).waitFor();
}

/** Every axe violation inside the element, whatever its impact. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
  return page.evaluate(async (within) => {
    const axe = (
      window as unknown as {
        axe: { run(context: Element): Promise<{ violations: { id: string; impact: string }[] }> };
      }
    ).axe;
    const element = document.querySelector(within);
    if (!element) return ["no element"];
    return (await axe.run(element)).violations.map((violation) => `${violation.impact}: ${violation.id}`);
  }, selector);
}

describe("SPEC 11 pictures in the pane", () => {
  test("after Plan the mix chart is drawn within a 320-pixel pane, named, keyboard reachable, its numbers a table, axe clean", async () => {
    const { page, context } = await openPane(session(), { bypassCSP: true });
    await page.setViewportSize({ width: 320, height: 900 });
    await planSample(page);
    const results = page.getByRole("region", { name: "Results" });
    const chart = results.getByRole("img", { name: MIX_TITLE });
    await chart.waitFor();
    expect(await chart.locator("rect").count()).toBeGreaterThan(10);
    const box = await chart.boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    expect(box?.width).toBeLessThanOrEqual(320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const numbers = results.locator("figure table").first();
    expect(await numbers.locator("tbody tr").first().locator("th").textContent()).toBe("Events");
    await results.getByRole("button", { name: "Show the numbers" }).first().click();
    await results.getByRole("button", { name: "Hide the numbers" }).first().waitFor();
    expect((await numbers.boundingBox())?.height).toBeGreaterThan(100);
    await page.bringToFront();
    let reached = false;
    for (let i = 0; i < 120 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(
        (title) =>
          document.activeElement?.getAttribute("role") === "img" &&
          document.getElementById(document.activeElement.getAttribute("aria-labelledby") ?? "")
            ?.textContent === title,
        MIX_TITLE,
      );
    }
    expect(reached).toBe(true);
    expect(await axeViolations(page, "figure")).toEqual([]);
    await screenshot(page, "charts-320");
    await context.close();
  }, 180_000);

  test("on the wide page the chart keeps a readable size; the what-if panel's chart follows the change as it is typed", async () => {
    const { page, context } = await openPane(session());
    await page.setViewportSize({ width: 1280, height: 900 });
    await planSample(page);
    const base = page.getByRole("region", { name: "Results" }).getByRole("img", { name: MIX_TITLE });
    await base.waitFor();
    expect((await base.boundingBox())?.width).toBeLessThanOrEqual(560);
    const panel = page.getByRole("region", { name: "What if" });
    await panel.getByRole("combobox", { name: "Change" }).click();
    await page.getByRole("option", { name: "A plan setting" }).click();
    await panel.getByRole("combobox", { name: "Field" }).click();
    await page.getByRole("option", { name: "Bandwidth" }).click();
    const value = panel.getByRole("textbox", { name: /New value/ });
    const recommended = async () =>
      panel
        .locator("figure table tbody tr")
        .evaluateAll((rows) => rows.map((row) => row.querySelectorAll("td")[1]?.textContent ?? ""));
    await value.fill("6");
    await panel.getByRole("img", { name: MIX_TITLE }).waitFor();
    const withSix = await recommended();
    await value.fill("2");
    let withTwo = withSix;
    for (let tries = 0; tries < 50 && JSON.stringify(withTwo) === JSON.stringify(withSix); tries++) {
      await page.waitForTimeout(200);
      withTwo = await recommended();
    }
    expect(withTwo).not.toEqual(withSix);
    expect(withTwo.length).toBeGreaterThan(0);
    await context.close();
  }, 180_000);
});
