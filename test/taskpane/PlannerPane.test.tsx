import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { axe } from "jest-axe";
import type { CellValue } from "../../src/core/cells";
import type { PaneHost } from "../../src/taskpane/host";
import { PlannerPane } from "../../src/taskpane/PlannerPane";
import { block, FakeWorkbook, fakeExcel, VEHICLE_HEADERS, vehicleRows } from "./fakeWorkbook";

function renderPane(host: PaneHost): UserEvent {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <PlannerPane host={host} />
    </FluentProvider>,
  );
  return user;
}

function excelHost(workbook = new FakeWorkbook(), excel = fakeExcel()) {
  return { host: { kind: "excel", workbook, excel } satisfies PaneHost, workbook, excel };
}

function statusText(): string {
  return screen.getByRole("status").textContent ?? "";
}

async function waitForStatus(text: string | RegExp): Promise<void> {
  await waitFor(() => expect(statusText()).toMatch(text));
}

async function choose(user: UserEvent, combobox: RegExp, option: string | RegExp): Promise<void> {
  await user.click(screen.getByRole("combobox", { name: combobox }));
  await user.click(await screen.findByRole("option", { name: option }));
}

/** The data rows of a result table, each as its cells' texts. */
function tableRows(name: string): string[][] {
  const table = screen.getByRole("table", { name });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent ?? ""),
    );
}

async function plan(user: UserEvent): Promise<void> {
  await user.click(screen.getByRole("button", { name: "Plan" }));
  await waitFor(() => expect(statusText()).toMatch(/Planned|cannot|cancelled|Could not/));
  // The results come with the engine's chunk, loaded on the first plan.
  if (statusText().startsWith("Planned")) await screen.findByRole("table", { name: "Shortlist" });
}

/** Serious and critical axe violations, as their ids; minor ones do not fail the pane. */
async function seriousViolations(): Promise<string[]> {
  const results = await axe(document.body);
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(" | ")}`);
}

describe("the pane in Excel", () => {
  test("finds the vehicle table, plans it and says what it wrote", async () => {
    const { host, workbook } = excelHost();
    const user = renderPane(host);
    await waitForStatus("Found the vehicle table in tblVehicles (Vehicles).");

    await plan(user);

    expect(statusText()).toBe(
      "Planned 4 vehicles: 4 shortlisted. Wrote Shortlist, Vehicle Filter, Media Mix, Budget Curve." +
        " One warning: 4 of 5 shortlist places are filled (Bandwidth 5): the table has only 4 valid vehicles;" +
        " lower Bandwidth in Settings.",
    );
    expect(workbook.written).toHaveLength(1);
    expect(workbook.written[0].map((sheet) => sheet.sheetName)).toEqual([
      "Shortlist",
      "Vehicle Filter",
      "Media Mix",
      "Budget Curve",
    ]);
    const shortlist = tableRows("Shortlist");
    expect(shortlist.map((row) => row[0])).toEqual(["1", "2", "3", "4"]);
    expect(shortlist.map((row) => row[1]).sort()).toEqual([
      "Paid search",
      "Print ad",
      "Trade show",
      "Webinar",
    ]);
    expect(tableRows("Budget")[0]).toEqual(["Budget", "$90,000"]);
    const notAsked = screen.getByRole("list", { name: "Questions not asked of any vehicle" });
    expect(
      within(notAsked)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([
      "Q2 Reach & resonance: Neither Reach nor Resonance given",
      "Q3 Message fit: No Message length given",
      "Q4 Skills: Neither Skill today nor Skill tomorrow given",
      "Q6 Track record: No track record (Prior investment and Prior pipeline) given",
    ]);
  });

  test("the Go to buttons bring each written sheet to the front", async () => {
    const { host, excel } = excelHost();
    const user = renderPane(host);
    await waitForStatus(/Found the vehicle table/);
    await plan(user);

    await user.click(screen.getByRole("button", { name: "Go to Media Mix" }));

    expect(excel.activateSheet).toHaveBeenCalledWith("Media Mix");
    await waitForStatus("Showing the Media Mix sheet.");
  });

  test("choosing another source reads its headers into the column mapping", async () => {
    const workbook = new FakeWorkbook();
    workbook.sheets.set(
      "Programs",
      block("Programs", [
        ["Program", "Spend", "Responses", "Pipeline value"],
        ["Dinner", 5000, 20, 60000],
      ]),
    );
    const user = renderPane(excelHost(workbook).host);
    await waitForStatus(/Found the vehicle table/);

    await choose(user, /^Vehicle table/, "Programs");

    await waitForStatus("Reading the vehicles from Programs.");
    expect(screen.getByRole("combobox", { name: /^Vehicle\b(?! table)/ }).textContent).toContain(
      "Program (column A)",
    );
    expect(screen.getByRole("combobox", { name: /^Investment/ }).textContent).toContain("Spend (column B)");
    await plan(user);
    expect(statusText()).toMatch(/^Planned 1 vehicle: 1 shortlisted\./);
  });

  test("Use selection plans the cells selected when it was pressed", async () => {
    const workbook = new FakeWorkbook();
    workbook.sheets.set("Ideas", block("Ideas", [["Notes"]]));
    const rows = [VEHICLE_HEADERS, ...vehicleRows().slice(0, 2)];
    workbook.selection = block("Ideas", rows, 3, 2);
    const user = renderPane(excelHost(workbook).host);
    await waitForStatus(/Found the vehicle table/);

    await user.click(screen.getByRole("button", { name: "Use selection" }));

    await waitForStatus("Reading the vehicles from Selection (Ideas!B3:H5).");
    workbook.selection = block("Ideas", [["Notes"]]);
    await plan(user);
    expect(statusText()).toMatch(/^Planned 2 vehicles: 2 shortlisted\./);
  });

  test("a column mapped by hand is used for the plan and saved with the workbook", async () => {
    const rows: CellValue[][] = [
      ["Vehicle", "Channel", "Investment", "Leads", "Pipe $"],
      ["Trade show", "Events", 40000, 200, 400000],
      ["Webinar", "Digital", 10000, 150, 180000],
    ];
    const { host, excel } = excelHost(new FakeWorkbook(rows));
    const user = renderPane(host);
    await screen.findByRole("combobox", { name: /^Pipeline/ });
    expect(
      screen.getAllByText("Required: Pipeline, or both Conversion rate and Average deal size.").length,
    ).toBeGreaterThan(0);

    await choose(user, /^Pipeline/, "Pipe $ (column E)");

    expect(excel.saveMapping).toHaveBeenCalledWith(
      { kind: "table", name: "tblVehicles" },
      { pipeline: 4 },
      expect.arrayContaining(["Pipe $"]),
    );
    expect(
      screen.queryByText("Required: Pipeline, or both Conversion rate and Average deal size."),
    ).toBeNull();
    await plan(user);
    expect(statusText()).toMatch(/^Planned 2 vehicles: 2 shortlisted\./);
    expect(tableRows("Budget")).toContainEqual(["Pipeline goal", "$580,000"]);
  });

  test("a mapping saved with the workbook is used when the pane opens", async () => {
    const rows: CellValue[][] = [
      ["Vehicle", "Investment", "Leads", "Pipe $"],
      ["Trade show", 40000, 200, 400000],
    ];
    const { host } = excelHost(new FakeWorkbook(rows), fakeExcel({ pipeline: 3 }));
    const user = renderPane(host);

    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: /^Pipeline/ }).textContent).toContain("Pipe $ (column D)"),
    );
    await plan(user);
    expect(statusText()).toMatch(/^Planned 1 vehicle: 1 shortlisted\./);
  });

  test("SPEC 1.2 Bandwidth typed in the pane limits the shortlist", async () => {
    const { host } = excelHost();
    const user = renderPane(host);
    await waitForStatus(/Found the vehicle table/);
    const bandwidth = screen.getByRole("spinbutton", { name: "Bandwidth" });
    expect(bandwidth.getAttribute("placeholder")).toBe("5");

    await user.type(bandwidth, "2{Enter}");
    await plan(user);

    expect(statusText()).toMatch(/^Planned 4 vehicles: 2 shortlisted\./);
    expect(tableRows("Shortlist")).toHaveLength(2);
  });

  test("SPEC 1.2 a setting that does not parse is named and nothing is planned", async () => {
    const { host, workbook } = excelHost();
    const user = renderPane(host);
    await waitForStatus(/Found the vehicle table/);

    await user.type(screen.getByRole("textbox", { name: "Budget" }), "plenty");
    await plan(user);

    expect(statusText()).toMatch(/Budget/);
    expect(statusText()).toMatch(/nothing is planned/);
    expect(workbook.written).toHaveLength(0);
  });

  test("settings start from the Planner Settings sheet and Save settings writes them back", async () => {
    const workbook = new FakeWorkbook();
    workbook.sheets.set(
      "Planner Settings",
      block("Planner Settings", [
        ["Setting", "Value"],
        ["Bandwidth", 3],
        ["Budget", "50k"],
      ]),
    );
    const user = renderPane(excelHost(workbook).host);
    await waitForStatus(/Found the vehicle table/);
    expect((screen.getByRole("spinbutton", { name: "Bandwidth" }) as HTMLInputElement).value).toBe("3");
    expect((screen.getByRole("textbox", { name: "Budget" }) as HTMLInputElement).value).toBe("50k");
    expect(screen.getByRole("textbox", { name: "Pipeline goal" }).getAttribute("placeholder")).toBe(
      "Sum of Pipeline",
    );

    await plan(user);
    expect(statusText()).toMatch(/^Planned 4 vehicles: 3 shortlisted\./);
    expect(tableRows("Budget")[0]).toEqual(["Budget", "$50,000"]);

    const budget = screen.getByRole("textbox", { name: "Budget" });
    await user.clear(budget);
    await user.type(budget, "$60k");
    await user.click(screen.getByRole("button", { name: "Save settings" }));

    await waitForStatus("Saved 2 settings on the Planner Settings sheet.");
    expect(workbook.inputTableWrites).toEqual([
      {
        sheetName: "Planner Settings",
        tableName: "tblPlannerSettings",
        rows: [
          ["Bandwidth", 3],
          ["Budget", 60000],
        ],
      },
    ]);
  });

  test("a setting cleared in the pane takes its default, not the sheet's value", async () => {
    const workbook = new FakeWorkbook();
    workbook.sheets.set(
      "Planner Settings",
      block("Planner Settings", [
        ["Setting", "Value"],
        ["Budget", 50000],
      ]),
    );
    const user = renderPane(excelHost(workbook).host);
    await waitForStatus(/Found the vehicle table/);

    await user.clear(screen.getByRole("textbox", { name: "Budget" }));
    await plan(user);

    expect(tableRows("Budget")[0]).toEqual(["Budget", "$90,000"]);
  });

  test("SPEC 1.1 row problems are listed with their cells and choosing one selects it in Excel", async () => {
    const rows = [VEHICLE_HEADERS, ...vehicleRows()];
    rows[2] = ["Webinar", "Digital", "lots", 150, 0.08, 15000, "Conversion"];
    const { host, excel } = excelHost(new FakeWorkbook(rows));
    const user = renderPane(host);
    await waitForStatus(/Found the vehicle table/);

    await plan(user);

    expect(statusText()).toMatch(/^Planned 4 vehicles: 3 shortlisted\. 1 row with invalid input\./);
    const problems = within(screen.getByRole("list", { name: "Problems" }));
    const problem = problems.getByRole("button", { name: /^Vehicles!C3 Investment: / });
    await user.click(problem);
    expect(excel.selectCell).toHaveBeenCalledWith("Vehicles!C3");
    await waitForStatus("Selected Vehicles!C3.");
  });

  test("Cancel during a slow write leaves the sheets as they were", async () => {
    const workbook = new FakeWorkbook();
    workbook.holdWrites = true;
    const user = renderPane(excelHost(workbook).host);
    await waitForStatus(/Found the vehicle table/);

    await user.click(screen.getByRole("button", { name: "Plan" }));
    await act(() => workbook.writeStarted.promise);
    expect(screen.getByText("Writing the plan…")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.getByText("Cancelling…")).toBeTruthy();
    await act(async () => workbook.releaseWrite());

    await waitForStatus("Planning cancelled. The output sheets were left as they were.");
    expect(workbook.written).toHaveLength(0);
    expect(screen.queryByRole("table", { name: "Shortlist" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
  });

  test("a hostile vehicle name is shown as the characters it holds", async () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const rows = [VEHICLE_HEADERS, ...vehicleRows()];
    rows[1] = [hostile, "<b>Events</b>", 40000, 200, 0.1, 20000, "Conversion"];
    const user = renderPane(excelHost(new FakeWorkbook(rows)).host);
    await waitForStatus(/Found the vehicle table/);

    await plan(user);

    const shortlist = tableRows("Shortlist");
    expect(shortlist.map((row) => row[1])).toContain(hostile);
    expect(shortlist.map((row) => row[2])).toContain("<b>Events</b>");
    expect(document.querySelector("img")).toBeNull();
    expect(document.querySelector("b")).toBeNull();
  });

  test("has no serious accessibility violations before and after planning", async () => {
    const rows = [VEHICLE_HEADERS, ...vehicleRows()];
    rows[2] = ["Webinar", "Digital", "lots", 150, 0.08, 15000, "Conversion"];
    const user = renderPane(excelHost(new FakeWorkbook(rows)).host);
    await waitForStatus(/Found the vehicle table/);
    expect(await seriousViolations()).toEqual([]);

    await plan(user);
    expect(await seriousViolations()).toEqual([]);
  });
});

describe("the pane in a browser", () => {
  function browserHost(workbook = new FakeWorkbook()) {
    const download = jest.fn((_bytes: Uint8Array, _name: string) => {});
    const opened: Uint8Array[] = [];
    const host: PaneHost = {
      kind: "browser",
      openFile: async (bytes) => {
        opened.push(bytes);
        if (bytes[0] !== 80) throw new Error("this is not an .xlsx workbook");
        return { workbook, vehicleSource: { kind: "table", name: "tblVehicles" } };
      },
      loadSample: async () => new Uint8Array([80, 75, 3, 4, 1]),
      download,
    };
    return { host, download, opened, workbook };
  }

  test("Open workbook reads the file; Plan then Download plan saves <name>-plan.xlsx", async () => {
    const { host, download, workbook } = browserHost();
    const user = renderPane(host);
    expect(screen.queryByRole("button", { name: "Use selection" })).toBeNull();

    await user.upload(
      screen.getByLabelText("Workbook file"),
      new File([new Uint8Array([80, 75, 3, 4])], "Q3 plan.xlsx"),
    );
    await waitForStatus("Opened Q3 plan.xlsx. Found the vehicle table in tblVehicles (Vehicles).");
    await plan(user);

    expect(statusText()).toBe(
      "Planned 4 vehicles: 4 shortlisted. Wrote Shortlist, Vehicle Filter, Media Mix, Budget Curve. " +
        "Download plan saves the workbook with these sheets." +
        " One warning: 4 of 5 shortlist places are filled (Bandwidth 5): the table has only 4 valid vehicles;" +
        " lower Bandwidth in Settings.",
    );
    expect(workbook.written).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "Download plan" }));
    expect(download).toHaveBeenCalledWith(new Uint8Array([80, 75, 3, 4]), "Q3 plan-plan.xlsx");
    await waitForStatus("Downloaded Q3 plan-plan.xlsx.");
  });

  test("the sample workbook link opens the bundled sample", async () => {
    const { host, opened } = browserHost();
    const user = renderPane(host);

    await user.click(screen.getByRole("button", { name: "Try the sample workbook" }));

    await waitForStatus(/^Opened vehicle-planner-sample\.xlsx\./);
    expect(opened).toEqual([new Uint8Array([80, 75, 3, 4, 1])]);
  });

  test("a file that is not a workbook gets a message, not a crash", async () => {
    const { host } = browserHost();
    const user = renderPane(host);

    await user.upload(screen.getByLabelText("Workbook file"), new File(["hello"], "notes.xlsx"));

    await waitForStatus("Could not open notes.xlsx: this is not an .xlsx workbook");
    expect(screen.getByRole("button", { name: "Plan" }).hasAttribute("disabled")).toBe(true);
  });

  test("problems show their cells without selecting anything", async () => {
    const rows = [VEHICLE_HEADERS, ...vehicleRows()];
    rows[3] = ["Paid search", "Digital", 25000, -5, 0.05, 12000, "Conversion"];
    const { host } = browserHost(new FakeWorkbook(rows));
    const user = renderPane(host);
    await user.click(screen.getByRole("button", { name: "Try the sample workbook" }));
    await waitForStatus(/Found the vehicle table/);

    await plan(user);

    const problems = within(screen.getByRole("list", { name: "Problems" }));
    expect(problems.getByText(/^Vehicles!D4 Leads: /)).toBeTruthy();
    expect(problems.queryByRole("button")).toBeNull();
  });

  test("has no serious accessibility violations before a workbook is open", async () => {
    renderPane(browserHost().host);
    expect(screen.getByRole("button", { name: "Open workbook" })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});
