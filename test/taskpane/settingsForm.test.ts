import type { CellValue } from "../../src/core/cells";
import type { SettingKey } from "../../src/core/model";
import {
  findSettingsTable,
  readSettingTexts,
  settingOverrides,
  settingProblem,
  settingRows,
  settingsForRun,
} from "../../src/taskpane/settingsForm";

const sheet = (cells: CellValue[][], top = 1, left = 1) => ({ sheet: "Planner Settings", top, left, cells });

describe("the pane's settings", () => {
  test("SPEC 1.2 the Setting/Value table is found below notes on the Planner Settings sheet", () => {
    const used = sheet(
      [
        ["Plan settings for Q3", null, null],
        [null, "Setting", "Value"],
        [null, "bandwidth", 4],
        [null, "Pipeline Goal", "2.5m"],
      ],
      2,
      1,
    );
    const table = findSettingsTable(used);
    expect(table).toEqual({
      sheet: "Planner Settings",
      top: 3,
      left: 2,
      cells: [
        ["Setting", "Value"],
        ["bandwidth", 4],
        ["Pipeline Goal", "2.5m"],
      ],
    });
    expect(readSettingTexts(table)).toEqual({ bandwidth: "4", pipelineGoal: "2.5m" });
  });

  test("SPEC 1.2 the pane reads a Value column left of the Setting column, as the engine does", () => {
    const table = findSettingsTable(
      sheet([
        ["Notes", "Value", "Setting"],
        [null, 4, "Bandwidth"],
        [null, "yes", "Require track record"],
      ]),
    );
    expect(table?.left).toBe(2);
    expect(readSettingTexts(table)).toEqual({ bandwidth: "4", requireTrackRecord: "yes" });
    const run = settingsForRun(table, { bandwidth: "" }, new Set<SettingKey>(["bandwidth"]));
    expect(run?.cells[1]).toEqual([null, "Bandwidth"]);
  });

  test("SPEC 1.2 a setting row with no Value cell gives that setting no value", () => {
    const table = sheet([["Setting", "Value"], ["Bandwidth"], ["Budget", "250k"]]);
    expect(readSettingTexts(table)).toEqual({ bandwidth: "", budget: "250k" });
  });

  test("a sheet without the Setting and Value headers gives no settings", () => {
    expect(findSettingsTable(sheet([["Bandwidth", 4]]))).toBeNull();
    expect(findSettingsTable(null)).toBeNull();
    expect(readSettingTexts(null)).toEqual({});
  });

  test("SPEC 1.2 Yes/No settings read from booleans show as Yes and No", () => {
    const table = sheet([
      ["Setting", "Value"],
      ["Require track record", true],
      ["Count skill tomorrow", false],
    ]);
    expect(readSettingTexts(table)).toEqual({ requireTrackRecord: "Yes", countSkillTomorrow: "No" });
  });

  test("only the settings changed in the pane and not blank are overrides", () => {
    const changed = new Set<SettingKey>(["bandwidth", "budget"]);
    expect(settingOverrides({ bandwidth: " 3 ", budget: "", objective: "Awareness" }, changed)).toEqual({
      bandwidth: "3",
    });
  });

  test("a setting cleared in the pane is blank in the settings the plan reads, in its own cell", () => {
    const table = sheet([
      ["Setting", "Value"],
      ["Budget", 50000],
      ["Bandwidth", 3],
    ]);
    const run = settingsForRun(table, { budget: "", bandwidth: "3" }, new Set<SettingKey>(["budget"]));
    expect(run?.cells).toEqual([
      ["Setting", "Value"],
      ["Budget", null],
      ["Bandwidth", 3],
    ]);
    expect(settingsForRun(table, { budget: "1" }, new Set<SettingKey>(["budget"]))).toBe(table);
  });

  test("SPEC 1.2 Bandwidth must be a whole number and the pane says so", () => {
    expect(settingProblem("bandwidth", "2.5")?.severity).toBe("error");
    expect(settingProblem("bandwidth", "3.0")).toBeNull();
    expect(settingProblem("bandwidth", "")).toBeNull();
  });

  test("Save settings writes parsed values, and blanks where the pane cleared a sheet value", () => {
    const rows = settingRows(
      { objective: "close", budget: "$250k", minimumReach: "15%", requireTrackRecord: "yes", bandwidth: "" },
      { bandwidth: "4" },
    );
    expect(rows).toEqual([
      ["Objective", "Conversion"],
      ["Bandwidth", null],
      ["Budget", 250000],
      ["Minimum reach", 0.15],
      ["Require track record", "Yes"],
    ]);
  });

  test("Save settings writes nothing while a value does not parse", () => {
    expect(settingRows({ budget: "plenty" }, {})).toBeNull();
  });
});
