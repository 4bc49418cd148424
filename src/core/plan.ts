/**
 * The whole plan, start to end: read the inputs (vehicle table, settings,
 * flags, attention table), find the row problems that depend on the plan
 * (SPEC 1.1), resolve the settings, then metrics, questions, ranking,
 * allocation, media mix and what it would take.
 */
import { investmentBounds } from "./allocation";
import { readAttentionTable } from "./attention";
import { buildBudgetCurve } from "./budgetCurve";
import {
  leadCapacity,
  planLeadAllocation,
  type CapacityInput,
  type LeadVehicleAllocation,
} from "./capacityAllocation";
import type { CellBlock, CellValue } from "./cells";
import { cellReference } from "./cellReference";
import { FIELD_HEADERS } from "./headers";
import { locateVehicleTable } from "./headerRow";
import type { Issue } from "./issues";
import { rottingRates, summariseLeadHealth } from "./leadHealth";
import { readLeadLog, type LeadLog } from "./leadLog";
import { buildMediaMix, type MixInput } from "./mediaMix";
import { computeMetrics, ratio, resourceCost, type VehicleMetrics } from "./metrics";
import type {
  AttentionRow,
  FieldKey,
  MappingOverride,
  Plan,
  PlannedVehicle,
  PlanSettings,
  SettingKey,
  SettingValues,
  VehicleTable,
  VehicleValues,
} from "./model";
import { formatMoney, formatPlain, formatRatio } from "./numberText";
import { failure, success, type Outcome } from "./outcome";
import { evaluateStatuses, INVALID_STATUS, shortlistOrder, type StatusEvaluation } from "./ranking";
import { parseSettingValue, readSettingsTable, resolveSettings } from "./settings";
import { toShortlistConversion, toShortlistMultipliers } from "./toShortlist";
import { ValidRows, type ScoredCursor } from "./validRows";
import { ValuesCursor, type VehicleColumns } from "./vehicleColumns";
import { normalisedName, readVehicleTable } from "./vehicleTable";

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

function listProblems(issues: readonly Issue[]): string {
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

function rowError(columns: VehicleColumns, index: number, field: FieldKey, message: string): Issue {
  return { severity: "error", cell: columns.problemCell(index, field), field: FIELD_HEADERS[field], message };
}

/** FNV-1a over the characters of `text`, upper-case ASCII letters read as lower-case; 30 bits, a small integer. */
function foldedHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) code += 32;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  return hash & 0x3fffffff;
}

const PLAIN_ASCII = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/**
 * A number for the match key of `name` (trimmed, lower-cased), had without
 * making that key when the name is plain ASCII with nothing to trim, the
 * usual kind: for 100,000 names the keys would be 100,000 strings kept until
 * every name is checked.
 */
function matchKeyHash(name: string): number {
  return foldedHash(PLAIN_ASCII.test(name) ? name : normalisedName(name));
}

/**
 * SPEC 1.1: every row after the first with a name already used (trimmed,
 * case-insensitive) is invalid. Names are told apart by `matchKeyHash` in a
 * table of row indices made once at full size (a Map of 100,000 names grows
 * by copies, each fresh memory); only names that share a hash are compared
 * by their match keys.
 */
function duplicateNameErrors(columns: VehicleColumns): Map<number, Issue> {
  let size = 1024;
  while (size < columns.count * 2) size *= 2;
  const mask = size - 1;
  // Each slot holds a row index + 1 (0: empty): the first row of its hash.
  const firstOfHash = new Int32Array(size);
  const hashes = new Int32Array(size);
  const firstRowByKey = new Map<string, number>();
  const errors = new Map<number, Issue>();
  for (let index = 0; index < columns.count; index++) {
    const name = columns.names[index];
    if (name === "") continue;
    const hash = matchKeyHash(name);
    let slot = hash & mask;
    while (firstOfHash[slot] !== 0 && hashes[slot] !== hash) slot = (slot + 1) & mask;
    if (firstOfHash[slot] === 0) {
      firstOfHash[slot] = index + 1;
      hashes[slot] = hash;
      continue;
    }
    const first = firstOfHash[slot] - 1;
    const firstKey = normalisedName(columns.names[first]);
    if (!firstRowByKey.has(firstKey)) firstRowByKey.set(firstKey, columns.rows[first]);
    const key = normalisedName(name);
    const firstRow = firstRowByKey.get(key);
    if (firstRow === undefined) firstRowByKey.set(key, columns.rows[index]);
    else {
      const message = `"${name}" is used again (first in row ${firstRow}): give each vehicle its own name`;
      errors.set(index, rowError(columns, index, "vehicle", message));
    }
  }
  return errors;
}

/** A value the plan cannot do without, should a scenario have cleared one the table required. */
function missingValueError(columns: VehicleColumns, index: number, field: FieldKey): Issue {
  return rowError(
    columns,
    index,
    field,
    `${FIELD_HEADERS[field]} is blank: the vehicle cannot be planned without it`,
  );
}

function boundsError(
  columns: VehicleColumns,
  index: number,
  values: VehicleValues,
  settings: PlanSettings,
): Issue | null {
  const { investment, minInvestment, maxInvestment } = values;
  const current = investment ?? 0;
  const { lo, hi } = investmentBounds(current, minInvestment, maxInvestment, settings);
  if (!(lo > hi)) return null;
  const ofInvestment = `× Investment ${formatMoney(current)}`;
  if (minInvestment !== null) {
    const ceiling =
      maxInvestment !== null
        ? "Max investment"
        : `Ceiling factor ${formatPlain(settings.ceilingFactor)} ${ofInvestment}`;
    const message =
      `Min investment ${formatMoney(lo)} is above the highest investment allowed, ${formatMoney(hi)} ` +
      `(${ceiling}): lower Min investment or raise ${maxInvestment !== null ? "Max investment" : "the ceiling"}`;
    return rowError(columns, index, "minInvestment", message);
  }
  const message =
    `Max investment ${formatMoney(hi)} is below the lowest investment allowed, ${formatMoney(lo)} ` +
    `(Floor factor ${formatPlain(settings.floorFactor)} ${ofInvestment}): raise Max investment or give a lower Min investment`;
  return rowError(columns, index, "maxInvestment", message);
}

/** The metrics of row `index` (whose values are `values`) when it has no cell error, or the plan-level error that makes it invalid. */
function checkRow(
  columns: VehicleColumns,
  index: number,
  values: VehicleValues,
  settings: PlanSettings,
): VehicleMetrics | Issue {
  if (values.investment === null) return missingValueError(columns, index, "investment");
  if (values.leads === null) return missingValueError(columns, index, "leads");
  const metrics = computeMetrics(values, settings.hourlyRate);
  if (metrics === null) return missingValueError(columns, index, "pipeline");
  if (metrics.resourceCost === 0) {
    const message =
      "Investment and Hours × Hourly rate are both zero, so there is nothing to compare this vehicle by: " +
      "give its Investment or its team Hours";
    return rowError(columns, index, "investment", message);
  }
  if (!Number.isFinite(metrics.pipeline)) {
    const message = "the pipeline (Leads × Conversion rate × Average deal size) is too large to compute";
    return rowError(columns, index, values.pipeline === null ? "leads" : "pipeline", message);
  }
  if (metrics.efficiency === null || !Number.isFinite(metrics.resourceCost)) {
    return rowError(columns, index, "investment", "the investment is too large to compute");
  }
  return boundsError(columns, index, values, settings) ?? metrics;
}

function allocationInput(row: ScoredCursor): CapacityInput {
  const { values } = row;
  return {
    current: values.investment ?? 0,
    pipeline: row.pipeline,
    leads: values.leads ?? 0,
    priorInvestment: values.priorInvestment,
    priorPipeline: values.priorPipeline,
    minInvestment: values.minInvestment,
    maxInvestment: values.maxInvestment,
  };
}

/** The Shortlist sheet's `Why`: rank, efficiency, the filter, and what decided the allocation. */
function whyText(
  rank: number,
  shortlistSize: number,
  efficiency: number,
  notAsked: number,
  allocation: LeadVehicleAllocation,
  current: number,
  capacityBinds: boolean,
): string {
  const filter = notAsked === 0 ? "passes all seven questions" : `passes the filter (${notAsked} of 7 n/a)`;
  const head = `Rank ${rank} of ${shortlistSize} by efficiency ${formatRatio(efficiency)}; ${filter}`;
  if (allocation.recommendedInvestment === null)
    return `${head}; no allocation: the floors exceed the budget`;
  if (current === 0)
    return `${head}; runs on team hours, so it keeps its floor of ${formatMoney(allocation.lo)}`;
  if (allocation.bound === "floor") return `${head}; held at its floor of ${formatMoney(allocation.lo)}`;
  if (allocation.bound === "ceiling")
    return `${head}; capped at its ceiling of ${formatMoney(allocation.hi)}`;
  if (capacityBinds)
    return `${head}; funded between its floor and ceiling as far as its pipeline per lead is worth the sales time its leads take`;
  const marginal =
    allocation.marginalPer1k === null
      ? ""
      : `: the next $1,000 buys ${formatMoney(allocation.marginalPer1k)} of pipeline, as for every freely funded vehicle`;
  return `${head}; funded between its floor and ceiling${marginal}`;
}

function invalidVehicle(table: VehicleColumns, index: number, errors: readonly Issue[]): PlannedVehicle {
  const name = table.names[index];
  return {
    vehicle: name,
    channel: table.channelTexts[index] || name,
    row: table.rows[index],
    status: INVALID_STATUS,
    eliminatedAt: null,
    answers: null,
    invalidReasons: errors.map(describeIssue),
    investment: null,
    pipeline: null,
    pipelinePerDollar: null,
    costPerLead: null,
    efficiency: null,
    resourceCost: null,
    rank: null,
    recommendedInvestment: null,
    expectedPipeline: null,
    bound: null,
    marginalPer1k: null,
    expectedLeads: null,
    pipelinePerLead: null,
    toShortlist: null,
    toShortlistConversion: null,
    rottingRate: null,
    why: "",
  };
}

/**
 * `Leads per rep` (SPEC 10.1) belongs to the capacity settings; lead health
 * shows it, and the Load it gives, when the plan's settings carry it.
 */
function leadsPerRepOf(settings: PlanSettings): number | null {
  const value: unknown = (settings as unknown as Record<string, unknown>).leadsPerRep;
  return typeof value === "number" ? value : null;
}

function settingsFailure<T>(outcome: { message: string; issues: Issue[] }): Outcome<T> {
  return failure(`${outcome.message}; nothing is planned`, outcome.issues);
}

function settingLayers(inputs: PlanInputs): SettingValues[] {
  return [inputs.sheetSettings, inputs.scenarioSettings, inputs.overrideSettings];
}

const EXPECTED_HEADERS =
  "Vehicle, Investment, Leads, and Pipeline or both Conversion rate and Average deal size";

/**
 * What the filter decided, before any money is moved: the settings resolved,
 * the valid rows with their metrics, every row's problems, and the answers,
 * statuses and ranks of SPEC 3. The allocation, the media mix and what it
 * would take all start from here.
 */
export interface RankedVehicles {
  settings: PlanSettings;
  /** The table's rows in columns. */
  table: VehicleColumns;
  valid: ValidRows;
  /** The errors of each invalid row, by its place in the table. */
  rowErrors: Map<number, readonly Issue[]>;
  /** Every row error and warning, in table order. */
  rowIssues: Issue[];
  evaluation: StatusEvaluation;
}

/** SPEC 1.1's plan-level row checks, SPEC 1.2's settings, SPEC 2's metrics and SPEC 3's questions and ranking. */
export function rankVehicles(inputs: PlanInputs): Outcome<RankedVehicles> {
  const table = inputs.table.columns;
  // Hourly rate and the bound factors decide which rows are valid, and the valid rows give the
  // Budget and Pipeline goal defaults, so the settings are resolved once without those defaults first.
  const provisional = resolveSettings(settingLayers(inputs), { budget: 0, pipelineGoal: 0 });
  if (!provisional.ok) return settingsFailure(provisional);

  const duplicates = duplicateNameErrors(table);
  const rowErrors = new Map<number, readonly Issue[]>();
  const rowIssues: Issue[] = [];
  const valid = new ValidRows(table, table.count, provisional.value.hourlyRate);
  const values = new ValuesCursor(table);
  let budget = 0;
  let pipelineGoal = 0;
  for (let index = 0; index < table.count; index++) {
    values.index = index;
    const duplicate = duplicates.get(index);
    let errors: readonly Issue[] = duplicate ? [...table.errors(index), duplicate] : table.errors(index);
    if (errors.length === 0) {
      const checked = checkRow(table, index, values, provisional.value);
      if ("severity" in checked) errors = [checked];
      else {
        valid.add(index, checked);
        budget += values.investment ?? 0;
        pipelineGoal += checked.pipeline;
      }
    }
    if (errors.length > 0) rowErrors.set(index, errors);
    for (const issue of errors) rowIssues.push(issue);
    for (const issue of table.warnings(index)) rowIssues.push(issue);
  }

  if (valid.length === 0) {
    const found = inputs.table.headers.map((header) => header.text).filter((text) => text !== "");
    const problems = [...inputs.table.issues, ...rowIssues].filter((issue) => issue.severity === "error");
    const why =
      table.count === 0
        ? "the table has no vehicle rows"
        : `every row has a problem: ${listProblems(problems)}`;
    return failure(
      `No vehicle can be planned: ${why}. Headers found: ${found.join(", ") || "none"}; expected: ${EXPECTED_HEADERS}.`,
      [...inputs.table.issues, ...rowIssues, ...inputs.issues],
    );
  }

  const resolved = resolveSettings(settingLayers(inputs), { budget, pipelineGoal });
  if (!resolved.ok) return settingsFailure(resolved);
  const settings = resolved.value;
  const evaluation = evaluateStatuses(valid, settings);
  return success({ settings, table, valid, rowErrors, rowIssues, evaluation });
}

export function makePlan(inputs: PlanInputs): Outcome<Plan> {
  const ranked = rankVehicles(inputs);
  if (!ranked.ok) return ranked;
  const { settings, table, rowErrors, rowIssues, evaluation } = ranked.value;
  const { valid } = ranked.value;
  const multipliers = toShortlistMultipliers(valid, evaluation, settings);
  const shortlist = shortlistOrder(evaluation.statuses);
  const allocation = planLeadAllocation(
    shortlist.map((position) => allocationInput(valid.cursorAt(position))),
    settings,
  );
  const { capacityBinds } = allocation;
  const allocationMade = allocation.summary.allocated !== null;
  const allocationOf = new Array<LeadVehicleAllocation | undefined>(valid.length);
  shortlist.forEach((position, order) => (allocationOf[position] = allocation.vehicles[order]));

  const mixInputs = new Array<MixInput>(valid.length);
  for (let position = 0; position < valid.length; position++) {
    const row = valid.cursorAt(position);
    const allocated = allocationOf[position];
    mixInputs[position] = {
      channel: row.channelLabel,
      investment: row.values.investment ?? 0,
      pipeline: row.pipeline,
      recommendedInvestment: allocated?.recommendedInvestment ?? null,
      expectedPipeline: allocated?.expectedPipeline ?? null,
    };
  }
  const mix = buildMediaMix(mixInputs, inputs.attention, allocationMade);

  const leadHealth = inputs.leadLog
    ? summariseLeadHealth(inputs.leadLog, valid.names(), {
        leadExpiry: settings.leadExpiry,
        asOf: settings.asOf ?? inputs.leadLog.latest,
        leadsPerRep: leadsPerRepOf(settings),
      })
    : null;
  const rates = leadHealth ? rottingRates(leadHealth) : null;

  const vehicles: PlannedVehicle[] = new Array<PlannedVehicle>(table.count);
  for (const [index, errors] of rowErrors) vehicles[index] = invalidVehicle(table, index, errors);
  for (let position = 0; position < valid.length; position++) {
    const row = valid.cursorAt(position);
    vehicles[row.index] = plannedVehicle(
      row,
      valid.hourlyRate,
      evaluation,
      position,
      multipliers[position],
      allocationOf[position],
      shortlist.length,
      capacityBinds,
      rates?.get(normalisedName(row.name)) ?? null,
    );
  }

  const capacityIssue = leadCapacity(settings).issue;
  return success({
    settings: { ...settings, asOf: leadHealth?.asOf ?? null },
    vehicles,
    allocation: allocation.summary,
    mix,
    budgetCurve: buildBudgetCurve(
      allocation.shortlist,
      allocation.summary.budget,
      allocation.summary.budgetForGoal,
    ),
    leadHealth,
    issues: [
      ...inputs.table.issues,
      ...rowIssues,
      ...inputs.issues,
      ...(capacityIssue ? [capacityIssue] : []),
      ...allocation.issues,
      ...(leadHealth?.issues ?? []),
    ],
  });
}

/** A valid row's invalid reasons, shared (frozen, so a push fails loudly). */
const NO_REASONS: string[] = Object.freeze([]) as unknown as string[];

function plannedVehicle(
  row: ScoredCursor,
  hourlyRate: number,
  evaluation: StatusEvaluation,
  position: number,
  multiplier: number | null,
  allocated: LeadVehicleAllocation | undefined,
  shortlistSize: number,
  capacityBinds: boolean,
  rottingRate: number | null,
): PlannedVehicle {
  const { values, pipeline, efficiency } = row;
  const status = evaluation.statuses[position];
  const sheet = evaluation.answers;
  const answers = sheet.answersOf(position);
  const investment = values.investment ?? 0;
  // SPEC 2's metrics, as metricsWithPipeline works them out, without an object a row.
  return {
    vehicle: row.name,
    channel: row.channelLabel,
    row: row.sheetRow,
    status: status.status,
    eliminatedAt: status.eliminatedAt,
    answers,
    invalidReasons: NO_REASONS,
    investment,
    pipeline,
    pipelinePerDollar: ratio(pipeline, investment),
    costPerLead: values.leads === null ? null : ratio(investment, values.leads),
    efficiency,
    resourceCost: resourceCost(values, hourlyRate),
    rank: status.rank,
    recommendedInvestment: allocated?.recommendedInvestment ?? null,
    expectedPipeline: allocated?.expectedPipeline ?? null,
    bound: allocated?.bound ?? null,
    marginalPer1k: allocated?.marginalPer1k ?? null,
    expectedLeads: allocated?.expectedLeads ?? null,
    pipelinePerLead: values.leads ? pipeline / values.leads : null,
    toShortlist: multiplier,
    toShortlistConversion: toShortlistConversion(values, multiplier),
    rottingRate,
    why:
      status.rank !== null && allocated
        ? whyText(
            status.rank,
            shortlistSize,
            efficiency,
            sheet.notAsked(position),
            allocated,
            investment,
            capacityBinds,
          )
        : "",
  };
}
