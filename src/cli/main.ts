/**
 * The `vehicle-planner` command (SPEC 7): plans an .xlsx workbook and writes
 * a copy with the planner's sheets, or writes the bundled sample workbook.
 * Exit codes: 0 planned, 1 nothing to plan, 2 bad usage.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import type { Plan } from "../core/model";
import { buildOutputSheets } from "../core/outputSheets";
import type { OutputSheet } from "../core/outputTable";
import { makePlan } from "../core/plan";
import { buildScenarioSheet, scenariosToJson } from "../core/scenarioSheet";
import { compareScenarios } from "../core/scenarios";
import type { WrittenSheet } from "../workbook/plannerWorkbook";
import { planToJson } from "../core/planJson";
import {
  budgetCurveTable,
  leadHealthTables,
  mixTable,
  scenarioTable,
  shortlistTable,
  summaryLines,
} from "./humanTables";
import { parse, unexpectedArgument, usage, USAGE } from "./arguments";
import { packageRoot, writeAtomically } from "./files";
import { printIssues, stopWith, type CliIo } from "./io";
import { prepare, withScenario, type Prepared } from "./planInputs";
import { Stop } from "./stop";

export type { CliIo } from "./io";

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

async function sampleCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    force: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals.length > 1) throw unexpectedArgument(positionals[1]);
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
    io.stderr(internalError(error));
    return 1;
  }
}

/** A failure no check foresaw: said as it is, so it can be reported. */
function internalError(error: unknown): string {
  return `vehicle-planner: internal error: ${error instanceof Error ? error.message : String(error)}\n`;
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
      process.stderr.write(internalError(error));
      process.exitCode = 1;
    },
  );
}
