/** What `plan` and `compare` read before planning: the flags, the workbook's tables and sheets, and the scenarios. */
import { existsSync } from "fs";
import { resolve } from "path";
import type { CellBlock, CellValue } from "../core/cells";
import type { Issue } from "../core/issues";
import { noScenarioNamed } from "../core/messages";
import type { SettingKey } from "../core/model";
import { readPlanInputs, type PlanInputs } from "../core/plan";
import {
  ATTENTION_SHEET,
  LEAD_LOG_SHEET,
  SCENARIO_SHEET,
  SCENARIO_TABLE,
  SETTINGS_SHEET,
  SETTINGS_TABLE,
} from "../core/publicNames";
import {
  applyScenario,
  readScenarioTable,
  rowsOfScenario,
  scenarioNames,
  type ScenarioRow,
} from "../core/scenarios";
import type { XlsxWorkbook } from "../workbook/xlsx";
import {
  parse,
  PLAN_OPTIONS,
  SETTING_FLAGS,
  unexpectedArgument,
  usage,
  USAGE,
  type PlanFlags,
} from "./arguments";
import { defaultOut, openWorkbook, readInput } from "./files";
import { progress, stopWith, type CliIo } from "./io";
import { Stop } from "./stop";
import { findVehicleTable, mapAliases, mappedColumns, parseHeaderRow, parseMapFlags } from "./vehicleSource";

/** An input table by its name, any case, else the sheet it stands on. */
async function inputBlock(
  workbook: XlsxWorkbook,
  tableName: string,
  sheetName: string,
): Promise<CellBlock | null> {
  const table = workbook.tableNames().find((name) => name.toLowerCase() === tableName.toLowerCase());
  return table ? workbook.readSource({ kind: "table", name: table }) : workbook.readSheet(sheetName);
}

async function attentionBlock(workbook: XlsxWorkbook, flags: PlanFlags): Promise<CellBlock | null> {
  if (flags.attention === undefined) return workbook.readSheet(ATTENTION_SHEET);
  const block = await workbook.readSheet(flags.attention);
  if (block === null) throw new Stop(`The workbook has no attention sheet named "${flags.attention}".`, 1);
  return block;
}

/** SPEC 10.2: the sheet `--leads` names, else a sheet named `Lead Log` when there is one. */
async function leadsBlock(workbook: XlsxWorkbook, flags: PlanFlags): Promise<CellBlock | null> {
  if (flags.leads === undefined) return workbook.readSheet(LEAD_LOG_SHEET);
  const block = await workbook.readSheet(flags.leads);
  if (block === null)
    throw new Stop(
      `The workbook has no lead log sheet named "${flags.leads}" (it has ${workbook.sheetNames().join(", ")}).`,
      1,
    );
  return block;
}

export interface Prepared {
  flags: PlanFlags;
  out: string;
  workbook: XlsxWorkbook;
  inputs: PlanInputs;
  scenarios: ScenarioRow[];
  step: (step: string | null) => void;
}

/** Everything `plan` and `compare` share: the arguments, the workbook and its parsed inputs. */
export async function prepare(args: string[], io: CliIo): Promise<Prepared | null> {
  const { values, positionals } = parse(args, PLAN_OPTIONS);
  const flags = values as PlanFlags;
  if (flags.help) {
    io.stdout(USAGE);
    return null;
  }
  if (positionals.length !== 1)
    throw positionals.length === 0 ? usage("a WORKBOOK.xlsx is needed") : unexpectedArgument(positionals[1]);
  if (flags.sheet !== undefined && flags.table !== undefined)
    throw usage("give --sheet or --table, not both");
  const maps = parseMapFlags(flags.map ?? []);
  const headerRow = parseHeaderRow(flags["header-row"]);
  const input = positionals[0];
  const out = flags.out ?? defaultOut(input);
  if (resolve(out) === resolve(input))
    throw new Stop(`The plan would overwrite the input ${input}: choose another --out.`, 2);
  if (existsSync(out) && !flags.force) {
    throw new Stop(`${out} already exists: add --force to replace it, or choose another file with --out.`, 2);
  }

  const step = progress(io);
  step("Reading the workbook");
  const workbook = await openWorkbook(readInput(input));
  const overrides: Partial<Record<SettingKey, CellValue>> = {};
  for (const [flag, key] of SETTING_FLAGS) {
    const value = flags[flag];
    if (typeof value === "string") overrides[key] = value;
  }
  const found = await findVehicleTable(workbook, { ...flags, headerRow }, mapAliases(maps));
  const request = {
    vehicles: found.block,
    headerRow: found.headerRow,
    mapping: mappedColumns(found.table, maps),
    settings: await inputBlock(workbook, SETTINGS_TABLE, SETTINGS_SHEET),
    attention: await attentionBlock(workbook, flags),
    leads: await leadsBlock(workbook, flags),
    leadsNamed: flags.leads !== undefined,
    date1904: await workbook.usesDate1904(),
    overrides,
  };
  step("Planning");
  const inputs = readPlanInputs(request);
  if (!inputs.ok) {
    step(null);
    stopWith(io, inputs.message, inputs.issues);
  }
  const scenarios = readScenarioTable(await inputBlock(workbook, SCENARIO_TABLE, SCENARIO_SHEET));
  if (!scenarios.ok) throw new Stop(scenarios.message, 1);
  return { flags, out, workbook, inputs: inputs.value, scenarios: scenarios.value, step };
}

/** The inputs with `--scenario`'s changes made, and the problems of its rows. */
export function withScenario(prepared: Prepared): { inputs: PlanInputs; issues: Issue[] } {
  const names = prepared.flags.scenario ?? [];
  if (names.length === 0) return { inputs: prepared.inputs, issues: [] };
  if (names.length > 1) throw usage("plan takes one --scenario; compare takes several");
  const rows = rowsOfScenario(prepared.scenarios, names[0]);
  if (rows.length === 0) {
    const known = scenarioNames(prepared.scenarios);
    throw new Stop(noScenarioNamed(names[0], known), 1);
  }
  return applyScenario(prepared.inputs, rows);
}
