import fc from "fast-check";
import type { CellBlock, CellValue } from "../../src/core/cells";
import type { PlanSettings, SettingKey, SettingValues } from "../../src/core/model";
import {
  DEFAULT_SETTINGS,
  parseSettingValue,
  readSettingsTable,
  resolveSettings,
  settingKeyForName,
  settingsToJson,
} from "../../src/core/settings";
import { SETTING_NAMES } from "../../src/core/publicNames";

const TABLE_DEFAULTS = { budget: 120_000, pipelineGoal: 900_000 };

function resolved(layers: SettingValues[]): PlanSettings {
  const outcome = resolveSettings(layers, TABLE_DEFAULTS);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

function settingsBlock(rows: CellValue[][], top = 1, left = 1): CellBlock {
  return { sheet: "Planner Settings", top, left, cells: [["Setting", "Value"], ...rows] };
}

function parsed<K extends SettingKey>(key: K, value: CellValue) {
  return parseSettingValue(key, value, "'Planner Settings'!B2");
}

function errorOf(key: SettingKey, value: CellValue): string {
  const result = parsed(key, value);
  expect(result.value).toBeUndefined();
  expect(result.issue).toMatchObject({
    severity: "error",
    cell: "'Planner Settings'!B2",
    field: SETTING_NAMES[key],
  });
  return result.issue?.message ?? "";
}

const SPEC_SETTINGS: [SettingKey, string][] = [
  ["objective", "Objective"],
  ["bandwidth", "Bandwidth"],
  ["budget", "Budget"],
  ["pipelineGoal", "Pipeline goal"],
  ["messageComplexity", "Message complexity"],
  ["minimumReach", "Minimum reach"],
  ["minimumResonance", "Minimum resonance"],
  ["minimumSkill", "Minimum skill"],
  ["countSkillTomorrow", "Count skill tomorrow"],
  ["minimumImpactShare", "Minimum impact share"],
  ["minimumRelativeReturn", "Minimum relative return"],
  ["requireTrackRecord", "Require track record"],
  ["hourlyRate", "Hourly rate"],
  ["returnsElasticity", "Returns elasticity"],
  ["floorFactor", "Floor factor"],
  ["ceilingFactor", "Ceiling factor"],
  ["salesReps", "Sales reps"],
  ["leadsPerRep", "Leads per rep"],
  ["leadExpiry", "Lead expiry"],
  ["asOf", "As of"],
];

describe("SPEC 1.2 setting names", () => {
  test("SPEC 1.2 the settings are named exactly as the SPEC's table", () => {
    expect(SETTING_NAMES).toEqual(Object.fromEntries(SPEC_SETTINGS));
  });

  test.each(SPEC_SETTINGS)("SPEC 1.2 setting names are matched like headers: %s", (key, name) => {
    expect(settingKeyForName(name)).toBe(key);
    expect(settingKeyForName(name.toUpperCase())).toBe(key);
    expect(settingKeyForName(` ${name.replace(/ /g, "_")}: `)).toBe(key);
    expect(settingKeyForName(key)).toBe(key);
  });

  test.each(["Budgets", "Goal", "Skill", "", "Minimum"])("%j names no setting", (name) => {
    expect(settingKeyForName(name)).toBeNull();
  });
});

describe("SPEC 1.2 defaults", () => {
  const SPEC_DEFAULTS: [SettingKey, PlanSettings[SettingKey]][] = [
    ["objective", "Conversion"],
    ["bandwidth", 5],
    ["budget", TABLE_DEFAULTS.budget],
    ["pipelineGoal", TABLE_DEFAULTS.pipelineGoal],
    ["messageComplexity", "Moderate"],
    ["minimumReach", 0.2],
    ["minimumResonance", 3],
    ["minimumSkill", 3],
    ["countSkillTomorrow", true],
    ["minimumImpactShare", 0.5],
    ["minimumRelativeReturn", 0.5],
    ["requireTrackRecord", false],
    ["hourlyRate", 100],
    ["returnsElasticity", 0.7],
    ["floorFactor", 0.5],
    ["ceilingFactor", 2],
  ];

  test.each(SPEC_DEFAULTS)("SPEC 1.2 default: %s is %p when missing", (key, value) => {
    expect(resolved([])[key]).toEqual(value);
  });

  test.each(SPEC_DEFAULTS)(
    "SPEC 1.2 default: %s is %p when the settings table leaves it blank",
    (key, value) => {
      const { values, issues } = readSettingsTable(settingsBlock([[SETTING_NAMES[key], "  "]]));
      expect(issues).toEqual([]);
      expect(values).toEqual({});
      expect(resolved([values])[key]).toEqual(value);
    },
  );

  test("SPEC 1.2 Budget and Pipeline goal default to the sums the plan gives", () => {
    const settings = resolved([]);
    expect(settings.budget).toBe(120_000);
    expect(settings.pipelineGoal).toBe(900_000);
    expect(DEFAULT_SETTINGS).not.toHaveProperty("budget");
  });
});

describe("SPEC 1.2 each setting's value", () => {
  test.each([
    ["awareness", "Awareness"],
    ["CONSIDERATION", "Consideration"],
    ["close", "Conversion"],
    ["Sales", "Conversion"],
    ["Usage", "Adoption"],
    ["increased understanding of value", "Value"],
    ["Referral", "Advocacy"],
  ])("SPEC 1.2 Objective accepts the stage names and synonyms in any case: %j → %s", (text, stage) => {
    expect(parsed("objective", text)).toEqual({ value: stage });
  });

  test("SPEC 1.2 Objective: an unknown stage is an error naming the setting and its Value cell", () => {
    expect(errorOf("objective", "Retention")).toContain('"Retention" is not a lifecycle stage');
  });

  test.each([
    ["simple", "Simple"],
    ["MODERATE", "Moderate"],
    ["Complex", "Complex"],
  ])("SPEC 1.2 Message complexity accepts its names in any case: %j → %s", (text, complexity) => {
    expect(parsed("messageComplexity", text)).toEqual({ value: complexity });
  });

  test("SPEC 1.2 Message complexity: another word is an error", () => {
    expect(errorOf("messageComplexity", "Hard")).toContain("use Simple, Moderate or Complex");
  });

  test.each([
    [3, 3],
    ["3", 3],
    ["3.0", 3],
    [3.0, 3],
    [1, 1],
    [" 12 ", 12],
  ] as [CellValue, number][])("SPEC 1.2 Bandwidth must be a whole number: %j is %p", (value, expected) => {
    expect(parsed("bandwidth", value)).toEqual({ value: expected });
  });

  test.each([2.5, "2.5", 0, -1, "three", true] as CellValue[])(
    "SPEC 1.2 Bandwidth must be a whole number of 1 or more: %j is an error",
    (value) => {
      expect(errorOf("bandwidth", value)).toContain(
        "is not a whole number of vehicles: type a whole number of 1 or more, such as 5",
      );
    },
  );

  test("SPEC 1.2 Bandwidth: the message shows what was typed", () => {
    expect(errorOf("bandwidth", "2.5")).toBe(
      '"2.5" is not a whole number of vehicles: type a whole number of 1 or more, such as 5',
    );
  });

  test.each([
    ["budget", "250k", 250_000],
    ["budget", "$1,200,000", 1_200_000],
    ["budget", "1.5M", 1_500_000],
    ["budget", 0, 0],
    ["pipelineGoal", "2M", 2_000_000],
    ["pipelineGoal", "€ 900 000", 900_000],
    ["hourlyRate", "$150", 150],
    ["hourlyRate", 0, 0],
  ] as [SettingKey, CellValue, number][])(
    "SPEC 1.2 money settings parse as money: %s %j is %p",
    (key, value, expected) => {
      expect(parsed(key, value)).toEqual({ value: expected });
    },
  );

  test.each([
    ["budget", -1, "-1 is out of range: type a Budget of 0 or more"],
    ["budget", "(5k)", "-5000 is out of range: type a Budget of 0 or more"],
    ["budget", "lots", '"lots" is not a number: type a Budget of 0 or more, such as 250000 or 250k'],
    ["pipelineGoal", -5, "-5 is out of range: type a Pipeline goal of 0 or more"],
    ["hourlyRate", -1, "-1 is out of range: type an hourly rate of 0 or more, such as 100"],
    ["hourlyRate", "1e2", '"1e2" is not a number: type an hourly rate of 0 or more, such as 100'],
    ["minimumRelativeReturn", -0.5, "-0.5 is out of range: type a multiple of 0 or more, such as 0.5"],
    ["floorFactor", -0.1, "-0.1 is out of range: type a factor of 0 or more, such as 0.5"],
    ["floorFactor", true, "TRUE is not a number: type a factor of 0 or more, such as 0.5"],
    ["ceilingFactor", 0, "0 is out of range: type a factor above 0, such as 2"],
    ["ceilingFactor", -2, "-2 is out of range: type a factor above 0, such as 2"],
  ] as [SettingKey, CellValue, string][])(
    "SPEC 1.2 a value out of range or not a number is an error naming the fix: %s %j",
    (key, value, message) => {
      expect(errorOf(key, value)).toContain(message);
    },
  );

  test.each([
    ["minimumRelativeReturn", 0, 0],
    ["minimumRelativeReturn", "1.5", 1.5],
    ["floorFactor", 0, 0],
    ["floorFactor", "0.25", 0.25],
    ["ceilingFactor", 0.1, 0.1],
    ["ceilingFactor", "3", 3],
  ] as [SettingKey, CellValue, number][])("SPEC 1.2 ranges: %s %j is %p", (key, value, expected) => {
    expect(parsed(key, value)).toEqual({ value: expected });
  });

  test.each([0.01, 0.5, 0.7, 0.99, "0.3"] as CellValue[])(
    "SPEC 1.2 Returns elasticity 0 < β < 1: %j is accepted",
    (value) => {
      expect(parsed("returnsElasticity", value).value).toBe(Number(value));
    },
  );

  test.each([0, 1, -0.5, 1.5, "x"] as CellValue[])(
    "SPEC 1.2 Returns elasticity 0 < β < 1: %j is an error",
    (value) => {
      expect(errorOf("returnsElasticity", value)).toContain(
        "type a number between 0 and 1 (not 0 or 1), such as 0.7",
      );
    },
  );

  test.each(["minimumReach", "minimumImpactShare"] as SettingKey[])(
    "SPEC 1.2 %s is read as a rate",
    (key) => {
      expect(parsed(key, 0.3)).toEqual({ value: 0.3 });
      expect(parsed(key, "30%")).toEqual({ value: 0.3 });
      expect(errorOf(key, "150%")).toContain("is not a rate");
      expect(errorOf(key, -0.1)).toContain("is not a rate");
    },
  );

  test.each(["minimumReach", "minimumImpactShare"] as SettingKey[])(
    "SPEC 1.2 %s: a percentage warning names the setting's Value cell",
    (key) => {
      expect(parsed(key, 30)).toEqual({
        value: 0.3,
        issue: {
          severity: "warning",
          cell: "'Planner Settings'!B2",
          field: SETTING_NAMES[key],
          message: "30 read as a percentage (30%)",
        },
      });
    },
  );

  test.each(["minimumResonance", "minimumSkill"] as SettingKey[])("SPEC 1.2 %s is a score 1–5", (key) => {
    expect(parsed(key, 4)).toEqual({ value: 4 });
    expect(parsed(key, "2.5")).toEqual({ value: 2.5 });
    expect(errorOf(key, 0)).toContain("type a number from 1 to 5");
    expect(errorOf(key, 6)).toContain("type a number from 1 to 5");
  });

  test.each(["countSkillTomorrow", "requireTrackRecord"] as SettingKey[])("SPEC 1.2 %s is Yes/No", (key) => {
    expect(parsed(key, "yes")).toEqual({ value: true });
    expect(parsed(key, "No")).toEqual({ value: false });
    expect(parsed(key, true)).toEqual({ value: true });
    expect(parsed(key, 0)).toEqual({ value: false });
    expect(errorOf(key, "maybe")).toContain("type Yes or No");
  });

  test.each(SPEC_SETTINGS)(
    "SPEC 1.2 %s: blank gives neither value nor issue (the default applies)",
    (key) => {
      expect(parsed(key, null)).toEqual({});
      expect(parsed(key, "   ")).toEqual({});
    },
  );

  test.each(SPEC_SETTINGS)("SPEC 1.2 %s: an Excel error value is an error naming the setting", (key) => {
    expect(errorOf(key, { error: "#N/A" })).toContain("Excel error #N/A");
  });

  test("SPEC 1.2 a flag's problem has no cell", () => {
    expect(parseSettingValue("budget", "lots", null).issue).toMatchObject({
      severity: "error",
      cell: null,
      field: "Budget",
    });
  });

  test("SPEC 1.2 no setting's parser throws or gives NaN or Infinity, whatever the cell", () => {
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.double(),
      fc.string(),
      fc.string({ minLength: 10_000, maxLength: 10_000 }),
      fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, "9".repeat(400), "1e3", "250k"),
      fc.record({ error: fc.string() }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...SPEC_SETTINGS.map(([key]) => key)), cell, (key, value) => {
        const result = parseSettingValue(key, value, null);
        if (typeof result.value === "number") expect(Number.isFinite(result.value)).toBe(true);
        if (result.issue?.severity === "error") {
          expect(result.value).toBeUndefined();
          expect(result.issue.message.length).toBeLessThan(400);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("SPEC 1.2 the Planner Settings table", () => {
  test("SPEC 1.2 settings are read from the Setting and Value columns, names matched like headers", () => {
    const { values, issues } = readSettingsTable(
      settingsBlock([
        ["objective", "Awareness"],
        ["BANDWIDTH", 3],
        ["Budget ($)", "250k"],
        ["pipeline_goal", "1M"],
        ["Count skill tomorrow", "No"],
      ]),
    );
    expect(issues).toEqual([]);
    expect(values).toEqual({
      objective: "Awareness",
      bandwidth: 3,
      budget: 250_000,
      pipelineGoal: 1_000_000,
      countSkillTomorrow: false,
    });
  });

  test("SPEC 1.2 a value that does not parse is an error naming the setting and its Value cell", () => {
    const { values, issues } = readSettingsTable(settingsBlock([["Bandwidth", "2.5"]], 4, 2));
    expect(values).toEqual({});
    expect(issues).toEqual([
      {
        severity: "error",
        cell: "'Planner Settings'!C5",
        field: "Bandwidth",
        message: '"2.5" is not a whole number of vehicles: type a whole number of 1 or more, such as 5',
      },
    ]);
  });

  test("SPEC 1.2 a rate's percentage warning names the setting's Value cell", () => {
    const { values, issues } = readSettingsTable(settingsBlock([["Minimum reach", 25]]));
    expect(values).toEqual({ minimumReach: 0.25 });
    expect(issues).toEqual([
      {
        severity: "warning",
        cell: "'Planner Settings'!B2",
        field: "Minimum reach",
        message: "25 read as a percentage (25%)",
      },
    ]);
  });

  test("SPEC 1.2 an unknown setting is a warning at its Setting cell and is ignored", () => {
    const { values, issues } = readSettingsTable(settingsBlock([["Team size", 4]]));
    expect(values).toEqual({});
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: "warning",
      cell: "'Planner Settings'!A2",
      field: "Team size",
    });
    expect(issues[0].message).toContain(
      '"Team size" is not a plan setting and is ignored: use one of Objective',
    );
  });

  test("a setting given twice: the first row is used, the second is a warning at its Value cell", () => {
    const { values, issues } = readSettingsTable(
      settingsBlock([
        ["Bandwidth", 3],
        ["bandwidth", 7],
      ]),
    );
    expect(values).toEqual({ bandwidth: 3 });
    expect(issues).toEqual([
      expect.objectContaining({ severity: "warning", cell: "'Planner Settings'!B3", field: "Bandwidth" }),
    ]);
  });

  test("rows with a blank Setting are skipped", () => {
    expect(readSettingsTable(settingsBlock([[null, 5], ["  ", "x"], []]))).toEqual({
      values: {},
      issues: [],
    });
  });

  test("a missing row in a face's array reads as a blank row, never a crash", () => {
    const cells = new Array<CellValue[]>(4);
    cells[1] = ["Setting", "Value"];
    cells[3] = ["Bandwidth", 3];
    expect(readSettingsTable({ sheet: "Planner Settings", top: 1, left: 1, cells })).toEqual({
      values: { bandwidth: 3 },
      issues: [],
    });
  });

  test("the header row may sit below a title, in any column order", () => {
    const { values } = readSettingsTable({
      sheet: "Planner Settings",
      top: 1,
      left: 1,
      cells: [["Plan settings"], [], ["Value", "Setting"], [4, "Bandwidth"]],
    });
    expect(values).toEqual({ bandwidth: 4 });
  });

  test("a table without Setting and Value headers is a warning and no setting is read", () => {
    const { values, issues } = readSettingsTable({
      sheet: "Planner Settings",
      top: 1,
      left: 1,
      cells: [
        ["Name", "Amount"],
        ["Bandwidth", 3],
      ],
    });
    expect(values).toEqual({});
    expect(issues).toEqual([
      expect.objectContaining({ severity: "warning", cell: "'Planner Settings'!A1", field: "Setting" }),
    ]);
  });

  test("no settings table: nothing given, nothing wrong", () => {
    expect(readSettingsTable(null)).toEqual({ values: {}, issues: [] });
  });
});

describe("SPEC 1.2 layers: sheet, scenario, flags", () => {
  test("SPEC 1.2 later layers win: flags over a scenario over the sheet", () => {
    const settings = resolved([{ bandwidth: 3, budget: 1000 }, { bandwidth: 4 }, { bandwidth: 6 }]);
    expect(settings.bandwidth).toBe(6);
    expect(settings.budget).toBe(1000);
  });

  test("SPEC 8 null (a scenario's blank Value) sets a setting back to its default", () => {
    const settings = resolved([
      { bandwidth: 3, budget: 1000 },
      { bandwidth: null, budget: null },
    ]);
    expect(settings.bandwidth).toBe(5);
    expect(settings.budget).toBe(TABLE_DEFAULTS.budget);
  });

  test("SPEC 1.2 a layer after the null wins again", () => {
    expect(resolved([{ bandwidth: 3 }, { bandwidth: null }, { bandwidth: 8 }]).bandwidth).toBe(8);
  });

  test("SPEC 1.2 Ceiling factor must be at least Floor factor, checked on the resolved settings", () => {
    const outcome = resolveSettings([{ floorFactor: 1.5 }], TABLE_DEFAULTS);
    expect(outcome.ok).toBe(true);
    const below = resolveSettings([{ floorFactor: 1.5 }, { ceilingFactor: 1 }], TABLE_DEFAULTS);
    expect(below).toEqual({
      ok: false,
      message:
        "Ceiling factor 1 is below Floor factor 1.5: the Ceiling factor must be at least the Floor factor, so nothing is planned.",
      issues: [
        {
          severity: "error",
          cell: null,
          field: "Ceiling factor",
          message:
            "Ceiling factor 1 is below Floor factor 1.5: the Ceiling factor must be at least the Floor factor",
        },
      ],
    });
  });

  test("SPEC 1.2 Ceiling factor equal to Floor factor is allowed", () => {
    expect(resolved([{ floorFactor: 1, ceilingFactor: 1 }]).ceilingFactor).toBe(1);
  });

  test("SPEC 1.2 a Floor factor above the default Ceiling factor is an error", () => {
    expect(resolveSettings([{ floorFactor: 3 }], TABLE_DEFAULTS).ok).toBe(false);
  });
});

describe("SPEC 7 settings in the JSON", () => {
  test("SPEC 7 settings: keys are exactly the SPEC names; numbers as numbers, Yes/No as booleans, names as names", () => {
    const json = settingsToJson(resolved([{ objective: "Awareness", requireTrackRecord: true }]));
    expect(Object.keys(json)).toEqual(SPEC_SETTINGS.map(([, name]) => name));
    expect(json).toEqual({
      Objective: "Awareness",
      Bandwidth: 5,
      Budget: 120_000,
      "Pipeline goal": 900_000,
      "Message complexity": "Moderate",
      "Minimum reach": 0.2,
      "Minimum resonance": 3,
      "Minimum skill": 3,
      "Count skill tomorrow": true,
      "Minimum impact share": 0.5,
      "Minimum relative return": 0.5,
      "Require track record": true,
      "Hourly rate": 100,
      "Returns elasticity": 0.7,
      "Floor factor": 0.5,
      "Ceiling factor": 2,
      "Sales reps": null,
      "Leads per rep": null,
      "Lead expiry": 24,
      "As of": null,
    });
  });

  test("SPEC 10.1 settings: Sales reps and Leads per rep are numbers when given", () => {
    const json = settingsToJson(resolved([{ salesReps: 2.5, leadsPerRep: 300 }]));
    expect(json["Sales reps"]).toBe(2.5);
    expect(json["Leads per rep"]).toBe(300);
  });
});

describe("SPEC 10.1 capacity settings", () => {
  test("SPEC 10.1 Sales reps and Leads per rep default to none", () => {
    const settings = resolved([]);
    expect(settings.salesReps).toBeNull();
    expect(settings.leadsPerRep).toBeNull();
  });

  test.each([
    ["salesReps", "4", 4],
    ["salesReps", 2.5, 2.5],
    ["salesReps", "0.5", 0.5],
    ["leadsPerRep", "300", 300],
    ["leadsPerRep", "1.2k", 1_200],
  ] as [SettingKey, CellValue, number][])(
    "SPEC 10.1 %s %j is %p (Sales reps may be fractional)",
    (key, value, expected) => {
      expect(parsed(key, value)).toEqual({ value: expected });
    },
  );

  test.each([
    ["salesReps", 0, "0 is out of range: type a number of reps above 0, such as 4 or 2.5"],
    ["salesReps", -1, "-1 is out of range: type a number of reps above 0, such as 4 or 2.5"],
    ["salesReps", "many", '"many" is not a number: type a number of reps above 0, such as 4 or 2.5'],
    ["leadsPerRep", 0, "0 is out of range: type a number of leads above 0, such as 300"],
  ] as [SettingKey, CellValue, string][])(
    "SPEC 10.1 %s %j is an error: numbers > 0",
    (key, value, message) => {
      expect(errorOf(key, value)).toBe(message);
    },
  );

  test("SPEC 10.1 the settings sheet reads them by name", () => {
    const { values, issues } = readSettingsTable(
      settingsBlock([
        ["Sales reps", 3],
        ["leads per rep", "250"],
      ]),
    );
    expect(issues).toEqual([]);
    expect(values).toEqual({ salesReps: 3, leadsPerRep: 250 });
  });
});
