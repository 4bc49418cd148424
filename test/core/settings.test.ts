import type { CellValue } from "../../src/core/cells";
import type { SettingKey } from "../../src/core/model";
import {
  DEFAULT_SETTINGS,
  parseSettingValue,
  readSettingsTable,
  resolveSettings,
  SETTING_NAMES,
  settingKeyForName,
  settingsToJson,
} from "../../src/core/settings";

function table(rows: CellValue[][]) {
  return readSettingsTable({
    sheet: "Planner Settings",
    top: 1,
    left: 1,
    cells: [["Setting", "Value"], ...rows],
  });
}

test.each([
  ["objective", "Conversion"],
  ["bandwidth", 5],
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
] as [SettingKey, unknown][])("SPEC 1.2 default: %s is %p", (key, expected) => {
  const resolved = resolveSettings([], { budget: 0, pipelineGoal: 0 });
  expect(resolved.ok && resolved.value[key]).toBe(expected);
  expect((DEFAULT_SETTINGS as Record<string, unknown>)[key]).toBe(expected);
});

test("SPEC 1.2 Budget and Pipeline goal default to the values computed from the table", () => {
  const resolved = resolveSettings([], { budget: 123, pipelineGoal: 456 });
  expect(resolved.ok && [resolved.value.budget, resolved.value.pipelineGoal]).toEqual([123, 456]);
});

test("SPEC 1.2 setting names are matched like headers", () => {
  expect(settingKeyForName("PIPELINE GOAL")).toBe("pipelineGoal");
  expect(settingKeyForName("Count skill-tomorrow")).toBe("countSkillTomorrow");
  expect(settingKeyForName("Speed")).toBeNull();
});

test.each<[SettingKey, CellValue, unknown]>([
  ["objective", "sales", "Conversion"],
  ["messageComplexity", "complex", "Complex"],
  ["bandwidth", "3.0", 3],
  ["budget", "250k", 250000],
  ["pipelineGoal", "$2.5M", 2500000],
  ["hourlyRate", "$80", 80],
  ["minimumReach", "25%", 0.25],
  ["minimumResonance", "4", 4],
  ["countSkillTomorrow", "no", false],
  ["requireTrackRecord", "Yes", true],
  ["returnsElasticity", 0.6, 0.6],
  ["floorFactor", 0, 0],
  ["ceilingFactor", "1.5", 1.5],
  ["minimumRelativeReturn", 0, 0],
])("SPEC 1.2 %s reads %p as %p", (key, cell, expected) => {
  expect(parseSettingValue(key, cell, "'Planner Settings'!B2").value).toBe(expected);
});

test.each<[SettingKey, CellValue]>([
  ["bandwidth", 2.5],
  ["bandwidth", 0],
  ["returnsElasticity", 1],
  ["returnsElasticity", 0],
  ["floorFactor", -0.1],
  ["ceilingFactor", 0],
  ["hourlyRate", -1],
  ["minimumRelativeReturn", -1],
  ["minimumResonance", 6],
  ["objective", "Growth"],
  ["budget", "lots"],
])("SPEC 1.2 %s %p is an error naming the setting and its Value cell", (key, cell) => {
  const parsed = parseSettingValue(key, cell, "'Planner Settings'!B3");
  expect(parsed.issue).toEqual(
    expect.objectContaining({ severity: "error", cell: "'Planner Settings'!B3", field: SETTING_NAMES[key] }),
  );
  expect(parsed.value).toBeUndefined();
});

test("SPEC 1.2 a rate typed as a percentage is read with a warning at the setting's Value cell", () => {
  const read = table([["Minimum reach", 25]]);
  expect(read.values.minimumReach).toBe(0.25);
  expect(read.issues).toEqual([
    expect.objectContaining({ severity: "warning", cell: "'Planner Settings'!B2", field: "Minimum reach" }),
  ]);
});

test("SPEC 1.2 the settings table: blank values take the default; unknown names are warnings", () => {
  const read = table([
    ["Bandwidth", 4],
    ["Budget", null],
    ["Speed", 9],
  ]);
  expect(read.values).toEqual({ bandwidth: 4 });
  expect(read.issues).toEqual([
    expect.objectContaining({ severity: "warning", cell: "'Planner Settings'!A4" }),
  ]);
});

test("SPEC 1.2 later layers win, null goes back to the default, and Ceiling factor must be at least Floor factor", () => {
  const resolved = resolveSettings(
    [{ bandwidth: 3, hourlyRate: 50 }, { bandwidth: 4 }, { hourlyRate: null }],
    { budget: 0, pipelineGoal: 0 },
  );
  expect(resolved.ok && [resolved.value.bandwidth, resolved.value.hourlyRate]).toEqual([4, 100]);
  const bad = resolveSettings([{ floorFactor: 3, ceilingFactor: 2 }], { budget: 0, pipelineGoal: 0 });
  expect(!bad.ok && bad.message).toContain("Ceiling factor 2 is below Floor factor 3");
});

test("SPEC 7 settings JSON: each setting by its name, numbers as numbers, Yes/No as booleans", () => {
  const resolved = resolveSettings([], { budget: 1000, pipelineGoal: 2000 });
  if (!resolved.ok) throw new Error(resolved.message);
  expect(settingsToJson(resolved.value)).toEqual({
    Objective: "Conversion",
    Bandwidth: 5,
    Budget: 1000,
    "Pipeline goal": 2000,
    "Message complexity": "Moderate",
    "Minimum reach": 0.2,
    "Minimum resonance": 3,
    "Minimum skill": 3,
    "Count skill tomorrow": true,
    "Minimum impact share": 0.5,
    "Minimum relative return": 0.5,
    "Require track record": false,
    "Hourly rate": 100,
    "Returns elasticity": 0.7,
    "Floor factor": 0.5,
    "Ceiling factor": 2,
  });
});
