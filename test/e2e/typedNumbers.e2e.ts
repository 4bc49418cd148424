/**
 * Issue 17.7 in Chromium at a task pane's 350 px: a money setting shows its
 * separators while it is typed, key by key, before the field is left.
 */
import { openPane, SAMPLE, fileSession } from "./harness";

const session = fileSession();

test("issue 17.7 typing 260000 into Budget shows $260,000 as it is typed, the caret after the last digit", async () => {
  const { page, context } = await openPane(session(), { width: 350 });
  await page.getByLabel("Workbook file").setInputFiles(SAMPLE);
  await page.getByRole("button", { name: "Plan" }).and(page.locator(":enabled")).waitFor();
  const budget = page.getByRole("textbox", { name: "Budget" });
  await budget.fill("");
  await budget.click();
  await budget.pressSequentially("2600");
  await expect(budget.inputValue()).resolves.toBe("$2,600");
  await budget.pressSequentially("00");
  await expect(budget.inputValue()).resolves.toBe("$260,000");
  await expect(budget.evaluate((input: HTMLInputElement) => input.selectionStart)).resolves.toBe(8);
  await budget.press("Home");
  await budget.press("ArrowRight");
  await budget.press("ArrowRight");
  await budget.press("1");
  await expect(budget.inputValue()).resolves.toBe("$2,160,000");
  await expect(budget.evaluate((input: HTMLInputElement) => input.selectionStart)).resolves.toBe(4);
  await context.close();
}, 240_000);
