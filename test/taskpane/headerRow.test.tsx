import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { axe } from "jest-axe";
import type { CellValue } from "../../src/core/cells";
import type { PaneHost } from "../../src/taskpane/host";
import { PlannerPane } from "../../src/taskpane/PlannerPane";
import { FakeWorkbook, fakeExcel, VEHICLE_HEADERS, vehicleRows } from "./fakeWorkbook";

function renderPane(rows: CellValue[][]) {
  const workbook = new FakeWorkbook(rows);
  const excel = fakeExcel();
  const host = { kind: "excel", workbook, excel } satisfies PaneHost;
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <PlannerPane host={host} />
    </FluentProvider>,
  );
  return { user, excel, workbook };
}

function statusText(): string {
  return screen.getByRole("status").textContent ?? "";
}

async function waitForStatus(text: string | RegExp): Promise<void> {
  await waitFor(() => expect(statusText()).toMatch(text));
}

async function plan(user: UserEvent): Promise<void> {
  await user.click(screen.getByRole("button", { name: "Plan" }));
  await waitFor(() => expect(statusText()).toMatch(/Planned|cannot|Could not|not clear/));
}

function problemTexts(): string[] {
  return within(screen.getByRole("list", { name: "Problems" }))
    .getAllByRole("listitem")
    .map((item) => item.textContent ?? "");
}

const headerRowBox = () => screen.getByRole("combobox", { name: /Header row/ });

describe("issue 17.9 SPEC 1.1 the pane finds or is told the header row below a title", () => {
  test("one header row below a title is found, shown, planned, and the saved mapping reads that row", async () => {
    const { user, excel } = renderPane([["FY27 vehicle plan"], [], VEHICLE_HEADERS, ...vehicleRows()]);
    await waitForStatus("Found the vehicle table in tblVehicles (Vehicles).");
    expect(headerRowBox().textContent).toBe("Row 3: Vehicle, Channel, Investment, Leads, …");
    expect(excel.readSavedMapping).toHaveBeenCalledWith(
      { kind: "table", name: "tblVehicles" },
      VEHICLE_HEADERS,
    );
    const violations = (await axe(document.body)).violations.filter(
      (violation) => violation.impact === "serious" || violation.impact === "critical",
    );
    expect(violations.map((violation) => violation.id)).toEqual([]);

    await plan(user);
    expect(statusText()).toMatch(/^Planned 4 vehicles: 4 shortlisted\./);
  });

  test("with several header rows the user chooses one by keyboard, and problems name the true cells", async () => {
    const [first, ...others] = vehicleRows();
    const { user, excel } = renderPane([
      ["Last year"],
      VEHICLE_HEADERS,
      first,
      [],
      ["This year"],
      VEHICLE_HEADERS,
      ...others,
      ["Radio", "Audio", "lots", 50, 0.05, 9000, "Conversion"],
    ]);
    await waitForStatus(
      "Found the vehicle table in tblVehicles (Vehicles). Rows 2 and 6 of Vehicles each hold the headers of a vehicle table, so the header row is not clear: choose it under Header row.",
    );
    expect(screen.queryByRole("heading", { name: "Columns" })).toBeNull();

    await plan(user);
    expect(statusText()).toContain("Rows 2 and 6 of Vehicles each hold the headers of a vehicle table");

    headerRowBox().focus();
    await user.keyboard("{Enter}");
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{Enter}");
    await waitForStatus("Reading the headers from row 6 of Vehicles.");
    expect(headerRowBox().textContent).toBe("Row 6: Vehicle, Channel, Investment, Leads, …");
    expect(excel.readSavedMapping).toHaveBeenLastCalledWith(
      { kind: "table", name: "tblVehicles" },
      VEHICLE_HEADERS,
    );
    expect(screen.getByRole("heading", { name: "Columns" })).toBeTruthy();

    await plan(user);
    expect(statusText()).toMatch(/^Planned 4 vehicles: 3 shortlisted/);
    expect(problemTexts()).toEqual([
      'ErrorVehicles!C10 Investment: "lots" is not an amount: type a plain number such as 1200, 1,200, $1.2k or 2M',
    ]);
  });

  test("a row inserted above the headers in Excel moves the header row with them", async () => {
    const { user, excel, workbook } = renderPane([["FY27 vehicle plan"], VEHICLE_HEADERS, ...vehicleRows()]);
    await waitForStatus("Found the vehicle table in tblVehicles (Vehicles).");
    expect(headerRowBox().textContent).toBe("Row 2: Vehicle, Channel, Investment, Leads, …");

    const rows = [["FY27 vehicle plan"], ["Draft"], VEHICLE_HEADERS, ...vehicleRows()];
    rows[6] = ["Print ad", "Print", "lots", 100, 0.05, 20000, "Conversion"];
    workbook.sheets.set("Vehicles", { sheet: "Vehicles", top: 1, left: 1, cells: rows });
    const onChanged = excel.onSourceChanged.mock.calls[excel.onSourceChanged.mock.calls.length - 1][1];
    act(() => onChanged());
    await waitFor(() =>
      expect(headerRowBox().textContent).toBe("Row 3: Vehicle, Channel, Investment, Leads, …"),
    );

    await plan(user);
    expect(problemTexts()).toEqual([
      'ErrorVehicles!C7 Investment: "lots" is not an amount: type a plain number such as 1200, 1,200, $1.2k or 2M',
    ]);
  });

  test("a table whose first row is its header row shows no Header row control", async () => {
    renderPane([VEHICLE_HEADERS, ...vehicleRows()]);
    await waitForStatus("Found the vehicle table in tblVehicles (Vehicles).");
    expect(screen.queryByRole("combobox", { name: /Header row/ })).toBeNull();
  });
});

describe("issue 17.9 a Total row at the bottom of the vehicle table", () => {
  test("is skipped and listed as a note at its cell, not as an invalid vehicle", async () => {
    const { user } = renderPane([
      VEHICLE_HEADERS,
      ...vehicleRows(),
      ["Total", null, 90000, 950, null, null, null],
    ]);
    await waitForStatus(/Found the vehicle table/);
    await plan(user);
    expect(statusText()).toMatch(/^Planned 4 vehicles: 4 shortlisted\./);
    expect(problemTexts()).toEqual([
      'NoteVehicles!A6 Vehicle: "Total" is read as the table\'s total row and skipped: it is not a vehicle, so it is not checked or planned.',
    ]);
  });
});
