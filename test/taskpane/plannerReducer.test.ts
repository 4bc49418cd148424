/**
 * Issue 16.6: the pane's state as a reducer and its actions as plain async
 * functions, driven here without React over an in-memory workbook.
 */
import type { PaneHost } from "../../src/taskpane/host";
import { loadWorkbook } from "../../src/taskpane/loadActions";
import { paneContext } from "../../src/taskpane/paneContext";
import { cancel, plan } from "../../src/taskpane/planActions";
import {
  INITIAL_STATE,
  plannerReducer,
  type PlannerAction,
  type PlannerState,
} from "../../src/taskpane/plannerReducer";
import { FakeWorkbook, fakeExcel } from "./fakeWorkbook";

function after(...actions: PlannerAction[]): PlannerState {
  return actions.reduce(plannerReducer, INITIAL_STATE);
}

/** A pane over the workbook with no React: the reducer's state, and the actions bound to it. */
function pane(workbook = new FakeWorkbook()) {
  let state: PlannerState = { ...INITIAL_STATE, workbook };
  const host: PaneHost = { kind: "excel", workbook, excel: fakeExcel() };
  const context = paneContext(
    host,
    () => state,
    (action) => (state = plannerReducer(state, action)),
  );
  return { context, workbook, state: () => state };
}

describe("SPEC 6 the pane plans without React", () => {
  test("after Plan the results show, the problems are the plan's, and the banner warns of shortlist places left empty", async () => {
    const { context, workbook, state } = pane();
    await loadWorkbook(context, workbook, null, null);
    expect(state().status?.text).toBe("Found the vehicle table in tblVehicles (Vehicles).");

    await plan(context);

    expect(state().progress).toBeNull();
    expect(state().status?.intent).toBe("warning");
    expect(state().status?.text).toMatch(
      /^Planned 4 vehicles: 4 shortlisted\. .* One warning: 4 of 5 shortlist places are filled \(Bandwidth 5\)/,
    );
    expect(state().result?.plan.vehicles.filter((v) => v.status === "Shortlisted")).toHaveLength(4);
    expect(state().problems).toEqual(state().result?.plan.issues);
    expect(workbook.written).toHaveLength(1);
  });

  test("Plan pressed while a plan runs does nothing", async () => {
    const { context, workbook, state } = pane();
    await loadWorkbook(context, workbook, null, null);
    const first = plan(context);
    await plan(context);
    await first;
    expect(workbook.written).toHaveLength(1);
    expect(state().status?.text).toMatch(/^Planned 4 vehicles/);
  });

  test("Cancel while reading says nothing was written", async () => {
    const { context, workbook, state } = pane();
    await loadWorkbook(context, workbook, null, null);
    const running = plan(context);
    cancel(context);
    expect(state().progress?.cancelling).toBe(true);
    await running;
    expect(state().status).toEqual({ intent: "warning", text: "Planning cancelled. Nothing was written." });
    expect(workbook.written).toHaveLength(0);
  });
});

describe("SPEC 1.2 settings typed in the pane", () => {
  test("a typed setting shows as typed and is marked changed; saving clears the marks", () => {
    const typed = after({ type: "settingTyped", key: "budget", text: "$60,000" });
    expect(typed.settings.budget).toBe("$60,000");
    expect([...typed.changedSettings]).toEqual(["budget"]);
    const saved = plannerReducer(typed, { type: "settingsSaved", settings: { budget: "$60,000" } });
    expect(saved.sheetSettings).toEqual({ budget: "$60,000" });
    expect(saved.changedSettings.size).toBe(0);
  });
});

describe("the banner's words for what happened", () => {
  test("a plan cancelled while writing says the output sheets were left as they were", () => {
    const state = after(
      { type: "started", step: "Writing the plan", fraction: 0.5 },
      { type: "cancelRequested" },
      { type: "planFinished", outcome: { kind: "cancelled", duringWrite: true }, browser: false },
    );
    expect(state.progress).toBeNull();
    expect(state.status).toEqual({
      intent: "warning",
      text: "Planning cancelled. The output sheets were left as they were.",
    });
  });

  test("a failed plan shows its message in red and lists its problems", () => {
    const issue = {
      severity: "error" as const,
      cell: "Vehicles!C3",
      field: "Investment",
      message: "lots is not a number",
    };
    const state = after({
      type: "planFinished",
      outcome: { kind: "failed", message: "1 row has errors.", issues: [issue] },
      browser: true,
    });
    expect(state.status).toEqual({ intent: "error", text: "1 row has errors." });
    expect(state.problems).toEqual([issue]);
    expect(state.result).toBeNull();
  });

  test("Replan when the sheet changes says what it will do, and what turning it off does", () => {
    expect(after({ type: "replanOnChangeSet", on: true }).status?.text).toBe(
      "The plan will be made again a moment after the vehicle table changes.",
    );
    expect(after({ type: "replanOnChangeSet", on: false }).status?.text).toBe(
      "Edits to the vehicle table no longer replan.",
    );
  });

  test("a new list of sheets and tables keeps the selection the user chose", () => {
    const selection = {
      kind: "selection" as const,
      name: "A1:C4",
      label: "Selection (A1:C4)",
      address: "A1:C4",
    };
    const sheet = { kind: "sheet" as const, name: "Ideas", label: "Ideas", address: "Ideas" };
    const state = plannerReducer(
      { ...INITIAL_STATE, sources: [selection] },
      { type: "sourcesListed", sources: [sheet] },
    );
    expect(state.sources).toEqual([sheet, selection]);
  });
});
