import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { cli, type Run } from "./runCli";

type Row = (string | number | null)[];

/** A workbook with one sheet of these rows, written where `plan` can read it. */
async function workbookOf(rows: Row[], sheet = "Vehicles"): Promise<{ input: string; out: string }> {
  const dir = mkdtempSync(join(tmpdir(), "vp-messy-"));
  const book = new ExcelJS.Workbook();
  const worksheet = book.addWorksheet(sheet);
  rows.forEach((row, index) => {
    row.forEach((value, column) => {
      if (value !== null) worksheet.getCell(index + 1, column + 1).value = value;
    });
  });
  const input = join(dir, "plans.xlsx");
  await book.xlsx.writeFile(input);
  return { input, out: join(dir, "out.xlsx") };
}

const HEADER: Row = ["Vehicle", "Channel", "Investment", "Leads", "Pipeline"];
const WEBINAR: Row = ["Webinar", "Digital", 10_000, 200, 60_000];
const SHOW: Row = ["Trade show", "Events", 40_000, 300, 150_000];
const BROKEN: Row = ["Paid search", "Digital", "lots", 500, 90_000];

interface JsonVehicle {
  vehicle: string;
  row: number;
  status: string;
}
interface JsonIssue {
  severity: string;
  cell: string | null;
  message: string;
}

function planJson(run: Run): { vehicles: JsonVehicle[]; issues: JsonIssue[] } {
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { vehicles: JsonVehicle[]; issues: JsonIssue[] };
}

describe("issue 17.9 SPEC 1.1 SPEC 7 a title row above the headers", () => {
  test("plan finds the header row below a title and notes, and names the true cells", async () => {
    const { input, out } = await workbookOf([
      ["Vehicle plan FY27"],
      [],
      ["Figures from finance, 3 Nov"],
      HEADER,
      WEBINAR,
      SHOW,
      BROKEN,
    ]);
    const run = await cli("plan", input, "--out", out, "--json");
    const json = planJson(run);
    expect(json.vehicles.map((vehicle) => [vehicle.vehicle, vehicle.row])).toEqual([
      ["Webinar", 5],
      ["Trade show", 6],
      ["Paid search", 7],
    ]);
    expect(run.stderr).toContain('error: Vehicles!C7 Investment: "lots" is not an amount');
  });

  test("several header rows: exit 1 asking for --header-row, which then reads the table below the row given", async () => {
    const { input, out } = await workbookOf([["Old plan"], HEADER, WEBINAR, [], ["New plan"], HEADER, SHOW]);
    const unclear = await cli("plan", input, "--out", out);
    expect(unclear.code).toBe(1);
    expect(unclear.stderr).toBe(
      'vehicle-planner: Rows 2 and 6 of sheet "Vehicles" each hold the headers of a vehicle table, so the header row is not clear: pass --header-row 2 or --header-row 6.\n',
    );
    const json = planJson(await cli("plan", input, "--out", out, "--json", "--header-row", "6"));
    expect(json.vehicles.map((vehicle) => [vehicle.vehicle, vehicle.row])).toEqual([["Trade show", 7]]);
  });

  test("--header-row on a row without the headers, or outside the sheet, exits 1 saying so", async () => {
    const { input, out } = await workbookOf([["Plan"], HEADER, WEBINAR]);
    const notHeaders = await cli("plan", input, "--out", out, "--sheet", "Vehicles", "--header-row", "1");
    expect(notHeaders.code).toBe(1);
    expect(notHeaders.stderr).toContain(
      'Row 1 of sheet "Vehicles" is not a vehicle table header row: it has "Plan"; it needs Vehicle, Investment, Leads',
    );
    const outside = await cli("plan", input, "--out", out, "--sheet", "Vehicles", "--header-row", "40");
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain(
      'Row 40 is not in sheet "Vehicles", whose rows run from 1 to 3: give --header-row a row within it.',
    );
  });

  test.each([["0"], ["2.5"], ["three"]])("--header-row %j is bad usage (exit 2)", async (value) => {
    const { input, out } = await workbookOf([HEADER, WEBINAR]);
    const run = await cli("plan", input, "--out", out, "--header-row", value);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "--header-row needs the sheet row that holds the headers, a whole number such as 3",
    );
  });

  test("a named sheet whose first 10 rows hold no header row names the likeliest row's headers", async () => {
    const { input, out } = await workbookOf(
      [["Plan"], ["Name", "Cost", "MQL count"], ["Webinar", 1, 2]],
      "Data",
    );
    const run = await cli("plan", input, "--out", out, "--sheet", "Data");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'None of the first 10 rows of sheet "Data" is a vehicle table header row: it needs Vehicle, Investment, Leads, and Pipeline or both Conversion rate and Average deal size. Row 2 has "Name", "Cost", "MQL count": rename its headers or match them with --map "Leads=MQL count".',
    );
  });
});

describe("issue 17.9 a Total row at the bottom of the vehicle table", () => {
  test("is skipped with an info line naming its cell, and is neither invalid nor planned", async () => {
    const { input, out } = await workbookOf([
      HEADER,
      WEBINAR,
      SHOW,
      ["Grand Total", null, 50_000, 500, 210_000],
    ]);
    const run = await cli("plan", input, "--out", out, "--json");
    const json = planJson(run);
    expect(json.vehicles.map((vehicle) => vehicle.vehicle)).toEqual(["Webinar", "Trade show"]);
    expect(run.stderr).toBe(
      'info: Vehicles!A4 Vehicle: "Grand Total" is read as the table\'s total row and skipped: it is not a vehicle, so it is not checked or planned.\n',
    );
    expect(json.issues.map((issue) => [issue.severity, issue.cell])).toEqual([["info", "Vehicles!A4"]]);
  });
});

describe("issue 17.9 SPEC 1.1 --map FIELD=HEADER for headers no synonym covers", () => {
  const ROWS: Row[] = [
    ["Programme", "Spend", "MQL count", "Pipeline"],
    ["Webinar", 10_000, 200, 60_000],
    ["Trade show", 40_000, "many", 150_000],
  ];

  test("--map, repeatable and case-insensitive in both halves, plans a table found only through it", async () => {
    const { input, out } = await workbookOf([["Plan FY27"], ...ROWS]);
    const run = await cli(
      "plan",
      input,
      "--out",
      out,
      "--json",
      "--map",
      "leads=mql COUNT",
      "--map",
      "Vehicle = Programme",
    );
    const json = planJson(run);
    expect(json.vehicles.map((vehicle) => [vehicle.vehicle, vehicle.row, vehicle.status])).toEqual([
      ["Webinar", 3, "Shortlisted"],
      ["Trade show", 4, "Invalid input"],
    ]);
    expect(run.stderr).toContain('error: Vehicles!C4 Leads: "many" is not an amount');
  });

  test("without --map the table is not found, and the message lists the headers found", async () => {
    const { input, out } = await workbookOf(ROWS);
    const run = await cli("plan", input, "--out", out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("\nSheet Vehicles starts with: Programme, Spend, MQL count, Pipeline.\n");
  });

  test("below a title, the no-table message names the row with the most headers", async () => {
    const { input, out } = await workbookOf([["Plan FY27"], [], ...ROWS], "Data");
    const run = await cli("plan", input, "--out", out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "has a vehicle table header row among its first 10 rows: it needs Vehicle, Investment, Leads",
    );
    expect(run.stderr).toContain("\nSheet Data row 3 has: Programme, Spend, MQL count, Pipeline.\n");
  });

  test.each([
    [
      "an unknown field",
      ["--map", "Lead=MQL count"],
      2,
      '--map "Lead=MQL count": "Lead" is not a field of the vehicle table. Write one of Vehicle, Channel, Investment, Leads,',
    ],
    [
      "no equals sign",
      ["--map", "Leads MQL count"],
      2,
      '--map "Leads MQL count" needs FIELD=HEADER: the field, "=", then the sheet\'s header, as in --map "Leads=MQL count".',
    ],
    [
      "no header",
      ["--map", "Leads="],
      2,
      '--map "Leads=": write the sheet\'s header after "=", as in --map "Leads=MQL count".',
    ],
    [
      "one field mapped twice",
      ["--map", "Leads=MQL count", "--map", "leads=Spend"],
      2,
      '--map "Leads=MQL count" and --map "leads=Spend" both map Leads: keep one of them.',
    ],
    [
      "a header not in the header row",
      ["--map", "Vehicle=Programme", "--map", "Leads=MQL count", "--map", "Risk=Chance of slip"],
      1,
      '--map "Risk=Chance of slip": the header row of Vehicles (row 1) has no column "Chance of slip"; it has "Programme", "Spend", "MQL count", "Pipeline". Write the header after "=" as it is in the sheet.',
    ],
  ])("a bad --map (%s) exits 1 or 2 with a message naming the fix", async (_, flags, code, message) => {
    const { input, out } = await workbookOf(ROWS);
    const run = await cli("plan", input, "--out", out, ...(flags as string[]));
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain("    at ");
  });

  test("the usage text shows --map and --header-row", async () => {
    const run = await cli("--help");
    expect(run.stdout).toContain("[--header-row N] [--map FIELD=HEADER]...");
    expect(run.stdout).toContain('--map "Leads=MQL count"');
  });
});
