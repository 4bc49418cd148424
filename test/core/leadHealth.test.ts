import type { CellBlock, CellValue } from "../../src/core/cells";
import { summariseLeadHealth, type LeadHealth } from "../../src/core/leadHealth";
import { readLeadLog, type LeadLog } from "../../src/core/leadLog";
import type { Plan } from "../../src/core/model";
import { buildOutputSheets } from "../../src/core/outputSheets";
import { makePlan, readPlanInputs, type PlanRequest } from "../../src/core/plan";
import { planToJson } from "../../src/core/planJson";
import { readSettingsTable } from "../../src/core/settings";

/** 2026-11-02 00:00 as an Excel serial (1900 date system). */
const DAY = 46328;
const HOUR = 1 / 24;

function logBlock(
  rows: CellValue[][],
  headers = ["Lead", "Vehicle", "Owner", "Handed off", "First touch", "Status"],
) {
  return { sheet: "Lead Log", top: 1, left: 1, cells: [headers, ...rows] } satisfies CellBlock;
}

function read(block: CellBlock, date1904 = false): LeadLog {
  const outcome = readLeadLog(block, date1904);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

function health(
  rows: CellValue[][],
  options: { vehicles?: string[]; asOf?: number; leadExpiry?: number; leadsPerRep?: number | null } = {},
): LeadHealth {
  const log = read(logBlock(rows));
  return summariseLeadHealth(log, options.vehicles ?? [], {
    leadExpiry: options.leadExpiry ?? 24,
    asOf: options.asOf ?? log.latest,
    leadsPerRep: options.leadsPerRep ?? null,
  });
}

const VEHICLES: CellValue[][] = [
  ["Vehicle", "Investment", "Leads", "Pipeline"],
  ["Webinar", 10000, 100, 50000],
  ["Paid search", 20000, 400, 90000],
  ["Trade show", 40000, 200, 120000],
];

function planWith(request: Omit<PlanRequest, "vehicles">): Plan {
  const inputs = readPlanInputs({
    vehicles: { sheet: "Vehicles", top: 1, left: 1, cells: VEHICLES },
    ...request,
  });
  if (!inputs.ok) throw new Error(inputs.message);
  const plan = makePlan(inputs.value);
  if (!plan.ok) throw new Error(plan.message);
  return plan.value;
}

describe("SPEC 10.2 lead log headers", () => {
  test("SPEC 10.2 headers are matched as in 1.1 by their other names (normalised)", () => {
    const block = logBlock(
      [["L1", "Webinar", "Ann", DAY, DAY + HOUR, "Open"]],
      ["Lead ID", "Lead Source", "Sales Rep", "MQL date", "First Response", "Lead Status"],
    );
    const log = read(block);
    expect(log.count).toBe(1);
    expect(log.vehicleNames).toEqual(["Webinar"]);
    expect(log.ownerNames).toEqual(["Ann"]);
    expect(log.firstTouch[0]).toBeCloseTo(DAY + HOUR, 10);
  });

  test.each([
    ["vehicle", ["Campaign", "Program", "Tactic", "Source"]],
    ["owner", ["Rep", "Assigned to", "Lead owner"]],
    ["handed off", ["Handoff", "Handed off at", "Assigned", "Assigned at", "Created", "Created date"]],
  ])("SPEC 10.2 the %s field's other names are accepted", (_, names) => {
    for (const name of names) {
      const headers = ["Vehicle", "Owner", "Handed off"];
      const index = _ === "vehicle" ? 0 : _ === "owner" ? 1 : 2;
      headers[index] = name;
      expect(read(logBlock([["Webinar", "Ann", DAY]], headers)).count).toBe(1);
    }
  });

  test("SPEC 10.2 a second column for one field is a warning at its header cell; the leftmost is used", () => {
    const log = read(logBlock([["Webinar", "Ann", "Bob", DAY]], ["Vehicle", "Owner", "Rep", "Handed off"]));
    expect(log.ownerNames).toEqual(["Ann"]);
    expect(log.issues).toEqual([
      expect.objectContaining({ severity: "warning", cell: "'Lead Log'!C1", field: "Owner" }),
    ]);
  });

  test("SPEC 10.2 a log without Vehicle, Owner or Handed off fails, naming what it lacks and what it has", () => {
    const outcome = readLeadLog(logBlock([["Webinar", DAY]], ["Vehicle", "Created"]), false);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toBe(
      'The lead log Lead Log needs the headers Vehicle, Owner and Handed off in its first row; it lacks Owner and has "Vehicle", "Created".',
    );
  });
});

describe("SPEC 10.2 lead log values and row problems", () => {
  test("SPEC 10.2 serials are read in the workbook's date system (1904: 1462 days less)", () => {
    const in1900 = read(logBlock([["L", "Webinar", "Ann", DAY, null, null]]));
    const in1904 = read(logBlock([["L", "Webinar", "Ann", DAY - 1462, null, null]]), true);
    expect(in1904.handedOff[0]).toBe(in1900.handedOff[0]);
  });

  test("SPEC 10.2 ISO text and serials mix in one column", () => {
    const log = read(logBlock([["L", "Webinar", "Ann", "2026-11-02 06:00", DAY + 0.5, null]]));
    expect(log.handedOff[0]).toBeCloseTo(DAY + 0.25, 10);
    expect(log.firstTouch[0]).toBe(DAY + 0.5);
  });

  test("SPEC 10.2 statuses: in process, advanced and closed words in any case; blank is in process", () => {
    const words = ["new", "OPEN", "Working", "contacted", "attempting", "In Process", "nurturing", null];
    const advanced = ["qualified", "Converted", "opportunity", "SQL", "accepted"];
    const closed = ["disqualified", "unqualified", "Dead", "lost", "rejected", "recycled"];
    const rows = [...words, ...advanced, ...closed].map((word) => [
      "L",
      "Webinar",
      "Ann",
      DAY,
      DAY + HOUR,
      word,
    ]);
    const log = read(logBlock(rows));
    expect(log.issues).toEqual([]);
    expect([...log.status]).toEqual([
      ...words.map(() => 0),
      ...advanced.map(() => 1),
      ...closed.map(() => 2),
    ]);
  });

  test("SPEC 10.2 an unknown status is a warning at its cell and the lead counts as in process", () => {
    const log = read(logBlock([["L", "Webinar", "Ann", DAY, null, "Pending"]]));
    expect(log.count).toBe(1);
    expect(log.status[0]).toBe(0);
    expect(log.issues).toEqual([
      expect.objectContaining({ severity: "warning", cell: "'Lead Log'!F2", field: "Status" }),
    ]);
    expect(log.issues[0].message).toMatch(
      /^"Pending" is not a status the planner knows, so the lead counts as in process/,
    );
  });

  test("SPEC 10.2 every row problem is an error at its cell and the row is skipped", () => {
    const log = read(
      logBlock([
        ["L1", "Webinar", "Ann", DAY + 1, DAY, null],
        ["L2", "Webinar", "Ann", "next Tuesday", null, null],
        ["L3", "Webinar", "Ann", DAY, "2026-11-31", null],
        ["L4", null, "Ann", DAY, null, null],
        ["L5", "Webinar", "  ", DAY, null, null],
        ["L6", "Webinar", "Ann", null, null, null],
        ["L7", { error: "#N/A" }, "Ann", DAY, null, null],
        ["L8", "Webinar", "Ann", DAY, null, null],
      ]),
    );
    expect(log.count).toBe(1);
    expect(log.issues.map((issue) => [issue.severity, issue.cell, issue.field])).toEqual([
      ["error", "'Lead Log'!E2", "First touch"],
      ["error", "'Lead Log'!D3", "Handed off"],
      ["error", "'Lead Log'!E4", "First touch"],
      ["error", "'Lead Log'!B5", "Vehicle"],
      ["error", "'Lead Log'!C6", "Owner"],
      ["error", "'Lead Log'!D7", "Handed off"],
      ["error", "'Lead Log'!B8", "Vehicle"],
    ]);
    expect(log.issues[0].message).toBe(
      "First touch 2026-11-02T00:00:00 is before Handed off 2026-11-03T00:00:00: correct one of the two",
    );
    expect(log.issues[5].message).toMatch(/^Handed off is blank/);
  });

  test("SPEC 10.2 a blank row is skipped without a word", () => {
    const log = read(
      logBlock([
        [null, " ", null, null, null, null],
        ["L", "Webinar", "Ann", DAY, null, null],
      ]),
    );
    expect(log.count).toBe(1);
    expect(log.issues).toEqual([]);
  });
});

describe("SPEC 10.2 rotting, touched late and hours to first touch", () => {
  test("SPEC 10.2 a lead rots when in process, untouched and older than the expiry at As of", () => {
    const result = health(
      [
        ["L1", "Webinar", "Ann", DAY, null, null], // 48 h untouched: rotting
        ["L2", "Webinar", "Ann", DAY + 1, null, "New"], // exactly 24 h: not past the expiry
        ["L3", "Webinar", "Ann", DAY, null, "Lost"], // closed: not in process
        ["L4", "Webinar", "Ann", DAY, DAY + 30 * HOUR, "Working"], // touched, late
      ],
      { vehicles: ["Webinar"], asOf: DAY + 2 },
    );
    expect(result.byVehicle[0]).toEqual({
      vehicle: "Webinar",
      leads: 4,
      inProcess: 3,
      rotting: 1,
      rottingRate: 1 / 3,
      touchedLate: 1,
      touchedLateRate: 1,
      medianHoursToFirstTouch: 30,
    });
  });

  test("SPEC 10.2 Lead expiry changes what rots and what was touched late", () => {
    const rows = [
      ["L1", "Webinar", "Ann", DAY, null, null],
      ["L2", "Webinar", "Ann", DAY, DAY + 30 * HOUR, null],
    ];
    const week = health(rows, { vehicles: ["Webinar"], asOf: DAY + 2, leadExpiry: 168 });
    expect(week.byVehicle[0]).toMatchObject({ rotting: 0, touchedLate: 0 });
    const day = health(rows, { vehicles: ["Webinar"], asOf: DAY + 2, leadExpiry: 24 });
    expect(day.byVehicle[0]).toMatchObject({ rotting: 1, touchedLate: 1 });
  });

  test("SPEC 10.2 the median of an even count is the mean of the middle two; no First touch leaves it blank", () => {
    const result = health(
      [
        ["L1", "Webinar", "Ann", DAY, DAY + 1 * HOUR, null],
        ["L2", "Webinar", "Ann", DAY, DAY + 2 * HOUR, null],
        ["L3", "Webinar", "Ann", DAY, DAY + 10 * HOUR, null],
        ["L4", "Webinar", "Ann", DAY, DAY + 4 * HOUR, null],
        ["L5", "Paid search", "Ann", DAY, null, null],
      ],
      { vehicles: ["Webinar", "Paid search"] },
    );
    expect(result.byVehicle[0].medianHoursToFirstTouch).toBe(3);
    expect(result.byVehicle[1].medianHoursToFirstTouch).toBeNull();
    expect(result.byVehicle[1].touchedLateRate).toBeNull();
    expect(result.byVehicle[2]).toMatchObject({ vehicle: "Total", medianHoursToFirstTouch: 3 });
  });

  test("SPEC 10.2 As of defaults to the latest Handed off or First touch of the valid rows", () => {
    const log = read(
      logBlock([
        ["L1", "Webinar", "Ann", DAY, DAY + 3, null],
        ["L2", "Webinar", "Ann", DAY + 1, null, null],
        ["L3", "Webinar", "Ann", DAY + 9, DAY + 8, null],
      ]),
    );
    expect(log.latest).toBe(DAY + 3);
  });
});

describe("SPEC 10.2 tables: order, names and Total rows", () => {
  const rows: CellValue[][] = [
    ["L1", "zoom call", "ann", DAY, null, null],
    ["L2", "WEBINAR", "Bob", DAY, DAY + HOUR, null],
    ["L3", "Zoom Call", "Ann", DAY, null, null],
    ["L4", " webinar ", "Cy", DAY, null, "Qualified"],
    ["L5", "Podcast", "bob", DAY, null, null],
  ];

  test("SPEC 10.2 vehicles in the table's order and spelling, then unknown names in order of first appearance with a warning each at its first cell", () => {
    const result = health(rows, { vehicles: ["Paid search", "Webinar"], asOf: DAY + 3 });
    expect(result.byVehicle.map((row) => [row.vehicle, row.leads])).toEqual([
      ["Webinar", 2],
      ["zoom call", 2],
      ["Podcast", 1],
      ["Total", 5],
    ]);
    expect(result.issues.map((issue) => [issue.severity, issue.cell, issue.field])).toEqual([
      ["warning", "'Lead Log'!B2", "Vehicle"],
      ["warning", "'Lead Log'!B6", "Vehicle"],
    ]);
  });

  test("SPEC 10.2 Total rows: sums of the counts, rates of the sums, the median over all touched leads", () => {
    const result = health(rows, { vehicles: ["Webinar"], asOf: DAY + 3 });
    expect(result.byVehicle[result.byVehicle.length - 1]).toEqual({
      vehicle: "Total",
      leads: 5,
      inProcess: 4,
      rotting: 3,
      rottingRate: 0.75,
      touchedLate: 0,
      touchedLateRate: 0,
      medianHoursToFirstTouch: 1,
    });
    expect(result.byRep[result.byRep.length - 1]).toEqual({
      owner: "Total",
      inProcess: 4,
      rotting: 3,
      rottingRate: 0.75,
      leadsPerRep: null,
      load: null,
    });
  });

  test("SPEC 10.2 reps sorted by Load, then In process, highest first, then by name; owners matched like names, first spelling shown", () => {
    const result = health(rows, { asOf: DAY + 3, leadsPerRep: 4 });
    expect(result.byRep.map((row) => [row.owner, row.inProcess, row.load])).toEqual([
      ["ann", 2, 0.5],
      ["Bob", 2, 0.5],
      ["Cy", 0, 0],
      ["Total", 4, null],
    ]);
  });

  test("SPEC 10.2 ties on Load and In process go by the name lower-cased in ordinal order", () => {
    const result = health(
      [
        ["L1", "Webinar", "beth", DAY, null, null],
        ["L2", "Webinar", "Adam", DAY, null, null],
        ["L3", "Webinar", "Zed", DAY, null, null],
        ["L4", "Webinar", "Zed", DAY, null, null],
      ],
      { asOf: DAY },
    );
    expect(result.byRep.map((row) => row.owner)).toEqual(["Zed", "Adam", "beth", "Total"]);
  });
});

describe("SPEC 10.2 in the plan, the sheets and the JSON", () => {
  const log = logBlock([
    ["L1", "webinar", "Ann", DAY, null, null],
    ["L2", "Webinar", "Ann", DAY + 2, DAY + 2 + HOUR, null],
    ["L3", "Radio", "Bob", DAY + 2, null, null],
  ]);

  test("SPEC 10.2 a workbook without a log plans exactly as before: no Lead Health sheet, rotting rates blank, leadHealth null", () => {
    const plan = planWith({});
    expect(plan.leadHealth).toBeNull();
    expect(buildOutputSheets(plan).map((sheet) => sheet.sheetName)).toEqual([
      "Shortlist",
      "Vehicle Filter",
      "Media Mix",
      "Budget Curve",
    ]);
    const json = planToJson(plan);
    expect(json.leadHealth).toBeNull();
    expect(json.settings["As of"]).toBeNull();
    expect(json.settings["Lead expiry"]).toBe(24);
    expect(json.vehicles.map((vehicle) => vehicle.rottingRate)).toEqual([null, null, null]);
  });

  test("SPEC 10.2 with a log: the Lead Health sheet's two tables, columns in the SPEC's order, Load highlighted above 100 %", () => {
    const plan = planWith({ leads: log });
    const sheet = buildOutputSheets(plan).find((candidate) => candidate.kind === "leadHealth");
    expect(sheet?.sheetName).toBe("Lead Health");
    expect(sheet?.tableName).toBe("tblLeadHealthByVehicle");
    expect(sheet?.columns.map((column) => column.header)).toEqual([
      "Vehicle",
      "Leads",
      "In process",
      "Rotting",
      "Rotting rate",
      "Touched late",
      "Touched late rate",
      "Median hours to first touch",
    ]);
    expect(sheet?.rows).toEqual([
      ["Webinar", 2, 2, 1, 0.5, 0, 0, 1],
      ["Radio", 1, 1, 0, 0, 0, null, null],
      ["Total", 3, 3, 1, 1 / 3, 0, 0, 1],
    ]);
    const byRep = sheet?.moreTables?.[0];
    expect(byRep?.tableName).toBe("tblLeadHealthByRep");
    expect(byRep?.columns.map((column) => [column.header, column.format, column.highlightAbove])).toEqual([
      ["Owner", "text", undefined],
      ["In process", "integer", undefined],
      ["Rotting", "integer", undefined],
      ["Rotting rate", "percent", undefined],
      ["Leads per rep", "ratio", undefined],
      ["Load", "percent", 1],
    ]);
    expect(byRep?.rows).toEqual([
      ["Ann", 2, 1, 0.5, null, null],
      ["Bob", 1, 0, 0, null, null],
      ["Total", 3, 1, 1 / 3, null, null],
    ]);
  });

  test("SPEC 10.2 Rotting rate in tblShortlist before Why and in tblVehicleFilter before To make the shortlist", () => {
    const plan = planWith({ leads: log });
    const [shortlist, filter] = buildOutputSheets(plan);
    const headers = (columns: { header: string }[]) => columns.map((column) => column.header);
    expect(headers(shortlist.columns).slice(-2)).toEqual(["Rotting rate", "Why"]);
    expect(headers(filter.columns).slice(-3)).toEqual(["Rotting rate", "To make the shortlist", "Reasons"]);
    const rate = headers(filter.columns).indexOf("Rotting rate");
    expect(filter.rows.map((row) => [row[0], row[rate]])).toEqual([
      ["Webinar", 0.5],
      ["Paid search", null],
      ["Trade show", null],
    ]);
  });

  test("SPEC 10.2 JSON: settings Lead expiry in hours and As of as ISO text, vehicles' rottingRate, leadHealth with camelCase keys and Total last", () => {
    const plan = planWith({ leads: log, overrides: { leadExpiry: "2d" } });
    const json = planToJson(plan);
    expect(json.settings["Lead expiry"]).toBe(48);
    expect(json.settings["As of"]).toBe("2026-11-04T01:00:00");
    expect(json.vehicles[0].rottingRate).toBe(0.5);
    expect(Object.keys(json)).toEqual([
      "settings",
      "vehicles",
      "allocation",
      "mix",
      "budgetCurve",
      "leadHealth",
      "issues",
    ]);
    expect(json.leadHealth?.asOf).toBe("2026-11-04T01:00:00");
    expect(Object.keys(json.leadHealth?.byVehicle[0] ?? {})).toEqual([
      "vehicle",
      "leads",
      "inProcess",
      "rotting",
      "rottingRate",
      "touchedLate",
      "touchedLateRate",
      "medianHoursToFirstTouch",
    ]);
    expect(Object.keys(json.leadHealth?.byRep[0] ?? {})).toEqual([
      "owner",
      "inProcess",
      "rotting",
      "rottingRate",
      "leadsPerRep",
      "load",
    ]);
    expect(json.leadHealth?.byVehicle.at(-1)?.vehicle).toBe("Total");
    expect(json.leadHealth?.byRep.at(-1)?.owner).toBe("Total");
    expect(json.issues).toContainEqual(
      expect.objectContaining({ severity: "warning", cell: "'Lead Log'!B4", field: "Vehicle" }),
    );
  });

  test("SPEC 10.2 the As of setting wins over the log's latest date; an As of serial is read in the workbook's date system", () => {
    const given = planWith({ leads: log, overrides: { asOf: "2026-11-10" } });
    expect(planToJson(given).settings["As of"]).toBe("2026-11-10T00:00:00");
    expect(given.leadHealth?.byVehicle[0].rotting).toBe(1);
    const settings = {
      sheet: "Planner Settings",
      top: 1,
      left: 1,
      cells: [
        ["Setting", "Value"],
        ["As of", DAY - 1462],
      ],
    };
    const in1904 = planWith({ leads: log, settings, date1904: true });
    expect(planToJson(in1904).settings["As of"]).toBe("2026-11-02T00:00:00");
  });

  test("SPEC 10.2 a named log without its headers stops the plan; a Lead Log found by name alone is a warning", () => {
    const bad = logBlock([["Webinar"]], ["Vehicle"]);
    const named = readPlanInputs({
      vehicles: { sheet: "Vehicles", top: 1, left: 1, cells: VEHICLES },
      leads: bad,
      leadsNamed: true,
    });
    expect(named.ok).toBe(false);
    const found = planWith({ leads: bad });
    expect(found.leadHealth).toBeNull();
    expect(found.issues).toContainEqual(
      expect.objectContaining({ severity: "warning", cell: "'Lead Log'!A1", field: "Lead log" }),
    );
  });
});

describe("SPEC 10.2 the Lead expiry and As of settings", () => {
  test("SPEC 10.2 a Lead expiry or As of that does not parse is an error naming the setting and its Value cell", () => {
    const { values, issues } = readSettingsTable({
      sheet: "Planner Settings",
      top: 1,
      left: 1,
      cells: [
        ["Setting", "Value"],
        ["Lead expiry", "3 months"],
        ["As of", "yesterday"],
        ["Lead Expiry", "36 hours"],
      ],
    });
    expect(values).toEqual({});
    expect(issues.map((issue) => [issue.severity, issue.cell, issue.field])).toEqual([
      ["error", "'Planner Settings'!B2", "Lead expiry"],
      ["error", "'Planner Settings'!B3", "As of"],
      ["warning", "'Planner Settings'!B4", "Lead expiry"],
    ]);
  });

  test("SPEC 10.2 Lead expiry in days and As of as an Excel date are read from the settings sheet", () => {
    const { values } = readSettingsTable({
      sheet: "Planner Settings",
      top: 1,
      left: 1,
      cells: [
        ["Setting", "Value"],
        ["Lead expiry", "3d"],
        ["As of", DAY + 0.5],
      ],
    });
    expect(values).toEqual({ leadExpiry: 72, asOf: DAY + 0.5 });
  });
});
