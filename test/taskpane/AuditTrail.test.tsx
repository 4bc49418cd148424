import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { CellValue } from "../../src/core/cells";
import { makePlan, readPlanInputs } from "../../src/core/plan";
import { AuditTrail } from "../../src/taskpane/components/AuditTrail";

function planOf(rows: CellValue[][]) {
  const inputs = readPlanInputs({
    vehicles: {
      sheet: "Vehicles",
      top: 1,
      left: 1,
      cells: [["Vehicle", "Investment", "Leads", "Pipeline"], ...rows],
    },
    overrides: { bandwidth: 1, pipelineGoal: 10_000 },
  });
  if (!inputs.ok) throw new Error(inputs.message);
  const plan = makePlan(inputs.value);
  if (!plan.ok) throw new Error(plan.message);
  return plan.value;
}

function column(name: string): string[] {
  const table = screen.getByRole("table", { name: "Every vehicle" });
  const headers = within(table)
    .getAllByRole("columnheader")
    .map((cell) => cell.textContent);
  const index = headers.indexOf(name);
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell")[index].textContent ?? "");
}

describe("SPEC 6 / issue 17.6 the Vehicle filter in the pane lists every vehicle", () => {
  const plan = planOf([
    ["Print", 10_000, 100, 20_000],
    ["Webinar", 10_000, 100, 90_000],
    ["Radio", 10_000, 100, 60_000],
    ["Broken", "lots", 100, 60_000],
  ]);

  test("in table order with status and reasons, then sorted by status and by what it would take", async () => {
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <AuditTrail plan={plan} />
      </FluentProvider>,
    );
    expect(column("Vehicle")).toEqual(["Print", "Webinar", "Radio", "Broken"]);
    expect(column("Status")).toEqual(["Reserve", "Shortlisted", "Reserve", "Invalid input"]);
    expect(column("Reasons")[3]).toMatch(/^Vehicles!B5 Investment: /);

    await user.click(screen.getByRole("combobox", { name: "Sort by" }));
    await user.click(screen.getByRole("option", { name: "Status" }));
    expect(column("Status")).toEqual(["Shortlisted", "Reserve", "Reserve", "Invalid input"]);

    await user.click(screen.getByRole("combobox", { name: "Sort by" }));
    await user.click(screen.getByRole("option", { name: "To make the shortlist" }));
    expect(column("Vehicle").slice(0, 2)).toEqual(["Radio", "Print"]);
    expect(column("To make the shortlist")[0]).toMatch(/^×1\.\d\d pipeline$/);

    await user.click(screen.getByRole("combobox", { name: "Show" }));
    await user.click(screen.getByRole("option", { name: "Invalid input" }));
    expect(column("Vehicle")).toEqual(["Broken"]);
    expect(screen.getByText("Showing 1 of 1 vehicles.")).toBeTruthy();
  });
});
