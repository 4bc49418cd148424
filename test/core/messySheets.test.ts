import fc from "fast-check";
import type { CellBlock, CellValue } from "../../src/core/cells";
import { headerRowMatches } from "../../src/core/headers";
import {
  findHeaderRow,
  fromHeaderRow,
  headerRowChoices,
  locateVehicleTable,
  severalHeaderRowsMessage,
} from "../../src/core/headerRow";
import { makePlan, readPlanInputs } from "../../src/core/plan";
import { planToJson } from "../../src/core/planJson";
import { readVehicleTable } from "../../src/core/vehicleTable";

function block(rows: CellValue[][], sheet = "Vehicles", top = 1, left = 1): CellBlock {
  return { sheet, top, left, cells: rows };
}

const HEADER = ["Vehicle", "Channel", "Investment", "Leads", "Pipeline"];
const ROWS: CellValue[][] = [
  ["Webinar", "Digital", 10_000, 200, 60_000],
  ["Trade show", "Events", 40_000, 300, 150_000],
  ["Paid search", "Digital", "lots", 500, 90_000],
];

describe("issue 17.9 SPEC 1.1 a title row above the header row", () => {
  test("the one matching row among the first 10 is the header row, and cells keep their true references", () => {
    const sheet = block(
      [["Q3 marketing plan"], [null], ["Figures in USD, from finance", null, "draft"], HEADER, ...ROWS],
      "Vehicle List",
      2,
      2,
    );
    expect(findHeaderRow(sheet)).toEqual({ kind: "found", row: 5 });
    const inputs = readPlanInputs({ vehicles: sheet });
    if (!inputs.ok) throw new Error(inputs.message);
    const vehicles = inputs.value.table.vehicles;
    expect(vehicles.map((vehicle) => [vehicle.name, vehicle.row])).toEqual([
      ["Webinar", 6],
      ["Trade show", 7],
      ["Paid search", 8],
    ]);
    expect(vehicles[2].errors.map((issue) => [issue.cell, issue.field])).toEqual([
      ["'Vehicle List'!D8", "Investment"],
    ]);
    expect(inputs.value.table.headers.map((header) => header.cell)).toEqual([
      "'Vehicle List'!B5",
      "'Vehicle List'!C5",
      "'Vehicle List'!D5",
      "'Vehicle List'!E5",
      "'Vehicle List'!F5",
    ]);
  });

  test("a first non-empty row that matches is the header row, as SPEC 1.1 says, even when a later row matches too", () => {
    expect(findHeaderRow(block([[null], HEADER, ...ROWS, HEADER]))).toEqual({ kind: "found", row: 2 });
  });

  test("several matching rows below a title are a message asking which row holds the headers", () => {
    const sheet = block([["Plan"], HEADER, ROWS[0], HEADER, ROWS[1]]);
    expect(findHeaderRow(sheet)).toEqual({ kind: "several", rows: [2, 4] });
    expect(readPlanInputs({ vehicles: sheet })).toEqual({
      ok: false,
      message:
        "Rows 2 and 4 of Vehicles each hold the headers of a vehicle table, so the header row is not clear: say which row holds the headers.",
      issues: [],
    });
  });

  test("the user's header row is read as given, and rows above it are ignored", () => {
    const sheet = block([["Plan"], HEADER, ROWS[0], HEADER, ROWS[1]]);
    const inputs = readPlanInputs({ vehicles: sheet, headerRow: 4 });
    if (!inputs.ok) throw new Error(inputs.message);
    expect(inputs.value.table.vehicles.map((vehicle) => [vehicle.name, vehicle.row])).toEqual([
      ["Trade show", 5],
    ]);
  });

  test("a header row outside the source is a message naming the source's rows", () => {
    const outcome = readPlanInputs({ vehicles: block([HEADER, ROWS[0]], "Vehicles", 3), headerRow: 12 });
    expect(outcome).toEqual({
      ok: false,
      message:
        "The header row 12 is outside the vehicle table on Vehicles (rows 3 to 4): choose a row within it.",
      issues: [],
    });
  });

  test("a row beyond the first 10 is not searched: the message names the likeliest row's headers", () => {
    const notes: CellValue[][] = Array.from({ length: 10 }, (_, i) => [`note ${i + 1}`]);
    notes[4] = ["Name", "Cost", "Remarks"];
    const sheet = block([...notes, HEADER, ROWS[0]], "Data");
    expect(findHeaderRow(sheet)).toEqual({ kind: "none", likeliest: 5 });
    const outcome = readPlanInputs({ vehicles: sheet });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.message).toBe(
        'No vehicle table found on Data: its header row has "Name", "Cost", "Remarks"; a vehicle table needs the headers Vehicle, Investment, Leads, and Pipeline or both Conversion rate and Average deal size.',
      );
  });

  test("a first row that names a field stays the row to map by hand, whatever the rows below hold", () => {
    const sheet = block([
      ["Vehicle", "Spend ($k)", "MQL count"],
      ["Webinar", "Media", "Conversion"],
    ]);
    expect(findHeaderRow(sheet)).toEqual({ kind: "none", likeliest: 1 });
  });

  test("a hand mapping over the likeliest row plans a table no synonym covers", () => {
    const sheet = block([
      ["Plan"],
      ["Vehicle", "Investment", "MQL count", "Pipeline"],
      ["Webinar", 10, 5, 50],
    ]);
    const inputs = readPlanInputs({ vehicles: sheet, mapping: { leads: 2 } });
    if (!inputs.ok) throw new Error(inputs.message);
    expect(inputs.value.table.vehicles[0].cells.leads).toBe("Vehicles!C3");
  });

  test("aliases the user gave (--map) make a row match", () => {
    const row = ["Vehicle", "Investment", "MQL count", "Pipeline"];
    const aliases = new Map([["mqlcount", "leads" as const]]);
    expect(headerRowMatches(row)).toBe(false);
    expect(findHeaderRow(block([["Plan"], row]), aliases)).toEqual({ kind: "found", row: 2 });
  });

  test("the rows offered for the header row are the first 10 with anything in them", () => {
    expect(headerRowChoices(block([["Plan"], [null, " "], HEADER, ROWS[0]], "Vehicles", 4))).toEqual([
      { row: 4, texts: ["Plan"], matches: false },
      { row: 6, texts: HEADER, matches: true },
      { row: 7, texts: ["Webinar", "Digital", "10000", "200", "60000"], matches: false },
    ]);
  });

  test("the table from a header row starts there, and a row outside the block is null", () => {
    const sheet = block([["Plan"], HEADER, ROWS[0]], "Vehicles", 3);
    expect(fromHeaderRow(sheet, 4)).toEqual(block([HEADER, ROWS[0]], "Vehicles", 4));
    expect(fromHeaderRow(sheet, 2)).toBeNull();
    expect(fromHeaderRow(sheet, 6)).toBeNull();
    expect(severalHeaderRowsMessage("Data", [1, 3, 7], "pass --header-row N")).toBe(
      "Rows 1, 3 and 7 of Data each hold the headers of a vehicle table, so the header row is not clear: pass --header-row N.",
    );
  });

  const titleCell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.constantFrom("Vehicle", "Investment", "Leads", "Pipeline", "Q3 plan", "Total"),
  );
  const titleRow = fc.array(titleCell, { maxLength: 6 }).filter((row) => !headerRowMatches(row));

  test("property: with k ≤ 9 title rows above a valid table, the table is found and its references are true", () => {
    fc.assert(
      fc.property(
        fc.array(titleRow, { maxLength: 9 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 10 }),
        (titles, top, left) => {
          const sheet = block([...titles, HEADER, ...ROWS], "Vehicles", top, left);
          const headerRow = top + titles.length;
          expect(findHeaderRow(sheet)).toEqual({ kind: "found", row: headerRow });
          const located = locateVehicleTable(sheet);
          if (!located.ok) throw new Error(located.message);
          const read = readVehicleTable(located.value);
          if (!read.ok) throw new Error(read.message);
          const vehicles = read.value.vehicles;
          expect(vehicles.map((vehicle) => vehicle.row)).toEqual([
            headerRow + 1,
            headerRow + 2,
            headerRow + 3,
          ]);
          const investmentColumn = String.fromCharCode(64 + left + 2);
          expect(vehicles[2].errors[0].cell).toBe(`Vehicles!${investmentColumn}${headerRow + 3}`);
        },
      ),
    );
  });
});

describe("issue 17.9 SPEC 1.1 a Total row at the bottom of the vehicle table", () => {
  test.each([["Total"], ["TOTALS"], ["Grand total"], ["  grand Total: "]])(
    "a last row labelled %j is skipped with a note at its cell, neither invalid nor planned",
    (label) => {
      const sheet = block([HEADER, ROWS[0], ROWS[1], [label, null, 50_000, 500, 210_000], [null]]);
      const inputs = readPlanInputs({ vehicles: sheet });
      if (!inputs.ok) throw new Error(inputs.message);
      expect(inputs.value.table.vehicles.map((vehicle) => vehicle.name)).toEqual(["Webinar", "Trade show"]);
      const planned = makePlan(inputs.value);
      if (!planned.ok) throw new Error(planned.message);
      expect(planned.value.vehicles.map((vehicle) => [vehicle.vehicle, vehicle.status])).toEqual([
        ["Webinar", "Shortlisted"],
        ["Trade show", "Shortlisted"],
      ]);
      const json = planToJson(planned.value);
      expect(json.issues).toContainEqual({
        severity: "info",
        cell: "Vehicles!A4",
        field: "Vehicle",
        message: `"${label.trim()}" is read as the table's total row and skipped: it is not a vehicle, so it is not checked or planned.`,
      });
      expect(json.issues.filter((issue) => issue.severity !== "info")).toEqual([]);
      expect(json.allocation.budget).toBe(50_000);
    },
  );

  test("a Total label in the first column beside a blank Vehicle cell is found there", () => {
    const sheet = block([
      ["Channel", "Vehicle", "Investment", "Leads", "Pipeline"],
      ["Digital", "Webinar", 10_000, 200, 60_000],
      ["Total", null, 10_000, 200, 60_000],
    ]);
    const read = readVehicleTable(sheet);
    if (!read.ok) throw new Error(read.message);
    expect(read.value.vehicles).toHaveLength(1);
    expect(read.value.issues.map((issue) => [issue.severity, issue.cell])).toEqual([["info", "Vehicles!A3"]]);
  });

  test("a vehicle named Total above the last row is a vehicle, and a last row named otherwise is read", () => {
    const read = readVehicleTable(block([HEADER, ["Total", "Events", 1, 1, 1], ROWS[0]]));
    if (!read.ok) throw new Error(read.message);
    expect(read.value.vehicles.map((vehicle) => vehicle.name)).toEqual(["Total", "Webinar"]);
    expect(read.value.issues).toEqual([]);
  });
});
