/**
 * Issue 17.9 in Chromium at a task pane's 350 px and at 1280 px: a workbook
 * with a title and two header rows opens, the user says which row holds the
 * headers with the keyboard, and the plan names the true cells.
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { openPane, ROOT, screenshot, fileSession } from "./harness";

const session = fileSession();

const HEADERS = ["Vehicle", "Channel", "Investment", "Leads", "Pipeline"];

async function messyWorkbook(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Vehicles");
  for (const row of [
    ["Vehicle plan, last year and this"],
    HEADERS,
    ["Old webinar", "Digital", 9000, 100, 40000],
    [],
    ["This year"],
    HEADERS,
    ["Webinar", "Digital", 10000, 200, 60000],
    ["Trade show", "Events", 40000, 300, 150000],
    ["Radio", "Audio", "lots", 50, 20000],
    ["Total", null, 50000, 550, 230000],
  ])
    sheet.addRow(row);
  const path = join(mkdtempSync(join(tmpdir(), "vp-e2e-messy-")), "messy.xlsx");
  await book.xlsx.writeFile(path);
  return path;
}

test.each([[350], [1280]])(
  "issue 17.9 at %p px: the header row is chosen by keyboard, the Total row is a note, axe stays clean",
  async (width) => {
    const { page, context } = await openPane(session(), { bypassCSP: true, width });
    await page.getByLabel("Workbook file").setInputFiles(await messyWorkbook());
    const status = page.getByRole("status");
    await status.getByText(/Rows 2 and 6 of Vehicles each hold the headers/).waitFor();

    const headerRow = page.getByRole("combobox", { name: /Header row/ });
    await headerRow.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("option", { name: /^Row 6: Vehicle, Channel/ }).waitFor();
    for (let step = 0; step < 4; step++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await status.getByText("Reading the headers from row 6 of Vehicles.").waitFor();
    expect(await headerRow.textContent()).toBe("Row 6: Vehicle, Channel, Investment, Leads, …");

    await page.getByRole("button", { name: "Plan" }).click();
    await page.getByRole("button", { name: "Download plan" }).waitFor();
    const problems = page.getByRole("list", { name: "Problems" });
    await expect(problems.getByText(/Vehicles!C9 Investment: "lots" is not an amount/).count()).resolves.toBe(
      1,
    );
    await expect(
      problems.getByText(/Vehicles!A10 Vehicle: "Total" is read as the table's total row/).count(),
    ).resolves.toBe(1);

    await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }
      ).axe;
      return (await axe.run()).violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => violation.id);
    });
    expect(violations).toEqual([]);
    await headerRow.scrollIntoViewIfNeeded();
    await screenshot(page, `header-row-${width}`);
    await context.close();
  },
  120_000,
);
