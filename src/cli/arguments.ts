/** The command line's words: usage, the flags of each command, and a flag misspelt named with its likely meaning. */
import { parseArgs } from "util";
import type { SettingKey } from "../core/model";
import { LEAD_LOG_SHEET, SCENARIO_SHEET } from "../core/publicNames";
import { Stop } from "./stop";

export const USAGE = `Usage:
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
         sheet "${LEAD_LOG_SHEET}"). --reps and --leads-per-rep give sales' lead capacity.
compare  plans the base and each scenario of ${SCENARIO_SHEET} (or those named)
         and adds a Scenarios sheet comparing them.
sample   writes the bundled sample workbook (default: vehicle-planner-sample.xlsx).

--header-row N         the sheet row that holds the vehicle table's headers, when
                       a title sits above them and more than one row could be it.
--map FIELD=HEADER     matches a column no synonym covers to a field, by the
                       field's header and the sheet's: --map "Leads=MQL count".
`;

export const usage = (message: string) => new Stop(`${message}\n\n${USAGE}`, 2);

/** A word after the command's last positional argument. */
export const unexpectedArgument = (argument: string) => usage(`unexpected argument "${argument}"`);

export const PLAN_OPTIONS = {
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
export const SETTING_FLAGS: [keyof typeof PLAN_OPTIONS, SettingKey][] = [
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

export type PlanFlags = {
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

export function parse(
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
