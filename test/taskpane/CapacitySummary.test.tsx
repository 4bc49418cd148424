import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import type { AllocationSummary, LeadSummary } from "../../src/core/model";
import { CapacitySummary } from "../../src/taskpane/components/CapacitySummary";

const BASE: AllocationSummary & LeadSummary = {
  budget: 100_000,
  allocated: 95_775.85,
  unallocated: 4_224.15,
  expectedPipeline: 425_515.65,
  pipelineGoal: 500_000,
  budgetForGoal: null,
  expectedLeads: 599.999,
  leadCapacity: 600,
  heldBackForCapacity: 4_224.15,
  leadsPerRep: 299.9995,
};

function shown(allocation: AllocationSummary & LeadSummary) {
  render(
    <FluentProvider theme={webLightTheme}>
      <CapacitySummary allocation={allocation} />
    </FluentProvider>,
  );
}

function rowsOf(): string[][] {
  const table = screen.getByRole("table", { name: "Leads and sales capacity" });
  return within(table)
    .getAllByRole("row")
    .map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent ?? ""),
    );
}

describe("SPEC 10.1 the pane's budget summary: leads against capacity", () => {
  test("SPEC 10.1 a binding capacity: expected leads, capacity, the money held back and leads per rep", () => {
    shown(BASE);
    expect(
      screen.getByText("Sales can work 600.0 leads, so $4,224 of the budget is held back."),
    ).toBeTruthy();
    expect(rowsOf()).toEqual([
      ["Expected leads", "600.0"],
      ["Lead capacity", "600.0"],
      ["Held back for capacity", "$4,224"],
      ["Leads per rep", "300.0"],
    ]);
  });

  test("SPEC 10.1 a capacity with room to spare says how many of its leads the plan uses", () => {
    shown({ ...BASE, expectedLeads: 450, heldBackForCapacity: 0, leadsPerRep: 225 });
    expect(screen.getByText("The plan brings 450.0 of the 600.0 leads sales can work.")).toBeTruthy();
  });

  test("SPEC 10.1 without a capacity only the expected leads", () => {
    shown({ ...BASE, leadCapacity: null, heldBackForCapacity: 0, leadsPerRep: null });
    expect(rowsOf()).toEqual([["Expected leads", "600.0"]]);
  });

  test("SPEC 10.1 no allocation: no capacity section", () => {
    shown({ ...BASE, expectedLeads: null, leadCapacity: null, heldBackForCapacity: null, leadsPerRep: null });
    expect(screen.queryByRole("table", { name: "Leads and sales capacity" })).toBeNull();
  });
});
