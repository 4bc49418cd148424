import fc from "fast-check";
import type { CellBlock, CellValue } from "../../src/core/cells";
import { fieldForName } from "../../src/core/headers";
import type { FieldKey, ParsedVehicle, VehicleTable } from "../../src/core/model";
import { parseFieldValue, type FieldValue } from "../../src/core/values";
import { setVehicleField } from "../../src/core/changedVehicle";
import { normalisedName, readVehicleTable } from "../../src/core/vehicleTable";

function block(rows: CellValue[][], sheet = "Vehicles", top = 1, left = 1): CellBlock {
  return { sheet, top, left, cells: rows };
}

function table(rows: CellValue[][], sheet = "Vehicles", top = 1, left = 1): VehicleTable {
  const read = readVehicleTable(block(rows, sheet, top, left));
  if (!read.ok) throw new Error(read.message);
  return read.value;
}

function fieldOf(header: string): FieldKey {
  const field = fieldForName(header);
  if (field === null) throw new Error(`${header} names no field`);
  return field;
}

function only(rows: CellValue[][]): ParsedVehicle {
  const { vehicles } = table(rows);
  expect(vehicles).toHaveLength(1);
  return vehicles[0];
}

const HEADER = [
  "Vehicle",
  "Channel",
  "Investment",
  "Leads",
  "Conversion rate",
  "Average deal size",
  "Pipeline",
];

describe("SPEC 1.1 the vehicle table", () => {
  test("a valid row is read into its values, with its sheet row and cells", () => {
    const vehicle = only([HEADER, ["  Webinar ", " Digital ", "$10k", 200, "12%", "2,500", null]]);
    expect(vehicle.row).toBe(2);
    expect(vehicle.name).toBe("Webinar");
    expect(vehicle.channelText).toBe("Digital");
    expect(vehicle.values).toMatchObject({
      investment: 10_000,
      leads: 200,
      conversion: 0.12,
      dealSize: 2_500,
      pipeline: null,
      hours: 0,
      risk: 0,
      handAnswers: [null, null, null, null, null, null, null],
    });
    expect(vehicle.cells).toEqual({
      vehicle: "Vehicles!A2",
      channel: "Vehicles!B2",
      investment: "Vehicles!C2",
      leads: "Vehicles!D2",
      conversion: "Vehicles!E2",
      dealSize: "Vehicles!F2",
      pipeline: "Vehicles!G2",
    });
    expect(vehicle.rowAnchor).toBe("Vehicles!A2");
    expect(vehicle.errors).toEqual([]);
    expect(vehicle.warnings).toEqual([]);
  });

  test("every field of the SPEC table is read by its kind", () => {
    const vehicle = only([
      [
        "Vehicle",
        "Investment",
        "Leads",
        "Pipeline",
        "Objectives",
        "Reach",
        "Resonance",
        "Message length",
        "Skill today",
        "Skill tomorrow",
        "Impact potential",
        "Prior investment",
        "Prior pipeline",
        "Hours",
        "Risk",
        "Min investment",
        "Max investment",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "Q5",
        "Q6",
        "Q7",
      ],
      [
        "Trade show",
        50_000,
        300,
        "$1.2M",
        "Awareness; Close",
        "30%",
        4,
        "long",
        3,
        "5",
        "2M",
        40_000,
        900_000,
        120,
        0.1,
        "20k",
        "80k",
        "yes",
        "No",
        true,
        false,
        1,
        0,
        null,
      ],
    ]);
    expect(vehicle.errors).toEqual([]);
    expect(vehicle.values).toEqual({
      investment: 50_000,
      leads: 300,
      conversion: null,
      dealSize: null,
      pipeline: 1_200_000,
      objectives: ["Awareness", "Conversion"],
      reach: 0.3,
      resonance: 4,
      messageLength: "Long",
      skillToday: 3,
      skillTomorrow: 5,
      impactPotential: 2_000_000,
      priorInvestment: 40_000,
      priorPipeline: 900_000,
      hours: 120,
      risk: 0.1,
      minInvestment: 20_000,
      maxInvestment: 80_000,
      handAnswers: [true, false, true, false, true, false, null],
    });
  });

  test("SPEC 1.1 Hours and Risk: blank is 0", () => {
    const vehicle = only([
      ["Vehicle", "Investment", "Leads", "Pipeline", "Hours", "Risk"],
      ["A", 1, 1, 1, " ", null],
    ]);
    expect(vehicle.values.hours).toBe(0);
    expect(vehicle.values.risk).toBe(0);
    expect(vehicle.errors).toEqual([]);
  });

  test("SPEC 1.1 Channel: blank or missing leaves channelText empty (the vehicle's name stands in)", () => {
    expect(
      only([
        ["Vehicle", "Investment", "Leads", "Pipeline"],
        ["A", 1, 1, 1],
      ]).channelText,
    ).toBe("");
    expect(only([[...HEADER], ["A", "  ", 1, 1, null, null, 1]]).channelText).toBe("");
  });

  test("SPEC 1.1 cells are named on the sheet where the block sits, quoted as Excel quotes them", () => {
    const { vehicles } = table([HEADER, ["A", "x", -1, 1, null, null, 1]], "Vehicle List", 5, 3);
    expect(vehicles[0].row).toBe(6);
    expect(vehicles[0].errors).toEqual([
      {
        severity: "error",
        cell: "'Vehicle List'!E6",
        field: "Investment",
        message: "-1 is negative: Investment must be 0 or more",
      },
    ]);
  });

  test("SPEC 1.1 a rate above 1 is a warning at its cell, and the row is planned", () => {
    const vehicle = only([HEADER, ["A", null, 1, 10, 12, 100, null]]);
    expect(vehicle.errors).toEqual([]);
    expect(vehicle.values.conversion).toBe(0.12);
    expect(vehicle.warnings).toEqual([
      {
        severity: "warning",
        cell: "Vehicles!E2",
        field: "Conversion rate",
        message: "12 read as a percentage (12%)",
      },
    ]);
  });

  test("SPEC 1.1 an unknown stage is only a warning at the Objectives cell", () => {
    const vehicle = only([
      ["Vehicle", "Investment", "Leads", "Pipeline", "Objectives"],
      ["A", 1, 1, 1, "Awareness, Retention"],
    ]);
    expect(vehicle.errors).toEqual([]);
    expect(vehicle.values.objectives).toEqual(["Awareness"]);
    expect(vehicle.warnings).toHaveLength(1);
    expect(vehicle.warnings[0]).toMatchObject({
      severity: "warning",
      cell: "Vehicles!E2",
      field: "Objectives",
    });
    expect(vehicle.warnings[0].message).toContain('"Retention" is not a lifecycle stage');
  });

  test("SPEC 1.1 the same stage list down the column: every row gets its stages and its own warning", () => {
    const { vehicles } = table([
      ["Vehicle", "Investment", "Leads", "Pipeline", "Objectives"],
      ["A", 1, 1, 1, "Awareness, Loyalty"],
      ["B", 1, 1, 1, "Awareness, Loyalty"],
      ["C", 1, 1, 1, "Awareness, Loyalty"],
    ]);
    expect(vehicles.map((vehicle) => vehicle.values.objectives)).toEqual([
      ["Awareness"],
      ["Awareness"],
      ["Awareness"],
    ]);
    expect(vehicles.map((vehicle) => vehicle.warnings.map((issue) => issue.cell))).toEqual([
      ["Vehicles!E2"],
      ["Vehicles!E3"],
      ["Vehicles!E4"],
    ]);
  });
});

describe("SPEC 1.1 row problems", () => {
  test("SPEC 1.1 a value that does not parse is an error at its cell, naming the field", () => {
    const vehicle = only([HEADER, ["A", null, "lots", 1, "high", "big", null]]);
    expect(vehicle.errors.map((issue) => [issue.cell, issue.field])).toEqual([
      ["Vehicles!C2", "Investment"],
      ["Vehicles!E2", "Conversion rate"],
      ["Vehicles!F2", "Average deal size"],
    ]);
    expect(vehicle.errors[0].message).toContain('"lots" is not an amount');
    expect(vehicle.values.investment).toBeNull();
  });

  test("SPEC 1.1 a value out of its range is an error at its cell", () => {
    const vehicle = only([
      ["Vehicle", "Investment", "Leads", "Pipeline", "Reach", "Resonance", "Risk"],
      ["A", 1, 1, 1, "150%", 9, -0.1],
    ]);
    expect(vehicle.errors.map((issue) => issue.cell)).toEqual(["Vehicles!E2", "Vehicles!F2", "Vehicles!G2"]);
  });

  test("SPEC 1.1 an Excel error value in a matched column is an error at its cell", () => {
    const vehicle = only([HEADER, ["A", { error: "#REF!" }, { error: "#DIV/0!" }, 1, null, null, 5]]);
    expect(vehicle.errors).toEqual([
      {
        severity: "error",
        cell: "Vehicles!B2",
        field: "Channel",
        message: "the cell holds the Excel error #REF!: fix the formula or type the value",
      },
      {
        severity: "error",
        cell: "Vehicles!C2",
        field: "Investment",
        message: "the cell holds the Excel error #DIV/0!: fix the formula or type the value",
      },
    ]);
  });

  test("SPEC 1.1 an Excel error value in an unmatched column is ignored", () => {
    const vehicle = only([
      ["Vehicle", "Investment", "Leads", "Pipeline", "Notes"],
      ["A", 1, 1, 1, { error: "#N/A" }],
    ]);
    expect(vehicle.errors).toEqual([]);
  });

  test.each([
    ["Vehicle", 0, "Vehicles!A2", "Vehicle is blank: give the vehicle a name"],
    [
      "Investment",
      2,
      "Vehicles!C2",
      "Investment is blank: type what the vehicle costs (0 if it runs on team hours alone)",
    ],
    ["Leads", 3, "Vehicles!D2", "Leads is blank: type how many leads the vehicle brings (0 if none)"],
  ])("SPEC 1.1 a required value blank (%s) is an error at its cell", (field, column, cell, message) => {
    const row: CellValue[] = ["A", "Digital", 1000, 10, null, null, 5000];
    row[column] = "   ";
    const vehicle = only([HEADER, row]);
    expect(vehicle.errors).toEqual([{ severity: "error", cell, field, message }]);
  });

  test("SPEC 1.1 Conversion rate and Average deal size are required when Pipeline is blank, each at its cell", () => {
    const vehicle = only([HEADER, ["A", null, 1000, 10, null, null, null]]);
    expect(vehicle.errors.map((issue) => [issue.cell, issue.field])).toEqual([
      ["Vehicles!E2", "Conversion rate"],
      ["Vehicles!F2", "Average deal size"],
    ]);
    expect(vehicle.errors[0].message).toContain(
      "type the lead-to-opportunity rate (e.g. 12%) or the Pipeline",
    );
  });

  test("SPEC 1.1 with Pipeline given, blank Conversion rate and Average deal size are fine", () => {
    expect(only([HEADER, ["A", null, 1000, 10, null, null, 5000]]).errors).toEqual([]);
  });

  test("SPEC 1.1 with Conversion rate and Average deal size given, a blank Pipeline is fine", () => {
    expect(only([HEADER, ["A", null, 1000, 10, 0.1, 100, null]]).errors).toEqual([]);
  });

  test.each([
    [["Vehicle", "Investment", "Leads", "Pipeline", "Conversion rate"], "Average deal size"],
    [["Vehicle", "Investment", "Leads", "Pipeline", "Average deal size"], "Conversion rate"],
    [["Vehicle", "Investment", "Leads", "Pipeline"], "Conversion rate and Average deal size"],
  ])(
    "SPEC 1.1 required blank: a blank Pipeline when a rate column is missing is an error at the Pipeline cell (%j)",
    (header, missing) => {
      const row: CellValue[] = ["A", 1000, 10, null, 0.5];
      const vehicle = only([header, row.slice(0, header.length)]);
      expect(vehicle.errors).toEqual([
        {
          severity: "error",
          cell: "Vehicles!D2",
          field: "Pipeline",
          message: `Pipeline is blank and the table has no ${missing} column to compute it: type the vehicle's pipeline`,
        },
      ]);
    },
  );

  test("SPEC 1.1 a value that fails to parse is not also reported as blank", () => {
    const vehicle = only([HEADER, ["A", null, "?", "??", "???", null, null]]);
    expect(vehicle.errors.map((issue) => issue.field)).toEqual([
      "Investment",
      "Leads",
      "Conversion rate",
      "Average deal size",
    ]);
    expect(vehicle.errors.filter((issue) => issue.message.includes("is blank"))).toHaveLength(1);
  });

  test("SPEC 1.1 a failed Pipeline is not reported again as a missing one", () => {
    const vehicle = only([
      ["Vehicle", "Investment", "Leads", "Pipeline"],
      ["A", 1, 1, "n/a"],
    ]);
    expect(vehicle.errors).toHaveLength(1);
    expect(vehicle.errors[0].message).toContain('"n/a" is not an amount');
  });
});

describe("SPEC 1.1 blank rows", () => {
  test("SPEC 1.1 a row whose matched cells are all blank is skipped without a word", () => {
    const { vehicles, issues } = table([
      HEADER,
      ["A", null, 1, 1, null, null, 1],
      [null, "  ", "", null, null, "\t", null],
      [],
      ["B", null, 2, 2, null, null, 2],
    ]);
    expect(vehicles.map((vehicle) => [vehicle.name, vehicle.row])).toEqual([
      ["A", 2],
      ["B", 5],
    ]);
    expect(issues).toEqual([]);
  });

  test("SPEC 1.1 a row with cells only in unmatched columns is skipped", () => {
    const { vehicles } = table([
      ["Vehicle", "Notes", "Investment", "Leads", "Pipeline"],
      ["A", null, 1, 1, 1],
      [null, "just a note", null, null, null],
    ]);
    expect(vehicles.map((vehicle) => vehicle.name)).toEqual(["A"]);
  });

  test("SPEC 1.1 a row with only an Excel error in a matched column is not blank: it is an invalid row", () => {
    const { vehicles } = table([HEADER, [null, null, { error: "#N/A" }, null, null, null, null]]);
    expect(vehicles).toHaveLength(1);
    expect(vehicles[0].errors.map((issue) => issue.field)).toEqual([
      "Investment",
      "Vehicle",
      "Leads",
      "Conversion rate",
      "Average deal size",
    ]);
  });

  test("holes in a face's arrays read as blank cells, never a crash", () => {
    const sparseRow: CellValue[] = new Array<CellValue>(7);
    sparseRow[0] = "A";
    sparseRow[2] = 5;
    sparseRow[3] = 1;
    sparseRow[6] = 10;
    const sparseRows: CellValue[][] = new Array<CellValue[]>(3);
    sparseRows[0] = HEADER;
    sparseRows[2] = sparseRow;
    const vehicles = table(sparseRows).vehicles;
    expect(vehicles.map((vehicle) => [vehicle.name, vehicle.row, vehicle.errors])).toEqual([["A", 3, []]]);
  });

  test("a row shorter than the header row reads its missing cells as blank", () => {
    const vehicle = only([HEADER, ["A", null, 5, 1]]);
    expect(vehicle.errors.map((issue) => issue.field)).toEqual(["Conversion rate", "Average deal size"]);
  });
});

describe("SPEC 1.1 the header row", () => {
  test("SPEC 1.1 no matching header row is a message naming the headers found and the ones expected", () => {
    const read = readVehicleTable(
      block(
        [
          ["Name", "Spend", "Notes"],
          ["A", 1, "x"],
        ],
        "Data",
      ),
    );
    expect(read).toEqual({
      ok: false,
      message:
        'No vehicle table found on Data: its header row has "Name", "Spend", "Notes"; a vehicle table needs the headers Vehicle, Investment, Leads, and Pipeline or both Conversion rate and Average deal size.',
      issues: [],
    });
  });

  test("SPEC 1.1 an empty block is a message, not a crash", () => {
    const read = readVehicleTable(block([]));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain("its header row has no headers");
  });

  test("SPEC 1.1 synonyms make a header row: Tactic, Spend, Responses, Conv. Rate (%), Avg Deal", () => {
    const vehicle = only([
      ["Tactic", "Spend", "Responses", "Conv. Rate (%)", "Avg Deal"],
      ["Email", "$2,000", 400, "3%", "1.5k"],
    ]);
    expect(vehicle.values).toMatchObject({ investment: 2000, leads: 400, conversion: 0.03, dealSize: 1500 });
  });

  test("SPEC 1.1 two columns for one field: the leftmost is read, the other is a warning on the table", () => {
    const result = table([
      ["Vehicle", "Spend", "Investment", "Leads", "Pipeline"],
      ["A", 100, "not read", 1, 1],
    ]);
    expect(result.vehicles[0].values.investment).toBe(100);
    expect(result.vehicles[0].errors).toEqual([]);
    expect(result.issues).toEqual([expect.objectContaining({ severity: "warning", cell: "Vehicles!C1" })]);
  });

  test("SPEC 1.1 hand-made override: the column chosen by hand is read", () => {
    const read = readVehicleTable(
      block([
        ["Vehicle", "Spend", "Investment", "Leads", "Pipeline"],
        ["A", 100, 250, 1, 1],
      ]),
      { investment: 2 },
    );
    if (!read.ok) throw new Error(read.message);
    expect(read.value.vehicles[0].values.investment).toBe(250);
    expect(read.value.vehicles[0].cells.investment).toBe("Vehicles!C2");
    expect(read.value.issues).toEqual([]);
  });

  test("SPEC 1.1 hand-made override: unmatching a required field leaves no vehicle table", () => {
    const read = readVehicleTable(block([["Vehicle", "Investment", "Leads", "Pipeline"]]), { leads: null });
    expect(read.ok).toBe(false);
  });
});

describe("setVehicleField (scenarios, the what-if panel)", () => {
  const base = () => only([HEADER, ["A", null, 1000, 10, "150%", 100, null]]);

  test("SPEC 8 a new value replaces the field's old error", () => {
    const vehicle = base();
    expect(vehicle.errors.map((issue) => issue.field)).toEqual(["Conversion rate"]);
    const changed = setVehicleField(
      vehicle,
      "conversion",
      parseFieldValue("conversion", "10%"),
      "Scenarios!D2",
    );
    expect(changed.errors).toEqual([]);
    expect(changed.values.conversion).toBe(0.1);
    expect(vehicle.errors).toHaveLength(1);
    expect(vehicle.values.conversion).toBeNull();
  });

  test("SPEC 8 a value that does not parse is an error at the given cell", () => {
    const vehicle = only([HEADER, ["A", null, 1000, 10, 0.1, 100, null]]);
    const changed = setVehicleField(
      vehicle,
      "investment",
      parseFieldValue("investment", "lots"),
      "Scenarios!D2",
    );
    expect(changed.errors).toEqual([
      expect.objectContaining({ severity: "error", cell: "Scenarios!D2", field: "Investment" }),
    ]);
    expect(changed.values.investment).toBeNull();
  });

  test("SPEC 8 a warning of the new value is kept at the given cell", () => {
    const changed = setVehicleField(base(), "conversion", parseFieldValue("conversion", 12), "Scenarios!D2");
    expect(changed.warnings).toEqual([
      {
        severity: "warning",
        cell: "Scenarios!D2",
        field: "Conversion rate",
        message: "12 read as a percentage (12%)",
      },
    ]);
  });

  test("SPEC 8 a blank Value clears a required field: the row has the required-value error", () => {
    const vehicle = only([HEADER, ["A", null, 1000, 10, 0.1, 100, null]]);
    const changed = setVehicleField(
      vehicle,
      "investment",
      parseFieldValue("investment", null),
      "Scenarios!D2",
    );
    expect(changed.values.investment).toBeNull();
    expect(changed.errors).toEqual([
      expect.objectContaining({
        cell: "Vehicles!C2",
        field: "Investment",
        message: expect.stringContaining("is blank"),
      }),
    ]);
  });

  test("SPEC 8 a Pipeline given by a scenario clears the row's missing-Pipeline error", () => {
    const vehicle = only([
      ["Vehicle", "Investment", "Leads", "Pipeline"],
      ["A", 1, 1, null],
    ]);
    expect(vehicle.errors.map((issue) => issue.field)).toEqual(["Pipeline"]);
    const changed = setVehicleField(vehicle, "pipeline", parseFieldValue("pipeline", "5k"), "Scenarios!D2");
    expect(changed.errors).toEqual([]);
    expect(changed.values.pipeline).toBe(5000);
  });

  test("SPEC 8 a Conversion rate and Average deal size given where the table has no such columns make Pipeline computable", () => {
    const vehicle = only([
      ["Vehicle", "Investment", "Leads", "Pipeline"],
      ["A", 1, 1, null],
    ]);
    const withRate = setVehicleField(
      vehicle,
      "conversion",
      parseFieldValue("conversion", "10%"),
      "Scenarios!D2",
    );
    expect(withRate.errors).toEqual([
      expect.objectContaining({
        cell: "Vehicles!D2",
        field: "Pipeline",
        message: expect.stringContaining("no Average deal size column"),
      }),
    ]);
    const withBoth = setVehicleField(withRate, "dealSize", parseFieldValue("dealSize", 500), "Scenarios!D3");
    expect(withBoth.errors).toEqual([]);
    expect(withBoth.cells.conversion).toBe("Scenarios!D2");
    expect(withBoth.cells.dealSize).toBe("Scenarios!D3");
  });

  test("SPEC 8 the field keeps its table cell when the table has the column", () => {
    const changed = setVehicleField(base(), "conversion", parseFieldValue("conversion", 0.2), "Scenarios!D2");
    expect(changed.cells.conversion).toBe("Vehicles!E2");
  });

  test("SPEC 8 a hand answer and a name can be set", () => {
    const vehicle = only([HEADER, ["A", null, 1000, 10, 0.1, 100, null]]);
    const answered = setVehicleField(vehicle, "q3", parseFieldValue("q3", "No"), "Scenarios!D2");
    expect(answered.values.handAnswers).toEqual([null, null, false, null, null, null, null]);
    expect(vehicle.values.handAnswers).toEqual([null, null, null, null, null, null, null]);
    const renamed = setVehicleField(
      vehicle,
      "channel",
      parseFieldValue("channel", " Events "),
      "Scenarios!D2",
    );
    expect(renamed.channelText).toBe("Events");
    expect(renamed.name).toBe("A");
    expect(renamed.row).toBe(2);
    expect(renamed.rowAnchor).toBe("Vehicles!A2");
  });
});

describe("normalisedName", () => {
  test("SPEC 1.1 vehicle names are compared trimmed and case-insensitive", () => {
    expect(normalisedName("  Trade Show ")).toBe(normalisedName("trade show"));
  });
});

describe("readVehicleTable on random grids (property)", () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    fc.constantFrom("", " ", "12%", "$1.2k", "(1,200)", "yes", "Awareness; x", "150%", "-5", "abc", "Short"),
    fc.double(),
    fc.integer({ min: -10, max: 1_000 }),
    fc.boolean(),
    fc.string({ maxLength: 8 }),
    fc.record({ error: fc.constantFrom("#N/A", "#DIV/0!") }),
  );
  const headerCell = fc.oneof(
    fc.constantFrom(
      "Vehicle",
      "Investment",
      "Leads",
      "Pipeline",
      "Conversion rate",
      "Average deal size",
      "Channel",
      "Hours",
      "Risk",
      "Reach",
      "Q3 message fit",
      "q12",
      "Spend",
      "Notes",
      "Objectives",
      "Min investment",
    ),
    fc.string({ maxLength: 6 }),
    fc.constant(null),
  );
  const REQUIRED = ["Vehicle", "Investment", "Leads", "Pipeline"];
  /** Random headers, three times in four with the required ones among them somewhere, so most grids are read. */
  const headerRow = fc
    .tuple(fc.boolean(), fc.boolean(), fc.array(headerCell, { maxLength: 6 }))
    .chain(([withRequired, moreLikely, extra]) => {
      const cells = withRequired || moreLikely ? [...REQUIRED, ...extra] : extra;
      return cells.length === 0
        ? fc.constant(cells)
        : fc.shuffledSubarray(cells, { minLength: cells.length, maxLength: cells.length });
    });
  const grid = headerRow.chain((header) =>
    fc.record({
      header: fc.constant(header),
      rows: fc.array(fc.array(cell, { minLength: 0, maxLength: header.length + 1 }), { maxLength: 12 }),
      top: fc.integer({ min: 1, max: 50 }),
      left: fc.integer({ min: 1, max: 30 }),
      sheet: fc.constantFrom("Vehicles", "Vehicle List", "It's", "A1"),
    }),
  );

  test("never throws, keeps input order, and every row's problems name cells in that row", () => {
    fc.assert(
      fc.property(grid, ({ header, rows, top, left, sheet }) => {
        const read = readVehicleTable({ sheet, top, left, cells: [header, ...rows] });
        if (!read.ok) {
          expect(read.message).toContain("a vehicle table needs the headers");
          return;
        }
        const sheetRows = read.value.vehicles.map((vehicle) => vehicle.row);
        expect([...sheetRows].sort((a, b) => a - b)).toEqual(sheetRows);
        expect(new Set(sheetRows).size).toBe(sheetRows.length);
        for (const vehicle of read.value.vehicles) {
          expect(vehicle.row).toBeGreaterThan(top);
          expect(vehicle.row).toBeLessThanOrEqual(top + rows.length);
          for (const issue of [...vehicle.errors, ...vehicle.warnings]) {
            expect(issue.cell).not.toBeNull();
            expect((issue.cell as string).endsWith(`${vehicle.row}`)).toBe(true);
            expect(issue.cell).toMatch(new RegExp(`![A-Z]+${vehicle.row}$`));
            expect(Object.values(vehicle.cells)).toContain(issue.cell);
          }
          for (const value of Object.values(vehicle.values)) {
            if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test("SPEC 1.1 each value read is the one its field's parser gives for that cell", () => {
    const numericCell = fc.oneof(
      fc.double(),
      fc.constantFrom(-0, 0, 1, 5, 100, 1e308, Number.MAX_VALUE, Number.MIN_VALUE, -1e-300),
    );
    const numericHeader = [
      "Vehicle",
      "Investment",
      "Leads",
      "Conversion rate",
      "Average deal size",
      "Pipeline",
      "Reach",
      "Resonance",
      "Skill today",
      "Hours",
      "Risk",
      "Q1",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(numericCell, cell), { minLength: numericHeader.length }), {
          maxLength: 8,
        }),
        (rows) => {
          const read = readVehicleTable(block([numericHeader, ...rows.map((row) => ["V", ...row.slice(1)])]));
          if (!read.ok) throw new Error(read.message);
          for (const vehicle of read.value.vehicles) {
            const row = rows[vehicle.row - 2];
            const expected = (field: FieldKey, column: number): FieldValue | null => {
              const parsed = parseFieldValue(field, row[column] ?? null);
              return parsed.kind === "ok" ? parsed.value : null;
            };
            expect(Object.is(vehicle.values.investment, expected("investment", 1))).toBe(true);
            expect(Object.is(vehicle.values.leads, expected("leads", 2))).toBe(true);
            expect(Object.is(vehicle.values.conversion, expected("conversion", 3))).toBe(true);
            expect(Object.is(vehicle.values.dealSize, expected("dealSize", 4))).toBe(true);
            expect(Object.is(vehicle.values.pipeline, expected("pipeline", 5))).toBe(true);
            expect(Object.is(vehicle.values.reach, expected("reach", 6))).toBe(true);
            expect(Object.is(vehicle.values.resonance, expected("resonance", 7))).toBe(true);
            expect(Object.is(vehicle.values.skillToday, expected("skillToday", 8))).toBe(true);
            expect(Object.is(vehicle.values.hours, expected("hours", 9) ?? 0)).toBe(true);
            expect(Object.is(vehicle.values.risk, expected("risk", 10) ?? 0)).toBe(true);
            expect(vehicle.values.handAnswers[0]).toBe(expected("q1", 11));
            const failed = numericHeader
              .map((header, column) => ({ header, parsed: parseFieldValue(fieldOf(header), row[column]) }))
              .filter(({ header, parsed }) => header !== "Vehicle" && parsed.kind === "error")
              .map(({ header }) => header);
            for (const header of failed) {
              expect(vehicle.errors.map((issue) => issue.field)).toContain(header);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test("SPEC 1.1 a row is skipped exactly when its matched cells are all blank", () => {
    fc.assert(
      fc.property(grid, ({ header, rows, top, left, sheet }) => {
        const read = readVehicleTable({ sheet, top, left, cells: [header, ...rows] });
        if (!read.ok) return;
        const columns = Object.values(read.value.mapping) as number[];
        const nonBlank = rows
          .map((row, index) => ({ row, sheetRow: top + 1 + index }))
          .filter(({ row }) =>
            columns.some((column) => {
              const value = row[column];
              return (
                value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "")
              );
            }),
          )
          .map(({ sheetRow }) => sheetRow);
        expect(read.value.vehicles.map((vehicle) => vehicle.row)).toEqual(nonBlank);
      }),
      { numRuns: 300 },
    );
  });
});
