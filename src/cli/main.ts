/**
 * The `vehicle-planner` command (SPEC 7): plans an .xlsx workbook and writes
 * a copy with the planner's sheets, or writes the bundled sample workbook.
 * Exit codes: 0 planned, 1 nothing to plan, 2 bad usage.
 */
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync, mkdirSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import { parseArgs } from "util";
import type { CellBlock, CellValue } from "../core/cells";
import type { Issue } from "../core/issues";
import type { Plan, SettingKey } from "../core/model";
import { buildOutputSheets } from "../core/outputSheets";
import type { OutputSheet } from "../core/outputTable";
import { describeIssue, makePlan, readPlanInputs, type PlanInputs } from "../core/plan";
import { buildScenarioSheet, scenariosToJson } from "../core/scenarioSheet";
import {
  applyScenario,
  compareScenarios,
  readScenarioTable,
  rowsOf,
  scenarioNames,
  type ScenarioRow,
} from "../core/scenarios";
import type { WrittenSheet } from "../workbook/plannerWorkbook";
import { planToJson } from "../core/planJson";
import { WorkbookFileError, XlsxWorkbook } from "../workbook/xlsx";
import { inflateWithZlib } from "./nodeInflate";
import {
  budgetCurveTable,
  leadHealthTables,
  mixTable,
  scenarioTable,
  shortlistTable,
  summaryLines,
} from "./humanTables";
import { Stop } from "./stop";
import { findVehicleTable, mapAliases, mappedColumns, parseHeaderRow, parseMapFlags } from "./vehicleSource";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A progress line is shown only on a terminal. */
  stderrIsTTY: boolean;
}

const USAGE = `Usage:
  vehicle-planner plan WORKBOOK.xlsx [--out FILE] [--sheet NAME | --table NAME]
      [--header-row N] [--map FIELD=HEADER]... [--attention SHEET]
      [--objective STAGE] [--bandwidth N] [--budget MONEY] [--goal MONEY]
      [--message COMPLEXITY] [--json] [--force]
      [--scenario NAME] [--reps N] [--leads-per-rep N] [--leads SHEET]
      [--as-of DATE] [--lead-expiry HOURS]
  vehicle-planner compare WORKBOOK.xlsx [--scenario NAME]... [plan's options]
  vehicle-planner sample [FILE] [--force]
  vehicle-planner --version

plan     plans the workbook and writes it with the Shortlist, Vehicle Filter,
         Media Mix and Budget Curve sheets to --out (default: WORKBOOK-plan.xlsx
         beside it), and Lead Health from the lead log (--leads SHEET, else a
         sheet "Lead Log"). --reps and --leads-per-rep give sales' lead capacity.
compare  plans the base and each scenario of Planner Scenarios (or those named)
         and adds a Scenarios sheet comparing them.
sample   writes the bundled sample workbook (default: vehicle-planner-sample.xlsx).

--header-row N         the sheet row that holds the vehicle table's headers, when
                       a title sits above them and more than one row could be it.
--map FIELD=HEADER     matches a column no synonym covers to a field, by the
                       field's header and the sheet's: --map "Leads=MQL count".
`;

const usage = (message: string) => new Stop(`${message}\n\n${USAGE}`, 2);

const PLAN_OPTIONS = {
  out: { type: "string" },
  sheet: { type: "string" },
  table: { type: "string" },
  "header-row": { type: "string" },
  map: { type: "string", multiple: true },
  attention: { type: "string" },
  objective: { type: "string" },
  bandwidth: { type: "string" },
  budget: { type: "string" },
  goal: { type: "string" },
  message: { type: "string" },
  reps: { type: "string" },
  "leads-per-rep": { type: "string" },
  leads: { type: "string" },
  "as-of": { type: "string" },
  "lead-expiry": { type: "string" },
  scenario: { type: "string", multiple: true },
  json: { type: "boolean" },
  force: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Flags that set a plan setting for this run, and the setting each one sets. */
const SETTING_FLAGS: [keyof typeof PLAN_OPTIONS, SettingKey][] = [
  ["objective", "objective"],
  ["bandwidth", "bandwidth"],
  ["budget", "budget"],
  ["goal", "pipelineGoal"],
  ["message", "messageComplexity"],
  ["reps", "salesReps"],
  ["leads-per-rep", "leadsPerRep"],
  ["lead-expiry", "leadExpiry"],
  ["as-of", "asOf"],
];

type PlanFlags = {
  [
    K in Exclude<keyof typeof PLAN_OPTIONS, "scenario" | "map">
  ]?: (typeof PLAN_OPTIONS)[K]["type"] extends "string" ? string : boolean;
} & { scenario?: string[]; map?: string[] };

/** What each flag's value is, as the usage writes it. */
const FLAG_VALUES: Record<string, string> = {
  out: "FILE",
  sheet: "NAME",
  table: "NAME",
  "header-row": "N",
  map: '"Leads=MQL count"',
  attention: "SHEET",
  objective: "STAGE",
  bandwidth: "N",
  budget: "MONEY",
  goal: "MONEY",
  message: "COMPLEXITY",
  scenario: "NAME",
};

type FlagOptions = Record<string, { type: "string" | "boolean"; short?: string }>;

/** Edits (insert, delete, replace) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length];
}

/** The known flag a mistyped one most likely meant: a prefix of it, or at most two edits away. */
function likelyFlag(name: string, known: readonly string[]): string | null {
  const lower = name.toLowerCase();
  const prefixed = known.find((flag) => lower.length > 0 && flag.startsWith(lower));
  if (prefixed) return prefixed;
  let best: string | null = null;
  let bestDistance = 3;
  for (const flag of known) {
    const distance = editDistance(lower, flag);
    if (distance < bestDistance) [best, bestDistance] = [flag, distance];
  }
  return best;
}

/**
 * Our own words for a flag we do not know or one missing its value, before
 * Node's parser would say it in its own: "unknown flag --budgt: did you mean --budget?".
 */
function checkFlags(args: readonly string[], options: FlagOptions): void {
  const known = Object.keys(options);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") return;
    if (!arg.startsWith("-") || arg === "-") continue;
    const long = arg.startsWith("--");
    const name = long ? arg.slice(2).split("=")[0] : arg.slice(1);
    const key = long ? name : known.find((flag) => options[flag].short === name);
    const option = key === undefined ? undefined : options[key];
    if (key === undefined || option === undefined) {
      const guess = likelyFlag(name.replace(/^-+/, ""), known);
      throw usage(`unknown flag ${arg.split("=")[0]}${guess ? `: did you mean --${guess}?` : ""}`);
    }
    if (option.type !== "string" || arg.includes("=")) continue;
    const value = args[i + 1];
    if (value === undefined || (value.startsWith("--") && value.length > 2))
      throw usage(`--${key} needs a value, as in --${key} ${FLAG_VALUES[key] ?? "VALUE"}`);
    i += 1;
  }
}

function parse(
  args: string[],
  options: typeof PLAN_OPTIONS | { force: { type: "boolean" }; help: { type: "boolean"; short: "h" } },
) {
  checkFlags(args, options);
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch {
    throw usage(
      `the flags ${args.join(" ")} could not be read: write a value that starts with "-" as --flag=VALUE`,
    );
  }
}

function progress(io: CliIo): (step: string | null) => void {
  if (!io.stderrIsTTY) return () => undefined;
  return (step) => io.stderr(step === null ? "\r\x1b[K" : `\r\x1b[K${step}…`);
}

function readInput(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file" : (error as Error).message;
    throw new Stop(`Cannot read ${path}: ${reason}.`, 1);
  }
}

async function settingsBlock(workbook: XlsxWorkbook): Promise<CellBlock | null> {
  const table = workbook.tableNames().find((name) => name.toLowerCase() === "tblplannersettings");
  return table ? workbook.readSource({ kind: "table", name: table }) : workbook.readSheet("Planner Settings");
}

async function attentionBlock(workbook: XlsxWorkbook, flags: PlanFlags): Promise<CellBlock | null> {
  if (flags.attention === undefined) return workbook.readSheet("Audience Attention");
  const block = await workbook.readSheet(flags.attention);
  if (block === null) throw new Stop(`The workbook has no attention sheet named "${flags.attention}".`, 1);
  return block;
}

/** SPEC 10.2: the sheet `--leads` names, else a sheet named `Lead Log` when there is one. */
async function leadsBlock(workbook: XlsxWorkbook, flags: PlanFlags): Promise<CellBlock | null> {
  if (flags.leads === undefined) return workbook.readSheet("Lead Log");
  const block = await workbook.readSheet(flags.leads);
  if (block === null)
    throw new Stop(
      `The workbook has no lead log sheet named "${flags.leads}" (it has ${workbook.sheetNames().join(", ")}).`,
      1,
    );
  return block;
}

function printIssues(io: CliIo, issues: readonly Issue[]): void {
  for (const issue of issues) io.stderr(`${issue.severity}: ${describeIssue(issue)}\n`);
}

/** Prints the problems the stop message does not already say, then stops: each one is printed once. */
function stopWith(io: CliIo, message: string, issues: readonly Issue[]): never {
  printIssues(
    io,
    issues.filter((issue) => !message.includes(describeIssue(issue))),
  );
  throw new Stop(message, 1);
}

function defaultOut(input: string): string {
  const extension = extname(input);
  return join(dirname(input), `${basename(input, extension)}-plan${extension || ".xlsx"}`);
}

/** Writes beside the target first, so a failed run leaves no half-written file. */
function writeAtomically(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    if (existsSync(temporary)) unlinkSync(temporary);
    throw new Stop(`Cannot write ${path}: ${(error as Error).message}.`, 1);
  }
}

interface Prepared {
  flags: PlanFlags;
  out: string;
  workbook: XlsxWorkbook;
  inputs: PlanInputs;
  scenarios: ScenarioRow[];
  step: (step: string | null) => void;
}

/** Everything `plan` and `compare` share: the arguments, the workbook and its parsed inputs. */
async function prepare(args: string[], io: CliIo): Promise<Prepared | null> {
  const { values, positionals } = parse(args, PLAN_OPTIONS);
  const flags = values as PlanFlags;
  if (flags.help) {
    io.stdout(USAGE);
    return null;
  }
  if (positionals.length !== 1)
    throw usage(
      positionals.length === 0 ? "a WORKBOOK.xlsx is needed" : `unexpected argument "${positionals[1]}"`,
    );
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
    settings: await settingsBlock(workbook),
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
  const scenarios = readScenarioTable(await scenariosBlock(workbook));
  if (!scenarios.ok) throw new Stop(scenarios.message, 1);
  return { flags, out, workbook, inputs: inputs.value, scenarios: scenarios.value, step };
}

async function scenariosBlock(workbook: XlsxWorkbook): Promise<CellBlock | null> {
  const table = workbook.tableNames().find((name) => name.toLowerCase() === "tblplannerscenarios");
  return table
    ? workbook.readSource({ kind: "table", name: table })
    : workbook.readSheet("Planner Scenarios");
}

/** The inputs with `--scenario`'s changes made, and the problems of its rows. */
function withScenario(prepared: Prepared): { inputs: PlanInputs; issues: Issue[] } {
  const names = prepared.flags.scenario ?? [];
  if (names.length === 0) return { inputs: prepared.inputs, issues: [] };
  if (names.length > 1) throw usage("plan takes one --scenario; compare takes several");
  const rows = rowsOf(prepared.scenarios, names[0]);
  if (rows.length === 0) {
    const known = scenarioNames(prepared.scenarios);
    throw new Stop(
      `There is no scenario named "${names[0]}" in Planner Scenarios${known.length ? ` (it has ${known.join(", ")})` : ""}.`,
      1,
    );
  }
  return applyScenario(prepared.inputs, rows);
}

async function writePlanFile(prepared: Prepared, sheets: OutputSheet[]): Promise<WrittenSheet[]> {
  prepared.step("Writing the plan");
  const written = await prepared.workbook.writeOutputs(sheets);
  writeAtomically(prepared.out, await prepared.workbook.toBytes());
  prepared.step(null);
  return written;
}

function notesOf(written: readonly WrittenSheet[]): string[] {
  return written.map((sheet) => sheet.note).filter((note): note is string => note !== null);
}

async function planCommand(args: string[], io: CliIo): Promise<number> {
  const prepared = await prepare(args, io);
  if (prepared === null) return 0;
  const scenario = withScenario(prepared);
  printIssues(io, scenario.issues);
  const planned = makePlan(scenario.inputs);
  if (!planned.ok) {
    prepared.step(null);
    stopWith(io, planned.message, planned.issues);
  }
  // The JSON holds every issue stderr shows: the scenario's rows first, as printed.
  const plan = { ...planned.value, issues: [...scenario.issues, ...planned.value.issues] };
  const written = await writePlanFile(prepared, buildOutputSheets(plan));
  printIssues(io, planned.value.issues);
  const notes = notesOf(written);
  if (prepared.flags.json) {
    for (const note of notes) io.stderr(`note: ${note}\n`);
    io.stdout(`${JSON.stringify(planToJson(plan), null, 2)}\n`);
  } else {
    io.stdout(
      humanReport(
        plan,
        prepared.out,
        written.map((sheet) => sheet.sheetName),
        notes,
      ),
    );
  }
  return 0;
}

async function compareCommand(args: string[], io: CliIo): Promise<number> {
  const prepared = await prepare(args, io);
  if (prepared === null) return 0;
  const compared = compareScenarios(prepared.inputs, prepared.scenarios, prepared.flags.scenario ?? []);
  if (!compared.ok) {
    prepared.step(null);
    stopWith(io, compared.message, compared.issues);
  }
  const { comparisons, issues } = compared.value;
  const sheets = [...buildOutputSheets(comparisons[0].plan), buildScenarioSheet(comparisons)];
  const written = await writePlanFile(prepared, sheets);
  printIssues(io, issues);
  const notes = notesOf(written);
  if (prepared.flags.json) {
    for (const note of notes) io.stderr(`note: ${note}\n`);
    io.stdout(`${JSON.stringify(scenariosToJson(comparisons, issues), null, 2)}\n`);
  } else {
    io.stdout(
      [
        scenarioTable(comparisons),
        "",
        `Wrote ${prepared.out} with the sheets ${written.map((sheet) => sheet.sheetName).join(", ")}.`,
        ...notes,
        "",
      ].join("\n"),
    );
  }
  return 0;
}

function humanReport(plan: Plan, out: string, sheets: string[], notes: string[]): string {
  return [
    "Shortlist",
    shortlistTable(plan),
    "",
    "Media mix",
    mixTable(plan),
    "",
    "Budget curve",
    budgetCurveTable(plan),
    "",
    ...leadHealthTables(plan),
    ...summaryLines(plan),
    `Wrote ${out} with the sheets ${sheets.join(", ")}.`,
    ...notes,
    "",
  ].join("\n");
}

async function openWorkbook(bytes: Uint8Array): Promise<XlsxWorkbook> {
  try {
    return await XlsxWorkbook.open(bytes, { inflate: inflateWithZlib });
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new Stop(error.message, 1);
    throw error;
  }
}

/** The package's own folder, found from this file whether it runs compiled (dist/cli/cli) or from source. */
function packageRoot(): string {
  let folder = __dirname;
  while (!existsSync(join(folder, "package.json")) || !existsSync(join(folder, "assets"))) {
    const parent = dirname(folder);
    if (parent === folder)
      throw new Stop("The bundled sample workbook is missing from this installation.", 1);
    folder = parent;
  }
  return folder;
}

async function sampleCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    force: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals.length > 1) throw usage(`unexpected argument "${positionals[1]}"`);
  const target = positionals[0] ?? "vehicle-planner-sample.xlsx";
  if (existsSync(target) && !values.force)
    throw new Stop(`${target} already exists: add --force to replace it.`, 2);
  writeAtomically(target, readFileSync(join(packageRoot(), "assets", "vehicle-planner-sample.xlsx")));
  io.stdout(`Wrote the sample workbook to ${target}. Plan it with: vehicle-planner plan ${target}\n`);
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  plan: planCommand,
  compare: compareCommand,
  sample: sampleCommand,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      (command === undefined ? io.stderr : io.stdout)(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === "--version" || command === "-v" || command === "version") {
      const { version } = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as {
        version: string;
      };
      io.stdout(`vehicle-planner ${version}\n`);
      return 0;
    }
    const run = COMMANDS[command];
    if (!run) throw usage(`unknown command "${command}"`);
    return await run(args, io);
  } catch (error) {
    if (error instanceof Stop) {
      io.stderr(`vehicle-planner: ${error.message}\n`);
      return error.code;
    }
    io.stderr(`vehicle-planner: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    return 1;
  }
}

export function runFromProcess(): void {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`vehicle-planner: internal error: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
