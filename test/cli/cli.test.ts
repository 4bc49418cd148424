import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { cli, tempDir } from "./runCli";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "assets", "vehicle-planner-sample.xlsx");

async function workbookFile(
  dir: string,
  build: (book: ExcelJS.Workbook) => void,
  name = "plans.xlsx",
): Promise<string> {
  const book = new ExcelJS.Workbook();
  build(book);
  const path = join(dir, name);
  await book.xlsx.writeFile(path);
  return path;
}

function leadSources(book: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = book.addWorksheet("Vehicles");
  sheet.addRow(["Lead source", "Spend ($)", "Leads", "Conv. Rate (%)", "Avg deal size"]);
  sheet.addRow(["LeadSource A", 10000, 200, 0.05, 1800]);
  sheet.addRow(["LeadSource B", 10000, 100, "12%", 2500]);
  return sheet;
}

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

describe("vehicle-planner plan", () => {
  test("SPEC 7 plan writes WORKBOOK-plan.xlsx beside the input with the three tables, numbers as numbers with formats", async () => {
    const dir = tempDir();
    const input = await workbookFile(dir, leadSources);
    const run = await cli("plan", input);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Shortlist");
    expect(run.stdout).toMatch(/1\s+LeadSource B\s+LeadSource B\s+\$10,000/);
    expect(run.stdout).toContain(
      "Not asked of any vehicle: Q1 Objective fit (No Objectives given); Q2 Reach & resonance (Neither Reach nor Resonance given);",
    );
    const out = join(dir, "plans-plan.xlsx");
    const book = await readBack(out);
    const shortlist = book.getWorksheet("Shortlist");
    expect(shortlist?.getRow(1).values).toEqual([
      undefined,
      "Rank",
      "Vehicle",
      "Channel",
      "Investment",
      "Recommended investment",
      "Bound",
      "Pipeline",
      "Expected pipeline",
      "Expected leads",
      "Pipeline per lead",
      "Marginal pipeline per $1k",
      "Pipeline per $",
      "Cost per lead",
      "Efficiency",
      "Rotting rate",
      "Why",
    ]);
    expect(shortlist?.getCell("B2").value).toBe("LeadSource B");
    expect(shortlist?.getCell("G2").value).toBe(30000);
    expect(shortlist?.getCell("L2").value).toBe(3);
    expect(shortlist?.getCell("M2").value).toBe(100);
    expect(shortlist?.getCell("M2").numFmt).toBe("$#,##0.00");
    expect(shortlist?.getCell("D2").numFmt).toBe("$#,##0");
    expect(book.getWorksheet("Shortlist")?.getCell("B3").value).toBe("LeadSource A");
    expect(book.getWorksheet("Vehicle Filter")?.getCell("C2").value).toBe("Shortlisted");
    expect(book.getWorksheet("Media Mix")?.getCell("C2").numFmt).toBe("0.0%");
    const tables = (
      readFileSync(out).length > 0
        ? ["tblShortlist", "tblVehicleFilter", "tblMediaMix", "tblBudgetCurve"]
        : []
    ).filter((name) =>
      execFileSync("unzip", ["-p", out, "xl/tables/*"]).toString().includes(`name="${name}"`),
    );
    expect(tables).toEqual(["tblShortlist", "tblVehicleFilter", "tblMediaMix", "tblBudgetCurve"]);
  });

  test("SPEC 7 --json prints exactly the SPEC document: keys in order, invalid rows with null answers", async () => {
    const dir = tempDir();
    const run = await cli("plan", SAMPLE, "--out", join(dir, "out.xlsx"), "--json");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual([
      "settings",
      "vehicles",
      "allocation",
      "mix",
      "budgetCurve",
      "leadHealth",
      "issues",
    ]);
    expect(Object.keys(json.vehicles[0])).toEqual([
      "vehicle",
      "channel",
      "row",
      "status",
      "eliminatedAt",
      "answers",
      "pipeline",
      "pipelinePerDollar",
      "costPerLead",
      "efficiency",
      "rank",
      "recommendedInvestment",
      "expectedPipeline",
      "bound",
      "marginalPer1k",
      "toShortlist",
      "expectedLeads",
      "pipelinePerLead",
      "rottingRate",
    ]);
    expect(Object.keys(json.allocation)).toEqual([
      "budget",
      "allocated",
      "unallocated",
      "expectedPipeline",
      "pipelineGoal",
      "budgetForGoal",
      "expectedLeads",
      "leadCapacity",
      "heldBackForCapacity",
      "leadsPerRep",
    ]);
    expect(Object.keys(json.mix[0])).toEqual([
      "channel",
      "currentInvestment",
      "currentShare",
      "currentPipeline",
      "pipelinePerDollar",
      "recommendedInvestment",
      "recommendedShare",
      "expectedPipeline",
      "change",
      "attentionShare",
      "gap",
    ]);
    expect(json.mix[json.mix.length - 1].channel).toBe("Total");
    expect(json.settings).toMatchObject({
      Objective: "Conversion",
      Bandwidth: 5,
      "Message complexity": "Complex",
      "Count skill tomorrow": true,
    });
    expect(
      json.vehicles.filter((vehicle: { status: string }) => vehicle.status === "Shortlisted"),
    ).toHaveLength(5);
  });

  test("SPEC 7 flags override the settings sheet for one run: --bandwidth 3 --budget 250k", async () => {
    const run = await cli(
      "plan",
      SAMPLE,
      "--out",
      join(tempDir(), "out.xlsx"),
      "--json",
      "--bandwidth",
      "3",
      "--budget",
      "250k",
    );
    const json = JSON.parse(run.stdout);
    expect(json.settings.Bandwidth).toBe(3);
    expect(json.settings.Budget).toBe(250000);
    expect(json.vehicles.filter((vehicle: { rank: number | null }) => vehicle.rank !== null)).toHaveLength(3);
  });

  test("SPEC 7 the input file is never modified and an existing output is replaced only with --force (exit 2)", async () => {
    const dir = tempDir();
    const input = await workbookFile(dir, leadSources);
    const before = readFileSync(input);
    const out = join(dir, "plan.xlsx");
    writeFileSync(out, "keep me");
    const refused = await cli("plan", input, "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("already exists: add --force");
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect((await cli("plan", input, "--out", out, "--force")).code).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("SPEC 6 a user's sheet called Shortlist is left alone and the output goes to Shortlist (2), with a note", async () => {
    const dir = tempDir();
    const input = await workbookFile(dir, (book) => {
      leadSources(book);
      book.addWorksheet("Shortlist").getCell("A1").value = "my picks";
    });
    const run = await cli("plan", input);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('went to "Shortlist (2)"');
    const book = await readBack(join(dir, "plans-plan.xlsx"));
    expect(book.getWorksheet("Shortlist")?.getCell("A1").value).toBe("my picks");
    expect(book.getWorksheet("Shortlist (2)")?.getCell("A1").value).toBe("Rank");
  });

  test("SPEC 7 row problems go to stderr with their cells, and the plan is still made", async () => {
    const dir = tempDir();
    const input = await workbookFile(dir, (book) => {
      const sheet = leadSources(book);
      sheet.addRow(["Bad row", "abc", 10, 0.1, 100]);
      sheet.addRow(["LeadSource A", 5000, 10, 0.1, 100]);
    });
    const run = await cli("plan", input);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("error: Vehicles!B4 Investment:");
    expect(run.stderr).toContain("error: Vehicles!A5 Vehicle:");
  });

  test.each([
    ["no WORKBOOK", [], 2, /a WORKBOOK.xlsx is needed/],
    ["an unknown flag", ["--colour"], 2, /^vehicle-planner: unknown flag --colour\n/],
    ["--sheet and --table together", ["--sheet", "A", "--table", "B"], 2, /not both/],
  ])("SPEC 7 bad usage: %s exits 2 with the usage", async (_, extra, code, message) => {
    const args =
      extra.length === 0 ? ["plan"] : ["plan", SAMPLE, "--out", join(tempDir(), "o.xlsx"), ...extra];
    const run = await cli(...args);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain("Usage:");
  });

  test.each([
    [["--budgt", "5"], "vehicle-planner: unknown flag --budgt: did you mean --budget?\n"],
    [["--gaol=5"], "vehicle-planner: unknown flag --gaol: did you mean --goal?\n"],
    [["--bud", "5"], "vehicle-planner: unknown flag --bud: did you mean --budget?\n"],
    [["--budget"], "vehicle-planner: --budget needs a value, as in --budget MONEY\n"],
    [["--out", "--force"], "vehicle-planner: --out needs a value, as in --out FILE\n"],
  ])("issue 17.10 SPEC 7 bad flags %j get our own words, never Node's parser text", async (extra, first) => {
    const run = await cli("plan", SAMPLE, ...extra);
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith(first)).toBe(true);
    expect(run.stderr).not.toMatch(/Unknown option|argument missing|positional argument/);
  });

  test("issue 17.10 a setting that does not parse is printed once", async () => {
    const run = await cli("plan", SAMPLE, "--budget", "abc", "--out", join(tempDir(), "o.xlsx"));
    expect(run.code).toBe(1);
    expect(run.stderr.split('"abc" is not a number').length - 1).toBe(1);
    expect(run.stderr).toMatch(/^vehicle-planner: The plan setting Budget cannot be read/);
  });

  test("issue 17.9 the no-table message lists the headers each sheet starts with", async () => {
    const input = await workbookFile(tempDir(), (book) => {
      book.addWorksheet("Data").addRow(["Name", "Cost", "MQL count"]);
      book.addWorksheet("Notes");
    });
    const run = await cli("plan", input, "--out", join(tempDir(), "o.xlsx"));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("\nSheet Data starts with: Name, Cost, MQL count.\n");
    expect(run.stderr).not.toContain("Sheet Notes");
  });

  test("issue 17.10 --version prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const run = await cli("--version");
    expect(run).toEqual({ code: 0, stdout: `vehicle-planner ${version}\n`, stderr: "" });
  });

  test("SPEC 7 an unknown command exits 2", async () => {
    expect((await cli("frobnicate")).code).toBe(2);
  });

  test.each([
    ["a named sheet that is missing", ["--sheet", "Nope"], /no sheet named "Nope"/],
    [
      "a named sheet without the header row",
      ["--sheet", "Planner Settings"],
      /None of the first 10 rows of sheet "Planner Settings" is a vehicle table header row/,
    ],
    ["a named table that is missing", ["--table", "tblNope"], /no table or named range "tblNope"/],
    [
      "an attention sheet that is missing",
      ["--attention", "Eyeballs"],
      /no attention sheet named "Eyeballs"/,
    ],
    [
      "an attention sheet without its headers",
      ["--attention", "Vehicles"],
      /needs the headers Channel and Attention share/,
    ],
    ["a flag that does not parse", ["--bandwidth", "two"], /Bandwidth/],
  ])("SPEC 7 nothing to plan: %s exits 1 with the reason", async (_, extra, message) => {
    const run = await cli("plan", SAMPLE, "--out", join(tempDir(), "o.xlsx"), ...extra);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain("    at ");
  });

  test("SPEC 7 --table reads an Excel table by name", async () => {
    const run = await cli(
      "plan",
      SAMPLE,
      "--out",
      join(tempDir(), "o.xlsx"),
      "--table",
      "tblVehicles",
      "--json",
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).vehicles).toHaveLength(24);
  });

  describe("files that cannot be planned give a clear message and exit 1, never a stack trace", () => {
    const cases: [string, (dir: string) => Promise<string>, RegExp][] = [
      ["a missing file", async (dir) => join(dir, "nope.xlsx"), /there is no such file/],
      [
        "a text file",
        async (dir) => writeTo(dir, "notes.xlsx", "Vehicle,Investment\n"),
        /not an \.xlsx workbook/,
      ],
      [
        "a password-protected file",
        async (dir) =>
          writeTo(dir, "locked.xlsx", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
        /password-protected/,
      ],
      [
        "a corrupt .xlsx",
        async (dir) => writeTo(dir, "broken.xlsx", readFileSync(SAMPLE).subarray(0, 3000)),
        /damaged/,
      ],
      [
        "an empty workbook",
        (dir) => workbookFile(dir, (book) => void book.addWorksheet("Sheet1")),
        /No sheet of the workbook \(Sheet1\)/,
      ],
      [
        "no header row",
        (dir) => workbookFile(dir, (book) => void book.addWorksheet("Data").addRow(["Name", "Cost"])),
        /vehicle table header row/,
      ],
      [
        "no valid row",
        (dir) =>
          workbookFile(dir, (book) => {
            const sheet = book.addWorksheet("Vehicles");
            sheet.addRow(["Vehicle", "Investment", "Leads", "Pipeline"]);
            sheet.addRow(["Webinar", "lots", 10, 100]);
          }),
        /No vehicle can be planned: every row has a problem/,
      ],
    ];
    test.each(cases)("%s", async (_, make, message) => {
      const dir = tempDir();
      const run = await cli("plan", await make(dir), "--out", join(dir, "out.xlsx"));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toContain("    at ");
      expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
    });

    test("a vehicle table whose sheet reaches row 1,048,576 plans in reasonable time", async () => {
      const dir = tempDir();
      const input = await workbookFile(dir, (book) => {
        const sheet = leadSources(book);
        sheet.getCell("A1048576").value = "end";
      });
      const run = await cli("plan", input, "--json");
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).vehicles.map((vehicle: { vehicle: string }) => vehicle.vehicle)).toEqual([
        "LeadSource A",
        "LeadSource B",
        "end",
      ]);
    }, 60_000);
  });
});

function writeTo(dir: string, name: string, data: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

describe("vehicle-planner sample", () => {
  test("SPEC 7 sample writes the bundled workbook, and refuses to replace a file without --force", async () => {
    const target = join(tempDir(), "sample.xlsx");
    expect((await cli("sample", target)).code).toBe(0);
    expect(readFileSync(target).equals(readFileSync(SAMPLE))).toBe(true);
    expect((await cli("sample", target)).code).toBe(2);
    expect((await cli("sample", target, "--force")).code).toBe(0);
  });
});

describe("the installed command", () => {
  beforeAll(() => {
    execFileSync("npm", ["run", "build:cli", "--silent"], { cwd: ROOT, stdio: "ignore" });
  }, 120_000);

  test("node bin/vehicle-planner.js plans the sample and exits 0", () => {
    const out = join(tempDir(), "plan.xlsx");
    const run = spawnSync(
      process.execPath,
      [join(ROOT, "bin", "vehicle-planner.js"), "plan", SAMPLE, "--out", out],
      { encoding: "utf8" },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Media mix");
    expect(existsSync(out)).toBe(true);
  });
});

describe("vehicle-planner compare and --scenario", () => {
  test("SPEC 8 compare writes the base plan's sheets plus Scenarios, base first, every scenario in order", async () => {
    const out = join(tempDir(), "compare.xlsx");
    const run = await cli("compare", SAMPLE, "--out", out);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Six vehicles\s+\$260,000/);
    const book = await readBack(out);
    const sheet = book.getWorksheet("Scenarios");
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "Scenario",
      "Shortlist",
      "Budget",
      "Expected pipeline",
      "Change in expected pipeline",
      "Entered",
      "Left",
    ]);
    expect(sheet?.getColumn(1).values.slice(2)).toEqual([
      "Base",
      "Webinars convert at 15%",
      "Cut the budget by a fifth",
      "Six vehicles",
      "Bigger trade show",
    ]);
    expect(sheet?.getCell("E2").value).toBe(0);
    expect(sheet?.getCell("C4").value).toBe(208000);
    expect(book.getWorksheet("Shortlist")?.getCell("B2").value).toBe("Email nurture");
    // The sample's 3,000-lead log makes the workbook ExcelJS reads back a few times larger.
  }, 30_000);

  test("SPEC 8 compare --json prints the scenarios document; named scenarios come in the order named", async () => {
    const run = await cli(
      "compare",
      SAMPLE,
      "--out",
      join(tempDir(), "c.xlsx"),
      "--json",
      "--scenario",
      "six vehicles",
      "--scenario",
      "Cut the budget by a fifth",
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(["scenarios", "issues"]);
    expect(json.scenarios.map((row: { scenario: string }) => row.scenario)).toEqual([
      "Base",
      "Six vehicles",
      "Cut the budget by a fifth",
    ]);
    expect(json.scenarios[1].entered).toEqual(["Outbound calling"]);
    expect(json.scenarios[2].budget).toBe(208000);
  });

  test("SPEC 8 plan --scenario applies one scenario and the JSON's settings show the values used; flags still win", async () => {
    const run = await cli(
      "plan",
      SAMPLE,
      "--out",
      join(tempDir(), "p.xlsx"),
      "--json",
      "--scenario",
      "Six vehicles",
    );
    expect(JSON.parse(run.stdout).settings.Bandwidth).toBe(6);
    const flagged = await cli(
      "plan",
      SAMPLE,
      "--out",
      join(tempDir(), "p.xlsx"),
      "--json",
      "--scenario",
      "Six vehicles",
      "--bandwidth",
      "4",
    );
    expect(JSON.parse(flagged.stdout).settings.Bandwidth).toBe(4);
  });

  test("SPEC 8 an unknown scenario NAME exits 1", async () => {
    const run = await cli("plan", SAMPLE, "--out", join(tempDir(), "p.xlsx"), "--scenario", "Moonshot");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no scenario named "Moonshot"');
    expect(
      (await cli("compare", SAMPLE, "--out", join(tempDir(), "c.xlsx"), "--scenario", "Moonshot")).code,
    ).toBe(1);
  });
});
