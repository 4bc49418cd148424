/**
 * The plan's inputs read from the sheets and the flags (SPEC 1.1 the vehicle
 * table, 1.2 the settings, 8 the attention table, 10.2 the lead log), with
 * the problems of each: what every face hands the engine.
 */
import { readAttentionTable } from "./attention";
import type { CellBlock, CellValue } from "./cells";
import { cellReference } from "./cellReference";
import { locateVehicleTable } from "./headerRow";
import type { Issue } from "./issues";
import { readLeadLog, type LeadLog } from "./leadLog";
import type { AttentionRow, MappingOverride, SettingKey, SettingValues, VehicleTable } from "./model";
import { failure, success, type Outcome } from "./outcome";
import { parseSettingValue, readSettingsTable } from "./settings";
import { readVehicleTable } from "./vehicleTable";

export interface PlanRequest {
  vehicles: CellBlock;
  /**
   * The sheet row of the vehicle table's header row, when the user said
   * which; without it the engine finds it (a title may sit above it).
   */
  headerRow?: number;
  /** Columns matched by hand, by their place in the header row. */
  mapping?: MappingOverride;
  /** The `Planner Settings` table, header row first. */
  settings?: CellBlock | null;
  attention?: CellBlock | null;
  /** CLI flags and values typed in the pane, raw; parsed like the settings sheet; they win over sheet and scenario. */
  overrides?: Partial<Record<SettingKey, CellValue>>;
  /** SPEC 10.2 the lead log, header row first. */
  leads?: CellBlock | null;
  /**
   * The user named the log (`--leads`, a range picked in the pane): without its
   * headers nothing is planned. A `Lead Log` sheet found by its name alone is
   * then a warning, and the plan goes on without lead health.
   */
  leadsNamed?: boolean;
  /** The workbook counts dates from 1904 (its date1904 flag): serials in the log and `As of` are read so. */
  date1904?: boolean;
}

export interface PlanInputs {
  table: VehicleTable;
  /** From `Planner Settings`. */
  sheetSettings: SettingValues;
  /** A scenario's setting changes ({} for the base plan). */
  scenarioSettings: SettingValues;
  /** Flags / pane, applied last. */
  overrideSettings: SettingValues;
  attention: AttentionRow[] | null;
  /** SPEC 10.2 the lead log's valid leads; absent or null without a log. */
  leadLog?: LeadLog | null;
  /** Warnings of the settings, attention and lead log tables. */
  issues: Issue[];
}

/** A problem as one line for the user: "Vehicles!C7 Investment: …". */
export function describeIssue(issue: Issue): string {
  const place = issue.cell === null ? issue.field : `${issue.cell} ${issue.field}`;
  return `${place}: ${issue.message}`;
}

const LISTED_PROBLEMS = 5;

export function listProblems(issues: readonly Issue[]): string {
  const listed = issues.slice(0, LISTED_PROBLEMS).map(describeIssue).join("; ");
  const more = issues.length - LISTED_PROBLEMS;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}

function nothingPlanned<T>(what: string, errors: Issue[]): Outcome<T> {
  return failure(`${what}, so nothing is planned: ${listProblems(errors)}`, errors);
}

export function readPlanInputs(request: PlanRequest): Outcome<PlanInputs> {
  const located = locateVehicleTable(request.vehicles, request.headerRow);
  if (!located.ok) return located;
  const table = readVehicleTable(located.value, request.mapping);
  if (!table.ok) return failure(table.message, table.issues);

  const date1904 = request.date1904 ?? false;
  const sheet = readSettingsTable(request.settings ?? null, date1904);
  const issues: Issue[] = [];
  const errors: Issue[] = [];
  for (const issue of sheet.issues) (issue.severity === "error" ? errors : issues).push(issue);

  const overrideSettings: SettingValues = {};
  for (const [key, raw] of Object.entries(request.overrides ?? {}) as [SettingKey, CellValue][]) {
    if (raw === undefined) continue;
    const parsed = parseSettingValue(key, raw, null, date1904);
    if (parsed.issue) (parsed.issue.severity === "error" ? errors : issues).push(parsed.issue);
    if (parsed.value !== undefined && parsed.issue?.severity !== "error") {
      (overrideSettings as Record<SettingKey, unknown>)[key] = parsed.value;
    }
  }
  if (errors.length > 0) {
    const names = [...new Set(errors.map((error) => error.field))].join(", ");
    return nothingPlanned(`The plan setting ${names} cannot be read`, errors);
  }

  let attention: AttentionRow[] | null = null;
  if (request.attention) {
    const read = readAttentionTable(request.attention);
    if (!read.ok) return failure(read.message, read.issues);
    attention = read.value.rows;
    issues.push(...read.value.issues);
  }

  let leadLog: LeadLog | null = null;
  if (request.leads) {
    const read = readLeadLog(request.leads, date1904);
    if (read.ok) {
      leadLog = read.value;
      issues.push(...read.value.issues);
    } else if (request.leadsNamed) return failure(read.message, read.issues);
    else {
      const cell = cellReference(request.leads.sheet, request.leads.top, request.leads.left);
      issues.push({
        severity: "warning",
        cell,
        field: "Lead log",
        message: `${read.message} Lead health is left out.`,
      });
    }
  }

  return success({
    table: table.value,
    sheetSettings: sheet.values,
    scenarioSettings: {},
    overrideSettings,
    attention,
    leadLog,
    issues,
  });
}
