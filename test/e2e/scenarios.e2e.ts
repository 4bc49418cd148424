/**
 * Issue 17.7 and 17.8 in Chromium at a task pane's 350 px and at 1280 px:
 * what-if values read as people write them, the slider's track is drawn and
 * its label says its range; the saved scenarios are listed, applied and
 * deleted, and the downloaded workbook keeps the scenarios table's style.
 */
import { strFromU8, unzipSync } from "fflate";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Locator, Page } from "playwright-core";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { openPane, RESULTS, SAMPLE, fileSession } from "./harness";

const session = fileSession();

async function download(page: Page): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download plan" }).click(),
  ]);
  const path = join(mkdtempSync(join(tmpdir(), "vp-e2e-scenarios-")), file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

/**
 * The share of the slider rail's pixels that differ clearly from the page's
 * white: a drawn track is most of its pixels, a track painted over by step
 * marks almost none.
 */
async function drawnShare(page: Page, rail: Locator): Promise<number> {
  const png = (await rail.screenshot()).toString("base64");
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d") as CanvasRenderingContext2D;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    let drawn = 0;
    for (let i = 0; i < pixels.length; i += 4)
      if (255 * 3 - pixels[i] - pixels[i + 1] - pixels[i + 2] > 60) drawn++;
    return drawn / (pixels.length / 4);
  }, png);
}

/** One part of the pane, saved at its own size so it can be looked at. */
async function shot(part: Locator, name: string): Promise<void> {
  await part.screenshot({ path: join(RESULTS, `e2e-${name}.png`) });
}

async function choose(page: Page, panel: Locator, combobox: string, option: string): Promise<void> {
  await panel.getByRole("combobox", { name: combobox }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe.each([350, 1280])("issue 17.7 and 17.8 at %i px", (width) => {
  test("what-if values read as people write them; the slider's track shows and its label says its range", async () => {
    const { page, context } = await openPane(session(), { bypassCSP: true, width });
    await page.getByLabel("Workbook file").setInputFiles(SAMPLE);
    await page.getByRole("button", { name: "Plan" }).and(page.locator(":enabled")).click();
    await page.getByRole("button", { name: "Download plan" }).waitFor();
    const panel = page.getByRole("region", { name: "What if" });
    await panel.scrollIntoViewIfNeeded();
    await choose(page, panel, "Field", "Investment");
    const value = panel.getByRole("textbox", { name: /New value/ });
    await expect(value.inputValue()).resolves.toMatch(/^\$\d{1,3}(,\d{3})+$/);
    await value.fill("260000");
    await value.blur();
    await expect(value.inputValue()).resolves.toBe("$260,000");
    const max = Number(await panel.getByRole("slider").getAttribute("max"));
    const slider = panel.getByRole("slider", {
      name: `New value on a scale from $0 to $${max.toLocaleString("en-US")}`,
      exact: true,
    });
    await expect(slider.count()).resolves.toBe(1);
    const rail = panel.locator(".fui-Slider__rail");
    expect(await drawnShare(page, rail)).toBeGreaterThan(0.5);
    const field = panel.locator(".fui-Field").filter({ has: page.locator(".fui-Slider") });
    await shot(field, `slider-money-${width}`);

    await choose(page, panel, "Field", "Conversion rate");
    await expect(value.inputValue()).resolves.toMatch(/^\d+\.\d%$/);
    await value.fill("12");
    await value.blur();
    await expect(value.inputValue()).resolves.toBe("12.0%");
    await expect(
      panel.getByRole("slider", { name: "New value on a scale from 0.0% to 100.0%", exact: true }).count(),
    ).resolves.toBe(1);
    expect(await drawnShare(page, rail)).toBeGreaterThan(0.5);
    await shot(field, `slider-rate-${width}`);

    await choose(page, panel, "Field", "Leads");
    await value.fill("12000");
    await value.blur();
    await expect(value.inputValue()).resolves.toBe("12,000");
    await context.close();
  }, 240_000);

  test("saved scenarios are listed, applied and deleted; the download keeps the table's rows and style", async () => {
    const { page, context } = await openPane(session(), { width });
    await page.getByLabel("Workbook file").setInputFiles(SAMPLE);
    await page.getByRole("button", { name: "Plan" }).and(page.locator(":enabled")).click();
    await page.getByRole("button", { name: "Download plan" }).waitFor();
    const panel = page.getByRole("region", { name: "What if" });
    const list = panel.getByRole("list", { name: "Saved scenarios" });
    await expect(list.getByRole("listitem").count()).resolves.toBe(4);
    await expect(
      list.getByText("Industry trade show · Investment $130,000; Industry trade show · Leads 700").count(),
    ).resolves.toBe(1);

    await panel.getByRole("button", { name: "Apply Six vehicles" }).click();
    await panel.getByText("Enter the shortlist: Outbound calling.", { exact: false }).waitFor();
    await expect(panel.getByRole("textbox", { name: "Scenario name" }).inputValue()).resolves.toBe(
      "Six vehicles",
    );
    await panel.getByRole("button", { name: "Save as scenario" }).click();
    const replace = page.getByRole("alertdialog", { name: 'Replace scenario "Six vehicles"?' });
    await replace.waitFor();
    await shot(replace, `replace-${width}`);
    await replace.getByRole("button", { name: "Cancel" }).click();
    await panel.getByText('Kept the saved scenario "Six vehicles" as it was; nothing was saved.').waitFor();

    await panel.getByRole("button", { name: "Delete Bigger trade show" }).click();
    const question = page.getByRole("alertdialog", { name: 'Delete scenario "Bigger trade show"?' });
    await question.getByRole("button", { name: "Delete" }).click();
    await page
      .getByText('Deleted scenario "Bigger trade show" (2 changes) from Planner Scenarios.')
      .first()
      .waitFor();
    await list.getByText("Bigger trade show").waitFor({ state: "detached" });
    await list.getByRole("listitem").nth(2).waitFor();
    await expect(list.getByRole("listitem").count()).resolves.toBe(3);
    await shot(list, `scenarios-${width}`);

    const path = await download(page);
    const workbook = await XlsxWorkbook.open(readFileSync(path));
    const table = await workbook.readSource({ kind: "table", name: "tblPlannerScenarios" });
    expect(table.cells).toEqual([
      ["Scenario", "Vehicle", "Field", "Value"],
      ["Webinars convert at 15%", "Webinar series", "Conversion rate", 0.15],
      ["Cut the budget by a fifth", null, "Budget", 208000],
      ["Six vehicles", null, "Bandwidth", 6],
    ]);
    const style = (bytes: Uint8Array) =>
      Object.entries(unzipSync(bytes))
        .filter(([name]) => name.startsWith("xl/tables/"))
        .map(([, data]) => strFromU8(data))
        .filter((xml) => xml.includes('name="tblPlannerScenarios"'))
        .map((xml) => /<tableStyleInfo name="([^"]+)"/.exec(xml)?.[1]);
    expect(style(readFileSync(path))).toEqual(style(readFileSync(SAMPLE)));
    await context.close();
  }, 240_000);
});
