import ExcelJS from "exceljs";
import { join } from "path";
import { cli, tempDir } from "./runCli";

const SAMPLE = join(__dirname, "..", "..", "assets", "vehicle-planner-sample.xlsx");
/** 2026-11-02 00:00 as an Excel serial (1900 date system). */
const DAY = 46328;

/** Two vehicles, and a lead log on the sheet `logSheet` (serials counted from 1904 when `date1904`). */
async function workbook(
  dir: string,
  options: { logSheet?: string; date1904?: boolean } = {},
): Promise<string> {
  const book = new ExcelJS.Workbook();
  const shift = options.date1904 ? 1462 : 0;
  if (options.date1904) book.properties.date1904 = true;
  const vehicles = book.addWorksheet("Vehicles");
  vehicles.addRow(["Vehicle", "Investment", "Leads", "Pipeline"]);
  vehicles.addRow(["Webinar", 10000, 100, 50000]);
  vehicles.addRow(["Paid search", 20000, 400, 90000]);
  const log = book.addWorksheet(options.logSheet ?? "Lead Log");
  log.addRow(["Lead ID", "Lead source", "Sales rep", "Created", "First call", "Lead status"]);
  log.addRow(["L1", "Webinar", "Ann", DAY - shift, null, "New"]);
  log.addRow(["L2", "webinar", "Ann", DAY + 1 - shift, DAY + 1.25 - shift, "Working"]);
  log.addRow(["L3", "Paid search", "Bob", DAY + 2 - shift, null, null]);
  const path = join(dir, "leads.xlsx");
  await book.xlsx.writeFile(path);
  return path;
}

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

describe("SPEC 10.2 the lead log on the command line", () => {
  test("SPEC 10.2 a sheet named Lead Log is read: the Lead Health sheet holds tblLeadHealthByVehicle and tblLeadHealthByRep", async () => {
    const dir = tempDir("vp-leads-");
    const input = await workbook(dir);
    const out = join(dir, "out.xlsx");
    const run = await cli("plan", input, "--out", out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Lead health by vehicle as of 2026-11-04 00:00:00");
    expect(run.stdout).toMatch(/Webinar\s+2\s+2\s+1\s+50\.0%/);
    expect(run.stdout).toContain("Lead health by rep");
    expect(run.stdout).toContain(
      "Wrote " + out + " with the sheets Shortlist, Vehicle Filter, Media Mix, Budget Curve, Lead Health.",
    );
    const sheet = (await readBack(out)).getWorksheet("Lead Health");
    const tables = sheet ? Object.keys((sheet as unknown as { tables: Record<string, unknown> }).tables) : [];
    expect(tables.sort()).toEqual(["tblLeadHealthByRep", "tblLeadHealthByVehicle"]);
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "Vehicle",
      "Leads",
      "In process",
      "Rotting",
      "Rotting rate",
      "Touched late",
      "Touched late rate",
      "Median hours to first touch",
      undefined,
      "Owner",
      "In process",
      "Rotting",
      "Rotting rate",
      "Leads per rep",
      "Load",
    ]);
    expect(sheet?.getRow(4).values).toEqual([
      undefined,
      "Total",
      3,
      3,
      1,
      1 / 3,
      0,
      0,
      6,
      undefined,
      "Total",
      3,
      1,
      1 / 3,
    ]);
    expect(sheet?.getCell("E2").numFmt).toBe("0.0%");
  });

  test("SPEC 6 planning the plan again replaces Lead Health in place: both tables keep their names", async () => {
    const dir = tempDir("vp-leads-");
    const first = join(dir, "first.xlsx");
    const second = join(dir, "second.xlsx");
    expect((await cli("plan", await workbook(dir), "--out", first)).code).toBe(0);
    const run = await cli("plan", first, "--out", second);
    expect(run.code).toBe(0);
    const book = await readBack(second);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      "Vehicles",
      "Lead Log",
      "Shortlist",
      "Vehicle Filter",
      "Media Mix",
      "Budget Curve",
      "Lead Health",
    ]);
    const sheet = book.getWorksheet("Lead Health");
    const tables = sheet ? Object.keys((sheet as unknown as { tables: Record<string, unknown> }).tables) : [];
    expect(tables.sort()).toEqual(["tblLeadHealthByRep", "tblLeadHealthByVehicle"]);
  });

  test("SPEC 10.2 --leads names the log's sheet, --lead-expiry and --as-of set the settings for the run", async () => {
    const dir = tempDir("vp-leads-");
    const input = await workbook(dir, { logSheet: "CRM export" });
    const run = await cli(
      "plan",
      input,
      "--out",
      join(dir, "out.xlsx"),
      "--json",
      "--leads",
      "CRM export",
      "--lead-expiry",
      "3d",
      "--as-of",
      "2026-11-09 08:00",
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.settings["Lead expiry"]).toBe(72);
    expect(json.settings["As of"]).toBe("2026-11-09T08:00:00");
    expect(json.leadHealth.asOf).toBe("2026-11-09T08:00:00");
    expect(
      json.leadHealth.byVehicle.map((row: { vehicle: string; rotting: number }) => [
        row.vehicle,
        row.rotting,
      ]),
    ).toEqual([
      ["Webinar", 1],
      ["Paid search", 1],
      ["Total", 2],
    ]);
    expect(json.vehicles.map((vehicle: { rottingRate: number | null }) => vehicle.rottingRate)).toEqual([
      0.5, 1,
    ]);
  });

  test("SPEC 10.2 serials are read in the workbook's 1904 date system when its date1904 flag is set", async () => {
    const dir = tempDir("vp-leads-");
    const input = await workbook(dir, { date1904: true });
    const run = await cli("plan", input, "--out", join(dir, "out.xlsx"), "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).leadHealth.asOf).toBe("2026-11-04T00:00:00");
  });

  test("SPEC 10.2 a workbook without a log plans exactly as before: no Lead Health, leadHealth null", async () => {
    const dir = tempDir("vp-leads-");
    const book = new ExcelJS.Workbook();
    const vehicles = book.addWorksheet("Vehicles");
    vehicles.addRow(["Vehicle", "Investment", "Leads", "Pipeline"]);
    vehicles.addRow(["Webinar", 10000, 100, 50000]);
    const input = join(dir, "plain.xlsx");
    await book.xlsx.writeFile(input);
    const plain = await cli("plan", input, "--out", join(dir, "out.xlsx"), "--json");
    expect(plain.code).toBe(0);
    const json = JSON.parse(plain.stdout);
    expect(json.leadHealth).toBeNull();
    expect(json.settings["As of"]).toBeNull();
    expect((await readBack(join(dir, "out.xlsx"))).getWorksheet("Lead Health")).toBeUndefined();
  });

  test.each([
    ["--leads names a sheet the workbook lacks", ["--leads", "CRM"], /no lead log sheet named "CRM"/],
    [
      "--leads names a sheet without its headers",
      ["--leads", "Vehicles"],
      /needs the headers Vehicle, Owner and Handed off/,
    ],
    ["--lead-expiry does not parse", ["--lead-expiry", "soon"], /Lead expiry/],
    ["--lead-expiry is 0", ["--lead-expiry", "0"], /Lead expiry/],
    ["--as-of does not parse", ["--as-of", "yesterday"], /As of/],
  ])("SPEC 10.2 nothing to plan: %s exits 1", async (_, extra, message) => {
    const run = await cli("plan", SAMPLE, "--out", join(tempDir("vp-leads-"), "o.xlsx"), ...extra);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
  });

  test("SPEC 10.2 the log's row problems go to stderr with their cells", async () => {
    const run = await cli("plan", SAMPLE, "--out", join(tempDir("vp-leads-"), "o.xlsx"));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("error: 'Lead Log'!E122 First touch: First touch");
    expect(run.stderr).toContain("warning: 'Lead Log'!F902 Status:");
    expect(run.stderr).toContain("warning: 'Lead Log'!B1502 Vehicle:");
  });
});
