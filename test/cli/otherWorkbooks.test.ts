import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { cli } from "./runCli";
import { vehiclePackage } from "../fixtures/packages";

function tempFile(name: string, bytes?: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), "vp-cli-other-")), name);
  if (bytes) writeFileSync(path, bytes);
  return path;
}

interface IssueJson {
  severity: string;
  cell: string | null;
  field: string;
  message: string;
}

/** The issue lines stderr shows, as `severity: place: message`. */
function stderrIssues(stderr: string): string[] {
  return stderr.split("\n").filter((line) => /^(error|warning): /.test(line));
}

function asLine(issue: IssueJson): string {
  const place = issue.cell === null ? issue.field : `${issue.cell} ${issue.field}`;
  return `${issue.severity}: ${place}: ${issue.message}`;
}

async function workbookWithScenario(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const vehicles = book.addWorksheet("Vehicles");
  vehicles.addRow(["Vehicle", "Channel", "Investment", "Leads", "Pipeline"]);
  vehicles.addRow(["Trade show", "Events", 40000, 200, 400000]);
  vehicles.addRow(["Webinar", "Digital", "ten", 150, 200000]);
  vehicles.addRow(["Paid search", "Search", 20000, 300, 150000]);
  const scenarios = book.addWorksheet("Planner Scenarios");
  scenarios.addRow(["Scenario", "Vehicle", "Field", "Value"]);
  scenarios.addRow(["Lean", "", "Budget", "lots"]);
  scenarios.addRow(["Lean", "Billboards", "Investment", 5000]);
  scenarios.addRow(["Lean", "", "Bandwidth", 2]);
  const path = tempFile("scenario.xlsx");
  await book.xlsx.writeFile(path);
  return path;
}

describe("SPEC 7 the JSON holds every issue of the run", () => {
  test("plan --json --scenario: the scenario rows' problems are in issues with their cells, as stderr shows them", async () => {
    const input = await workbookWithScenario();
    const run = await cli("plan", input, "--out", tempFile("out.xlsx"), "--json", "--scenario", "Lean");
    expect(run.code).toBe(0);
    const issues = (JSON.parse(run.stdout) as { issues: IssueJson[] }).issues;
    expect(issues.map((issue) => issue.cell)).toEqual(
      expect.arrayContaining(["'Planner Scenarios'!D2", "'Planner Scenarios'!B3", "Vehicles!C3"]),
    );
    expect(issues.map(asLine)).toEqual(stderrIssues(run.stderr));
  });

  test("compare --json: the issues are the ones stderr shows, each with its cell", async () => {
    const input = await workbookWithScenario();
    const run = await cli("compare", input, "--out", tempFile("out.xlsx"), "--json");
    expect(run.code).toBe(0);
    const issues = (JSON.parse(run.stdout) as { issues: IssueJson[] }).issues;
    expect(issues.map((issue) => issue.cell)).toEqual(
      expect.arrayContaining(["'Planner Scenarios'!D2", "'Planner Scenarios'!B3", "Vehicles!C3"]),
    );
    expect(issues.map(asLine)).toEqual(stderrIssues(run.stderr));
  });
});

describe("SPEC 7 plan reads workbooks other applications write", () => {
  test.each([
    ["x:-prefixed", { prefix: "x" }],
    ["Strict Open XML", { strict: true }],
  ])("a %s workbook is planned (exit 0) and its plan reads back", async (_, options) => {
    const input = tempFile("other.xlsx", vehiclePackage(options));
    const out = tempFile("other-plan.xlsx");
    const run = await cli("plan", input, "--out", out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Wrote ${out} with the sheets Shortlist, Vehicle Filter, Media Mix, Budget Curve.`,
    );
    const again = await cli("plan", out, "--out", tempFile("again.xlsx"), "--json", "--sheet", "Vehicles");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).vehicles).toHaveLength(3);
  });

  test("a workbook whose worksheet parts are missing exits 1 saying the file is damaged", async () => {
    const input = tempFile("damaged.xlsx", vehiclePackage({ missingWorksheets: true }));
    const run = await cli("plan", input, "--out", tempFile("out.xlsx"));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'vehicle-planner: This .xlsx file is damaged: the part that holds the sheet "Vehicles" is missing. Open it in Excel, let Excel repair it, and save it again.\n',
    );
  });
});
