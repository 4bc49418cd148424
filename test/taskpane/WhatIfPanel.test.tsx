import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { axe } from "jest-axe";
import type { PaneHost } from "../../src/taskpane/host";
import { PlannerPane } from "../../src/taskpane/PlannerPane";
import { FakeWorkbook, fakeExcel } from "./fakeWorkbook";

async function plannedPane(): Promise<{ user: UserEvent; workbook: FakeWorkbook }> {
  const workbook = new FakeWorkbook();
  const host: PaneHost = { kind: "excel", workbook, excel: fakeExcel() };
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <PlannerPane host={host} />
    </FluentProvider>,
  );
  await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/Found the vehicle table/));
  await user.click(screen.getByRole("button", { name: "Plan" }));
  await screen.findByRole("table", { name: "Shortlist" });
  await screen.findByRole("region", { name: "What if" });
  return { user, workbook };
}

async function choose(user: UserEvent, combobox: string, option: string): Promise<void> {
  await user.click(screen.getByRole("combobox", { name: combobox }));
  await user.click(await screen.findByRole("option", { name: option }));
}

async function changeBandwidthTo(user: UserEvent, value: string): Promise<HTMLElement> {
  const panel = screen.getByRole("region", { name: "What if" });
  await choose(user, "Change", "A plan setting");
  await choose(user, "Field", "Bandwidth");
  const input = within(panel).getByRole("textbox", { name: /New value/ });
  await user.clear(input);
  await user.type(input, value);
  return panel;
}

test("SPEC 8 a what-if change shows at once which vehicles leave the shortlist and how expected pipeline moves", async () => {
  const { user } = await plannedPane();
  const panel = await changeBandwidthTo(user, "2");
  await waitFor(() => expect(panel.textContent).toContain("Leave it: Webinar, Print ad."));
  expect(panel.textContent).toMatch(/Expected pipeline \$[\d,]+ \(now \$[\d,]+, change -\$[\d,]+\)/);
  expect(
    (await axe(panel)).violations.filter(
      (violation) => violation.impact === "serious" || violation.impact === "critical",
    ),
  ).toEqual([]);
});

test("SPEC 8 Save as scenario writes the change to Planner Scenarios, and Compare scenarios writes the Scenarios sheet", async () => {
  const { user, workbook } = await plannedPane();
  const panel = await changeBandwidthTo(user, "2");
  await user.type(within(panel).getByRole("textbox", { name: "Scenario name" }), "Two vehicles");
  await user.click(within(panel).getByRole("button", { name: "Save as scenario" }));
  await waitFor(() =>
    expect(screen.getByRole("status").textContent).toContain(
      'Saved the change as scenario "Two vehicles" in Planner Scenarios.',
    ),
  );
  expect(workbook.inputTableWrites.at(-1)).toEqual({
    sheetName: "Planner Scenarios",
    tableName: "tblPlannerScenarios",
    rows: [["Two vehicles", "", "Bandwidth", 2]],
  });
  await user.click(within(panel).getByRole("button", { name: "Compare scenarios" }));
  await waitFor(() =>
    expect(screen.getByRole("status").textContent).toContain("Compared 1 scenario with the base plan."),
  );
  const scenarios = workbook.written.at(-1)?.find((sheet) => sheet.sheetName === "Scenarios");
  expect(scenarios?.rows.map((row) => [row[0], row[1], row[6]])).toEqual([
    ["Base", "Webinar, Paid search, Trade show, Print ad", ""],
    ["Two vehicles", "Paid search, Trade show", "Webinar, Print ad"],
  ]);
});

test("in Excel the panel offers to replan when the sheet changes", async () => {
  const { user } = await plannedPane();
  await user.click(screen.getByRole("switch", { name: "Replan when the sheet changes" }));
  expect(screen.getByRole("status").textContent).toContain(
    "The plan will be made again a moment after the vehicle table changes.",
  );
});
