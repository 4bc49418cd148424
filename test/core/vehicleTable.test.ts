import fc from "fast-check";
import type { CellValue } from "../../src/core/cells";
import { readVehicleTable, setVehicleField } from "../../src/core/vehicleTable";

function read(rows: CellValue[][], sheet = "Vehicles") {
  const table = readVehicleTable({ sheet, top: 1, left: 1, cells: rows });
  if (!table.ok) throw new Error(table.message);
  return table.value;
}

const HEAD = [
  "Vehicle",
  "Channel",
  "Investment",
  "Leads",
  "Conversion rate",
  "Average deal size",
  "Pipeline",
  "Hours",
  "Risk",
];

test("SPEC 1.1 a row reads into values; blank Channel is the name, blank Hours and Risk are 0", () => {
  const [row] = read([HEAD, [" Webinar ", null, "$10k", 200, "5%", 1800, null, null, null]]).vehicles;
  expect(row).toMatchObject({ row: 2, name: "Webinar", channelText: "" });
  expect(row.values).toMatchObject({
    investment: 10000,
    leads: 200,
    conversion: 0.05,
    dealSize: 1800,
    pipeline: null,
    hours: 0,
    risk: 0,
  });
  expect(row.errors).toEqual([]);
});

test("SPEC 1.1 a required value blank is an error at its cell", () => {
  const [row] = read([HEAD, ["", "Events", null, null, 0.1, null, null, null, null]]).vehicles;
  expect(row.errors.map((issue) => [issue.cell, issue.field])).toEqual([
    ["Vehicles!A2", "Vehicle"],
    ["Vehicles!C2", "Investment"],
    ["Vehicles!D2", "Leads"],
    ["Vehicles!F2", "Average deal size"],
  ]);
});

test("SPEC 1.1 when Pipeline is blank and a rate column is missing, the error is at the Pipeline cell", () => {
  const [row] = read(
    [
      ["Vehicle", "Investment", "Leads", "Pipeline"],
      ["Webinar", 100, 10, null],
    ],
    "Vehicle List",
  ).vehicles;
  expect(row.errors).toEqual([expect.objectContaining({ cell: "'Vehicle List'!D2", field: "Pipeline" })]);
});

test("SPEC 1.1 Pipeline given makes Conversion rate and Average deal size optional", () => {
  const [row] = read([HEAD, ["Webinar", "", 100, 10, null, null, 5000, null, null]]).vehicles;
  expect(row.errors).toEqual([]);
});

test("SPEC 1.1 values that do not parse, lie out of range or are Excel errors are errors at their cells; a percentage is a warning", () => {
  const [row] = read([HEAD, ["Webinar", "", "lots", { error: "#N/A" }, 12, -5, null, -1, 200]]).vehicles;
  expect(row.errors.map((issue) => issue.cell)).toEqual([
    "Vehicles!C2",
    "Vehicles!D2",
    "Vehicles!F2",
    "Vehicles!H2",
    "Vehicles!I2",
  ]);
  expect(row.warnings).toEqual([
    expect.objectContaining({
      cell: "Vehicles!E2",
      message: expect.stringContaining("read as a percentage"),
    }),
  ]);
});

test("SPEC 1.1 a row whose matched cells are all blank is skipped without a word, even with notes in unmatched columns", () => {
  const table = read([
    [...HEAD, "Notes"],
    ["Webinar", "", 100, 10, 0.1, 100, null, null, null, null],
    [null, "  ", null, null, null, null, null, null, null, "spare row"],
    ["Print", "", 100, 10, 0.1, 100, null, null, null, null],
  ]);
  expect(table.vehicles.map((vehicle) => vehicle.row)).toEqual([2, 4]);
});

test("SPEC 1.1 no header row is a message naming the headers found and the ones expected", () => {
  const table = readVehicleTable({ sheet: "Data", top: 1, left: 1, cells: [["Name", "Cost"]] });
  expect(!table.ok && table.message).toContain('"Name", "Cost"');
  expect(!table.ok && table.message).toContain("Vehicle, Investment, Leads");
});

test("setVehicleField replaces a field's value and its old problems", () => {
  const [row] = read([HEAD, ["Webinar", "", "lots", 10, 0.1, 100, null, null, null]]).vehicles;
  const fixed = setVehicleField(row, "investment", { kind: "ok", value: 5000 }, "'Planner Scenarios'!D2");
  expect(fixed.values.investment).toBe(5000);
  expect(fixed.errors).toEqual([]);
  expect(row.errors).toHaveLength(1);
  expect(fixed.cells.investment).toBe("Vehicles!C2");
});

test("property: reading never throws, keeps input order, and names only cells of the row", () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.string({ maxLength: 8 }),
    fc.constant({ error: "#N/A" }),
  );
  fc.assert(
    fc.property(fc.array(fc.array(cell, { minLength: 9, maxLength: 9 }), { maxLength: 30 }), (rows) => {
      const table = read([HEAD, ...rows]);
      const order = table.vehicles.map((vehicle) => vehicle.row);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      for (const vehicle of table.vehicles) {
        for (const issue of [...vehicle.errors, ...vehicle.warnings])
          expect(issue.cell?.endsWith(String(vehicle.row))).toBe(true);
      }
    }),
  );
});
