import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import type { CellValue } from "../../src/core/cells";
import type { LeadHealth } from "../../src/core/leadHealth";
import { LeadHealthView } from "../../src/taskpane/components/LeadHealthView";
import type { PaneHost } from "../../src/taskpane/host";
import { PlannerPane } from "../../src/taskpane/PlannerPane";
import { block, FakeWorkbook, fakeExcel } from "./fakeWorkbook";

/** 2026-11-02 00:00 as an Excel serial. */
const DAY = 46328;

function leadLog(): CellValue[][] {
  return [
    ["Lead", "Vehicle", "Owner", "Handed off", "First touch", "Status"],
    ["L1", "Webinar", "Ann", DAY, null, "New"],
    ["L2", "Webinar", "Ann", DAY + 1, DAY + 1.25, "Working"],
    ["L3", "Paid search", "Bob", DAY + 2, null, null],
  ];
}

function renderPane(host: PaneHost): UserEvent {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <PlannerPane host={host} />
    </FluentProvider>,
  );
  return user;
}

function statusText(): string {
  return screen.getByRole("status").textContent ?? "";
}

function rowsOf(name: string): string[][] {
  return within(screen.getByRole("table", { name }))
    .getAllByRole("row")
    .map((row) =>
      within(row)
        .queryAllByRole("cell")
        .map((cell) => cell.textContent ?? ""),
    )
    .filter((cells) => cells.length > 0);
}

describe("SPEC 10.2 lead health in the pane", () => {
  test("SPEC 10.2 the Lead Log sheet is preselected; after Plan the pane shows the rotting rate and writes Lead Health", async () => {
    const workbook = new FakeWorkbook();
    workbook.sheets.set("Lead Log", block("Lead Log", leadLog()));
    const user = renderPane({ kind: "excel", workbook, excel: fakeExcel() });
    await waitFor(() => expect(statusText()).toMatch(/Found the vehicle table/));
    expect(screen.getByRole("combobox", { name: /Lead log/ }).textContent).toContain("Lead Log");

    await user.click(screen.getByRole("button", { name: "Plan" }));
    await screen.findByRole("table", { name: "Lead health figures" });
    expect(rowsOf("Lead health figures")).toEqual([
      ["As of", "2026-11-04 00:00:00"],
      ["Leads in process", "3"],
      ["Rotting", "1"],
      ["Rotting rate", "33.3%"],
      ["Median hours to first touch", "6.0"],
    ]);
    expect(
      screen.getByText("Give the Leads per rep setting to see which reps are over capacity."),
    ).toBeTruthy();
    expect(workbook.written[0].map((sheet) => sheet.sheetName)).toContain("Lead Health");
  }, 60_000);

  test("SPEC 10.2 choosing None leaves the log out: no Lead Health sheet", async () => {
    const workbook = new FakeWorkbook();
    workbook.sheets.set("Lead Log", block("Lead Log", leadLog()));
    const user = renderPane({ kind: "excel", workbook, excel: fakeExcel() });
    await waitFor(() => expect(statusText()).toMatch(/Found the vehicle table/));
    await user.click(screen.getByRole("combobox", { name: /Lead log/ }));
    await user.click(await screen.findByRole("option", { name: "None" }));
    await user.click(screen.getByRole("button", { name: "Plan" }));
    await waitFor(() => expect(statusText()).toMatch(/^Planned/));
    expect(workbook.written[0].map((sheet) => sheet.sheetName)).toEqual([
      "Shortlist",
      "Vehicle Filter",
      "Media Mix",
      "Budget Curve",
    ]);
    expect(screen.queryByRole("table", { name: "Lead health figures" })).toBeNull();
  }, 60_000);

  test("SPEC 10.2 reps whose Load is over 100 % are listed", () => {
    const health: LeadHealth = {
      asOf: DAY,
      byVehicle: [
        {
          vehicle: "Total",
          leads: 30,
          inProcess: 25,
          rotting: 5,
          rottingRate: 0.2,
          touchedLate: 1,
          touchedLateRate: 0.1,
          medianHoursToFirstTouch: null,
        },
      ],
      byRep: [
        { owner: "Sam", inProcess: 15, rotting: 4, rottingRate: 4 / 15, leadsPerRep: 10, load: 1.5 },
        { owner: "Ann", inProcess: 10, rotting: 1, rottingRate: 0.1, leadsPerRep: 10, load: 1 },
        { owner: "Total", inProcess: 25, rotting: 5, rottingRate: 0.2, leadsPerRep: null, load: null },
      ],
      issues: [],
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <LeadHealthView health={health} />
      </FluentProvider>,
    );
    expect(rowsOf("Reps over capacity")).toEqual([["Sam", "15", "150.0%", "26.7%"]]);
  });
});
