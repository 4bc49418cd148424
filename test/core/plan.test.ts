import fc from "fast-check";
import type { CellBlock, CellValue } from "../../src/core/cells";
import type { Plan, PlannedVehicle } from "../../src/core/model";
import { makePlan, readPlanInputs, type PlanRequest } from "../../src/core/plan";
import { planToJson } from "../../src/core/planJson";
import { buildOutputSheets } from "../../src/core/outputSheets";
import { tableWithVehicles } from "../../src/core/vehicleTable";

function block(rows: CellValue[][], sheet = "Vehicles"): CellBlock {
  return { sheet, top: 1, left: 1, cells: rows };
}

function settingsBlock(rows: [string, CellValue][]): CellBlock {
  return block([["Setting", "Value"], ...rows], "Planner Settings");
}

function plan(request: PlanRequest): Plan {
  const inputs = readPlanInputs(request);
  if (!inputs.ok) throw new Error(`inputs failed: ${inputs.message}`);
  const made = makePlan(inputs.value);
  if (!made.ok) throw new Error(`plan failed: ${made.message}`);
  return made.value;
}

function planOf(rows: CellValue[][], request: Omit<PlanRequest, "vehicles"> = {}): Plan {
  return plan({ vehicles: block(rows), ...request });
}

function byName(result: Plan, name: string): PlannedVehicle {
  const found = result.vehicles.find((vehicle) => vehicle.vehicle === name);
  if (!found) throw new Error(`no vehicle ${name}`);
  return found;
}

const HEADER = [
  "Vehicle",
  "Channel",
  "Investment",
  "Leads",
  "Pipeline",
  "Min investment",
  "Max investment",
  "Hours",
];

describe("makePlan end to end", () => {
  test("SPEC 2 pipeline per dollar example: LeadSource B (3.0 per $) ranks above LeadSource A (1.8 per $)", () => {
    const result = planOf([
      ["Vehicle", "Investment", "Leads", "Conversion rate", "Average deal size"],
      ["LeadSource A", 10_000, 200, 0.05, 1_800],
      ["LeadSource B", 10_000, 100, 0.12, 2_500],
    ]);
    const a = byName(result, "LeadSource A");
    const b = byName(result, "LeadSource B");
    expect(a.costPerLead).toBeCloseTo(50, 10);
    expect(a.pipeline).toBeCloseTo(18_000, 6);
    expect(a.pipelinePerDollar).toBeCloseTo(1.8, 10);
    expect(b.costPerLead).toBeCloseTo(100, 10);
    expect(b.pipeline).toBeCloseTo(30_000, 6);
    expect(b.pipelinePerDollar).toBeCloseTo(3, 10);
    expect(b.rank).toBe(1);
    expect(a.rank).toBe(2);
  });

  test("SPEC 1.1 a vehicle name used again makes every later row with it invalid, whatever became of the first", () => {
    const result = planOf([
      HEADER,
      ["Webinar", "Digital", -5, 10, 1_000],
      [" webinar ", "Digital", 1_000, 10, 5_000],
      ["WEBINAR", "Digital", 1_000, 10, 5_000],
      ["Search", "Digital", 1_000, 10, 5_000],
    ]);
    expect(result.vehicles.map((vehicle) => vehicle.status)).toEqual([
      "Invalid input",
      "Invalid input",
      "Invalid input",
      "Shortlisted",
    ]);
    const duplicate = result.issues.find((issue) => issue.cell === "Vehicles!A3");
    expect(duplicate).toMatchObject({ severity: "error", field: "Vehicle" });
    expect(duplicate?.message).toContain("row 2");
    expect(result.vehicles[2].invalidReasons.join(" ")).toContain("Vehicles!A4");
  });

  test("SPEC 1.1 names that share a hash but not a match key are two vehicles; each one's repeats are still caught", () => {
    // "msrngec" and "lvlpnre" have the same 30-bit hash, which the duplicate check tells names apart by.
    const result = planOf([
      HEADER,
      ["Msrngec", "Digital", 1_000, 10, 5_000],
      ["lvlpnre", "Digital", 1_000, 10, 4_000],
      ["LVLPNRE", "Digital", 1_000, 10, 3_000],
      ["msrngec ", "Digital", 1_000, 10, 2_000],
    ]);
    expect(result.vehicles.map((vehicle) => vehicle.status === "Invalid input")).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(result.vehicles[2].invalidReasons.join(" ")).toContain("first in row 3");
    expect(result.vehicles[3].invalidReasons.join(" ")).toContain("first in row 2");
  });

  test("SPEC 1.1 a row whose matched cells are all blank is skipped without a word", () => {
    const result = planOf([
      HEADER,
      ["A", "X", 1_000, 10, 5_000],
      [null, "  ", null, null, null],
      ["B", "X", 1_000, 10, 4_000],
    ]);
    expect(result.vehicles.map((vehicle) => [vehicle.vehicle, vehicle.row])).toEqual([
      ["A", 2],
      ["B", 4],
    ]);
    expect(result.issues.filter((issue) => issue.cell?.endsWith("3"))).toEqual([]);
  });

  test("SPEC 1.1 an Excel error value makes the row Invalid input, named at its cell", () => {
    const result = planOf([HEADER, ["A", "X", { error: "#N/A" }, 10, 5_000], ["B", "X", 1_000, 10, 4_000]]);
    const invalid = byName(result, "A");
    expect(invalid.status).toBe("Invalid input");
    expect(invalid.answers).toBeNull();
    expect(invalid.pipeline).toBeNull();
    expect(invalid.invalidReasons.join(" ")).toContain("Vehicles!C2");
    expect(result.issues.some((issue) => issue.cell === "Vehicles!C2" && issue.severity === "error")).toBe(
      true,
    );
  });

  test("SPEC 1.1 Investment and Hours × Hourly rate both zero is an error at the Investment cell", () => {
    const result = planOf([HEADER, ["A", "X", 0, 10, 5_000, null, null, 0], ["B", "X", 1_000, 10, 4_000]]);
    expect(byName(result, "A").status).toBe("Invalid input");
    expect(result.issues.find((issue) => issue.cell === "Vehicles!C2")).toMatchObject({
      severity: "error",
      field: "Investment",
    });
  });

  test("SPEC 1.1 Investment 0 with team hours is planned on its hours", () => {
    const result = planOf([HEADER, ["A", "X", 0, 10, 5_000, null, null, 10]]);
    const vehicle = byName(result, "A");
    expect(vehicle.status).toBe("Shortlisted");
    expect(vehicle.pipelinePerDollar).toBeNull();
    expect(vehicle.efficiency).toBe(5);
  });

  test("SPEC 1.1 Hourly rate 0 makes hours count for nothing, so Investment 0 is an error again", () => {
    const result = planOf([HEADER, ["A", "X", 0, 10, 5_000, null, null, 10], ["B", "X", 1_000, 10, 4_000]], {
      overrides: { hourlyRate: 0 },
    });
    expect(byName(result, "A").status).toBe("Invalid input");
  });

  test("SPEC 1.1 bounds lo > hi: an error at the Min investment cell when it is given", () => {
    const result = planOf([HEADER, ["A", "X", 1_000, 10, 5_000, 3_000, 2_000], ["B", "X", 1_000, 10, 4_000]]);
    expect(byName(result, "A").status).toBe("Invalid input");
    expect(result.issues.find((issue) => issue.cell === "Vehicles!F2")).toMatchObject({
      severity: "error",
      field: "Min investment",
    });
  });

  test("SPEC 1.1 bounds lo > hi: at the Max investment cell when Min investment is blank", () => {
    // lo = Floor factor 0.5 × 1,000 = 500 > Max 400.
    const result = planOf([HEADER, ["A", "X", 1_000, 10, 5_000, null, 400], ["B", "X", 1_000, 10, 4_000]]);
    expect(result.issues.find((issue) => issue.cell === "Vehicles!G2")).toMatchObject({
      severity: "error",
      field: "Max investment",
    });
  });

  test("SPEC 1.1 bounds are only checked for rows without another error", () => {
    const result = planOf([
      HEADER,
      ["A", "X", { error: "#REF!" }, 10, 5_000, 3_000, 2_000],
      ["B", "X", 1_000, 10, 4_000],
    ]);
    expect(result.issues.some((issue) => issue.cell === "Vehicles!F2")).toBe(false);
  });

  test("SPEC 1.2 Budget and Pipeline goal default to the sums over the valid rows", () => {
    const result = planOf([
      HEADER,
      ["A", "X", 1_000, 10, 5_000],
      ["B", "Y", 2_000, 10, 4_000],
      ["C", "Y", -1, 10, 9_999],
    ]);
    expect(result.settings.budget).toBe(3_000);
    expect(result.settings.pipelineGoal).toBe(9_000);
    expect(result.allocation.budget).toBe(3_000);
  });

  test("SPEC 1.2 flags win over the settings sheet", () => {
    const result = planOf([HEADER, ["A", "X", 1_000, 10, 5_000], ["B", "Y", 2_000, 10, 4_000]], {
      settings: settingsBlock([["Bandwidth", 2]]),
      overrides: { bandwidth: "1" },
    });
    expect(result.settings.bandwidth).toBe(1);
    expect(result.vehicles.filter((vehicle) => vehicle.status === "Shortlisted")).toHaveLength(1);
  });

  test("SPEC 1.2 a flag that does not parse plans nothing and names the setting", () => {
    const inputs = readPlanInputs({
      vehicles: block([HEADER, ["A", "X", 1_000, 10, 5_000]]),
      overrides: { bandwidth: "lots" },
    });
    expect(inputs.ok).toBe(false);
    if (!inputs.ok) {
      expect(inputs.message).toContain("Bandwidth");
      expect(inputs.message).toContain("nothing is planned");
    }
  });

  test("SPEC 1.2 a setting on the sheet that does not parse plans nothing and names its cell", () => {
    const inputs = readPlanInputs({
      vehicles: block([HEADER, ["A", "X", 1_000, 10, 5_000]]),
      settings: settingsBlock([["Bandwidth", "two"]]),
    });
    expect(inputs.ok).toBe(false);
    if (!inputs.ok) {
      expect(inputs.message).toContain("'Planner Settings'!B2");
      expect(inputs.issues[0]).toMatchObject({ severity: "error", field: "Bandwidth" });
    }
  });

  test("SPEC 1.1 no valid row is a message naming the problems and the headers, not a crash", () => {
    const inputs = readPlanInputs({ vehicles: block([HEADER, ["A", "X", -1, 10, 5_000]]) });
    expect(inputs.ok).toBe(true);
    if (!inputs.ok) return;
    const made = makePlan(inputs.value);
    expect(made.ok).toBe(false);
    if (!made.ok) {
      expect(made.message).toContain("Vehicles!C2");
      expect(made.message).toContain("Headers found: Vehicle, Channel, Investment");
      expect(made.issues.some((issue) => issue.cell === "Vehicles!C2")).toBe(true);
    }
  });

  test("SPEC 1.1 issues come table first, then rows in row order, then the allocation's", () => {
    const result = planOf(
      [
        [...HEADER, "Budget"],
        ["A", "X", 1_000, 10, 5_000, null, null, null, null],
        ["B", "X", { error: "#N/A" }, 10, 4_000, null, null, null, null],
        ["C", "X", 1_000, -3, 4_000, null, null, null, null],
      ],
      { overrides: { budget: 1 } },
    );
    const cells = result.issues.map((issue) => issue.cell);
    const b = cells.indexOf("Vehicles!C3");
    const c = cells.indexOf("Vehicles!D4");
    const budget = result.issues.findIndex((issue) => issue.field === "Budget" && issue.cell === null);
    expect(b).toBeGreaterThanOrEqual(0);
    expect(c).toBeGreaterThan(b);
    expect(budget).toBeGreaterThan(c);
    const header = cells.indexOf("Vehicles!I1");
    if (header >= 0) expect(header).toBeLessThan(b);
  });

  test("SPEC 9 a Reserve vehicle gets its multiplier and the conversion rate that would do it", () => {
    const result = planOf(
      [
        ["Vehicle", "Investment", "Leads", "Conversion rate", "Average deal size"],
        ["Leader", 10_000, 100, 0.3, 1_000],
        ["Runner", 10_000, 100, 0.2, 1_000],
      ],
      { overrides: { bandwidth: 1, pipelineGoal: 0 } },
    );
    const runner = byName(result, "Runner");
    expect(runner.status).toBe("Reserve");
    expect(runner.toShortlist).toBe(1.51);
    expect(runner.toShortlistConversion).toBeCloseTo(0.302, 12);
    const filter = buildOutputSheets(result)[1];
    expect(filter.rows[1][15]).toBe("×1.51 pipeline (conversion 30.2%)");
  });

  test("SPEC 6 the shortlisted vehicle's Why names its rank, efficiency and allocation", () => {
    const result = planOf([HEADER, ["A", "X", 1_000, 10, 5_000]]);
    expect(byName(result, "A").why).toMatch(/^Rank 1 of 1 by efficiency 5\.00; /);
  });

  test("SPEC 7 invalid rows keep their place, status and row number in the JSON", () => {
    const json = planToJson(planOf([HEADER, ["A", "X", 1_000, 10, 5_000], ["B", "X", "lots", 10, 5_000]]));
    expect(
      json.vehicles.map((vehicle) => [vehicle.vehicle, vehicle.row, vehicle.status, vehicle.answers]),
    ).toEqual([
      ["A", 2, "Shortlisted", ["n/a", "n/a", "n/a", "n/a", "Pass", "n/a", "Pass"]],
      ["B", 3, "Invalid input", null],
    ]);
  });
});

/** Every number anywhere in a value, with its path. */
function numbersIn(value: unknown, path = "$"): [string, number][] {
  if (typeof value === "number") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => numbersIn(item, `${path}[${index}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`));
  }
  return [];
}

describe("makePlan properties", () => {
  const money = fc.oneof(
    fc.constant<CellValue>(null),
    fc.integer({ min: 0, max: 200_000 }),
    fc.constantFrom<CellValue>("$1.2k", "0", "-5", "(300)", "abc", { error: "#DIV/0!" }),
  );
  const rowArbitrary = fc.tuple(
    fc.constantFrom<CellValue>("A", "b", "B", "Ç", "d", " a ", null),
    fc.constantFrom<CellValue>("Web", "web ", "Events", null),
    money,
    fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constant<CellValue>(0)),
    fc.oneof(money, fc.constant<CellValue>(null)),
    fc.option(fc.constantFrom(0.05, 0.5, 2, "12%", "150%"), { nil: null }),
    fc.option(fc.constantFrom(100, 2_500), { nil: null }),
    fc.option(fc.constantFrom("Conversion", "Awareness", "Consideration; Conversion"), { nil: null }),
    fc.option(fc.constantFrom(0.1, 0.5), { nil: null }),
    fc.option(fc.constantFrom(1_000, 50_000), { nil: null }),
    fc.option(fc.constantFrom(500, 90_000), { nil: null }),
    fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    fc.option(fc.constantFrom(1_000, 30_000), { nil: null }),
    fc.option(fc.constantFrom("Yes", "No"), { nil: null }),
  );
  const header = [
    "Vehicle",
    "Channel",
    "Investment",
    "Leads",
    "Pipeline",
    "Conversion rate",
    "Average deal size",
    "Objectives",
    "Reach",
    "Prior investment",
    "Prior pipeline",
    "Hours",
    "Max investment",
    "Q7",
  ];
  const caseArbitrary = fc.record({
    rows: fc.array(rowArbitrary, { minLength: 1, maxLength: 9 }),
    bandwidth: fc.integer({ min: 1, max: 4 }),
    budget: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: undefined }),
  });

  function attempt(
    rows: CellValue[][],
    bandwidth: number,
    budget: number | undefined,
    capacity: { salesReps: number; leadsPerRep: number } | null = null,
  ): Plan | null {
    const inputs = readPlanInputs({
      vehicles: block([header, ...rows]),
      overrides: { bandwidth, ...(budget === undefined ? {} : { budget }), ...capacity },
    });
    if (!inputs.ok) return null;
    const made = makePlan(inputs.value);
    return made.ok ? made.value : null;
  }

  test("SPEC 1.1 duplicate names: exactly the rows whose trimmed, lower-cased name an earlier row has (any script)", () => {
    const name = fc.constantFrom<CellValue>(
      "Webinar",
      "webinar",
      " WEBINAR",
      "Événement",
      "événement",
      "ÉVÉNEMENT",
      "Straße",
      "STRASSE",
      "Σίγμα",
      "σίγμα",
      "İstanbul",
      "i̇stanbul",
      "Ｗｅｂ",
      "ｗｅｂ",
      "a\tb",
      "A\tB",
      "Msrngec",
      "lvlpnre",
      null,
    );
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 12 }), (names) => {
        const result = planOf([
          ["Vehicle", "Investment", "Leads", "Pipeline"],
          ["Plain row", 1_000, 10, 5_000],
          ...names.map((n) => [n, 1_000, 10, 5_000]),
        ]);
        const seen = new Set<string>();
        for (const vehicle of result.vehicles) {
          const key = vehicle.vehicle.trim().toLowerCase();
          const repeated = key !== "" && seen.has(key);
          if (key !== "") seen.add(key);
          expect(vehicle.invalidReasons.some((reason) => reason.includes("is used again"))).toBe(repeated);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("the plan of a table as read equals the plan of the same rows as row objects (as a scenario leaves them)", () => {
    fc.assert(
      fc.property(caseArbitrary, ({ rows, bandwidth, budget }) => {
        const inputs = readPlanInputs({
          vehicles: block([header, ...rows]),
          overrides: budget === undefined ? { bandwidth } : { bandwidth, budget },
        });
        if (!inputs.ok) return;
        const asObjects = {
          ...inputs.value,
          table: tableWithVehicles(inputs.value.table, [...inputs.value.table.vehicles]),
        };
        const read = makePlan(inputs.value);
        const remade = makePlan(asObjects);
        expect(JSON.stringify(remade)).toBe(JSON.stringify(read));
        if (read.ok)
          expect(JSON.stringify(planToJson(read.value))).toBe(
            JSON.stringify(planToJson((remade as typeof read).value)),
          );
      }),
      { numRuns: 150 },
    );
  });

  test("SPEC 2 and 10.1 makePlan never puts NaN or Infinity anywhere (plan, JSON, sheets), with or without a lead capacity", () => {
    const capacity = fc.option(
      fc.record({ salesReps: fc.integer({ min: 1, max: 5 }), leadsPerRep: fc.integer({ min: 1, max: 400 }) }),
    );
    fc.assert(
      fc.property(caseArbitrary, capacity, ({ rows, bandwidth, budget }, reps) => {
        const result = attempt(rows, bandwidth, budget, reps);
        if (result === null) return;
        const everything = [result, planToJson(result), buildOutputSheets(result)];
        for (const [path, value] of numbersIn(everything)) {
          if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  test("SPEC 3 shortlist ≤ Bandwidth, statuses agree with answers, input order kept", () => {
    fc.assert(
      fc.property(caseArbitrary, ({ rows, bandwidth, budget }) => {
        const result = attempt(rows, bandwidth, budget);
        if (result === null) return;
        const shortlisted = result.vehicles.filter((vehicle) => vehicle.status === "Shortlisted");
        expect(shortlisted.length).toBeLessThanOrEqual(bandwidth);
        expect(shortlisted.map((vehicle) => vehicle.rank).sort()).toEqual(
          shortlisted.map((_, index) => index + 1),
        );
        const rowsInOrder = result.vehicles.map((vehicle) => vehicle.row);
        expect(rowsInOrder).toEqual([...rowsInOrder].sort((a, b) => a - b));
        for (const vehicle of result.vehicles) {
          if (vehicle.status === "Invalid input") {
            expect(vehicle.answers).toBeNull();
            expect(vehicle.invalidReasons.length).toBeGreaterThan(0);
            continue;
          }
          const answers = vehicle.answers!.list();
          expect(answers).toHaveLength(7);
          const failing = answers.findIndex((answer) => answer.answer === "Fail");
          if (failing >= 0) {
            expect(vehicle.status).toBe(`Eliminated (Q${failing + 1})`);
            expect(vehicle.eliminatedAt).toBe(failing + 1);
          } else expect(["Shortlisted", "Reserve"]).toContain(vehicle.status);
          if (vehicle.status === "Reserve") expect(shortlisted).toHaveLength(bandwidth);
          if (vehicle.toShortlist !== null) {
            expect(["Reserve", "Eliminated (Q5)", "Eliminated (Q7)"]).toContain(vehicle.status);
            expect(vehicle.toShortlist).toBeGreaterThanOrEqual(1.01);
            expect(vehicle.toShortlist).toBeLessThanOrEqual(10);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
