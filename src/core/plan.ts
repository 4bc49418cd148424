/**
 * The whole plan, start to end: read the inputs (vehicle table, settings,
 * flags, attention table), find the row problems that depend on the plan
 * (SPEC 1.1), resolve the settings, then metrics, questions, ranking,
 * allocation, media mix and what it would take.
 */
import { investmentBounds, planAllocation, type AllocationInput, type VehicleAllocation } from "./allocation";
import { readAttentionTable } from "./attention";
import type { CellBlock, CellValue } from "./cells";
import { FIELD_HEADERS } from "./headers";
import type { Issue } from "./issues";
import { buildMediaMix, type MixInput } from "./mediaMix";
import { computeMetrics, type VehicleMetrics } from "./metrics";
import type {
  AttentionRow,
  FieldKey,
  MappingOverride,
  ParsedVehicle,
  Plan,
  PlannedVehicle,
  PlanSettings,
  QuestionAnswer,
  SettingKey,
  SettingValues,
  VehicleTable,
} from "./model";
import { formatMoney, formatPlain, formatRatio } from "./numberText";
import { failure, success, type Outcome } from "./outcome";
import type { ScoredVehicle } from "./questions";
import { evaluateStatuses, INVALID_STATUS, shortlistOrder, type StatusEvaluation } from "./ranking";
import { parseSettingValue, readSettingsTable, resolveSettings } from "./settings";
import { toShortlistConversion, toShortlistMultipliers } from "./toShortlist";
import { readVehicleTable } from "./vehicleTable";

export interface PlanRequest {
  vehicles: CellBlock;
  mapping?: MappingOverride;
  /** The `Planner Settings` table, header row first. */
  settings?: CellBlock | null;
  attention?: CellBlock | null;
  /** CLI flags and values typed in the pane, raw; parsed like the settings sheet; they win over sheet and scenario. */
  overrides?: Partial<Record<SettingKey, CellValue>>;
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
  /** Warnings of the settings and attention tables. */
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
  const table = readVehicleTable(request.vehicles, request.mapping);
  if (!table.ok) return failure(table.message, table.issues);

  const sheet = readSettingsTable(request.settings ?? null);
  const issues: Issue[] = [];
  const errors: Issue[] = [];
  for (const issue of sheet.issues) (issue.severity === "error" ? errors : issues).push(issue);

  const overrideSettings: SettingValues = {};
  for (const [key, raw] of Object.entries(request.overrides ?? {}) as [SettingKey, CellValue][]) {
    if (raw === undefined) continue;
    const parsed = parseSettingValue(key, raw, null);
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

  return success({
    table: table.value,
    sheetSettings: sheet.values,
    scenarioSettings: {},
    overrideSettings,
    attention,
    issues,
  });
}

/** Trimmed, lower-cased: how names and channels are matched. */
export function matchKey(text: string): string {
  return text.trim().toLowerCase();
}

function cellOf(vehicle: ParsedVehicle, field: FieldKey): string {
  return vehicle.cells[field] ?? vehicle.rowAnchor;
}

function rowError(vehicle: ParsedVehicle, field: FieldKey, message: string): Issue {
  return { severity: "error", cell: cellOf(vehicle, field), field: FIELD_HEADERS[field], message };
}

/** SPEC 1.1: every row after the first with a name already used (trimmed, case-insensitive) is invalid. */
function duplicateNameErrors(vehicles: readonly ParsedVehicle[]): Map<number, Issue> {
  const firstRows = new Map<string, number>();
  const errors = new Map<number, Issue>();
  vehicles.forEach((vehicle, index) => {
    if (vehicle.name === "") return;
    const key = matchKey(vehicle.name);
    const firstRow = firstRows.get(key);
    if (firstRow === undefined) firstRows.set(key, vehicle.row);
    else {
      const message = `"${vehicle.name}" is used again (first in row ${firstRow}): give each vehicle its own name`;
      errors.set(index, rowError(vehicle, "vehicle", message));
    }
  });
  return errors;
}

/** A value the plan cannot do without, should a scenario have cleared one the table required. */
function missingValueError(vehicle: ParsedVehicle, field: FieldKey): Issue {
  return rowError(
    vehicle,
    field,
    `${FIELD_HEADERS[field]} is blank: the vehicle cannot be planned without it`,
  );
}

function boundsError(vehicle: ParsedVehicle, settings: PlanSettings): Issue | null {
  const { investment, minInvestment, maxInvestment } = vehicle.values;
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
    return rowError(vehicle, "minInvestment", message);
  }
  const message =
    `Max investment ${formatMoney(hi)} is below the lowest investment allowed, ${formatMoney(lo)} ` +
    `(Floor factor ${formatPlain(settings.floorFactor)} ${ofInvestment}): raise Max investment or give a lower Min investment`;
  return rowError(vehicle, "maxInvestment", message);
}

/** The metrics of a row that has no cell error, or the plan-level error that makes it invalid. */
function checkRow(vehicle: ParsedVehicle, settings: PlanSettings): VehicleMetrics | Issue {
  const { values } = vehicle;
  if (values.investment === null) return missingValueError(vehicle, "investment");
  if (values.leads === null) return missingValueError(vehicle, "leads");
  const metrics = computeMetrics(values, settings.hourlyRate);
  if (metrics === null) return missingValueError(vehicle, "pipeline");
  if (metrics.resourceCost === 0) {
    const message =
      "Investment and Hours × Hourly rate are both zero, so there is nothing to compare this vehicle by: " +
      "give its Investment or its team Hours";
    return rowError(vehicle, "investment", message);
  }
  if (!Number.isFinite(metrics.pipeline)) {
    const message = "the pipeline (Leads × Conversion rate × Average deal size) is too large to compute";
    return rowError(vehicle, values.pipeline === null ? "leads" : "pipeline", message);
  }
  if (metrics.efficiency === null || !Number.isFinite(metrics.resourceCost)) {
    return rowError(vehicle, "investment", "the investment is too large to compute");
  }
  return boundsError(vehicle, settings) ?? metrics;
}

/**
 * A valid row as the questions, the ranking and the plan see it: the vehicle
 * as scored, its metrics (E is never undefined for a valid row) and where it
 * came from, in one object, as a large plan keeps one of these per row.
 */
export interface ValidRow extends ScoredVehicle, VehicleMetrics {
  /** Its place in the table's rows. */
  index: number;
  vehicle: ParsedVehicle;
  efficiency: number;
}

/** The channel as shown (trimmed Channel, or the name) and its key, one key per label (`channelKeys`). */
function channelOf(vehicle: ParsedVehicle, channelKeys: Map<string, string>): [string, string] {
  const channelLabel = vehicle.channelText || vehicle.name;
  let channelKey = channelKeys.get(channelLabel);
  if (channelKey === undefined) {
    channelKey = matchKey(channelLabel);
    channelKeys.set(channelLabel, channelKey);
  }
  return [channelLabel, channelKey];
}

function validRow(
  index: number,
  vehicle: ParsedVehicle,
  metrics: VehicleMetrics,
  channelKeys: Map<string, string>,
): ValidRow {
  const [channelLabel, channelKey] = channelOf(vehicle, channelKeys);
  return {
    index,
    vehicle,
    name: vehicle.name,
    channelKey,
    channelLabel,
    values: vehicle.values,
    pipeline: metrics.pipeline,
    efficiency: metrics.efficiency ?? 0,
    priorPipelinePerDollar: metrics.priorPipelinePerDollar,
    costPerLead: metrics.costPerLead,
    pipelinePerDollar: metrics.pipelinePerDollar,
    resourceCost: metrics.resourceCost,
    riskAdjustedPipeline: metrics.riskAdjustedPipeline,
  };
}

function allocationInput(row: ValidRow): AllocationInput {
  const { values } = row.vehicle;
  return {
    current: values.investment ?? 0,
    pipeline: row.pipeline,
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
  answers: readonly QuestionAnswer[],
  allocation: VehicleAllocation,
  current: number,
): string {
  const notAsked = answers.filter((answer) => answer.answer === "n/a").length;
  const filter = notAsked === 0 ? "passes all seven questions" : `passes the filter (${notAsked} of 7 n/a)`;
  const head = `Rank ${rank} of ${shortlistSize} by efficiency ${formatRatio(efficiency)}; ${filter}`;
  if (allocation.recommendedInvestment === null)
    return `${head}; no allocation: the floors exceed the budget`;
  if (current === 0)
    return `${head}; runs on team hours, so it keeps its floor of ${formatMoney(allocation.lo)}`;
  if (allocation.bound === "floor") return `${head}; held at its floor of ${formatMoney(allocation.lo)}`;
  if (allocation.bound === "ceiling")
    return `${head}; capped at its ceiling of ${formatMoney(allocation.hi)}`;
  const marginal =
    allocation.marginalPer1k === null
      ? ""
      : `: the next $1,000 buys ${formatMoney(allocation.marginalPer1k)} of pipeline, as for every freely funded vehicle`;
  return `${head}; funded between its floor and ceiling${marginal}`;
}

function invalidVehicle(vehicle: ParsedVehicle, errors: readonly Issue[]): PlannedVehicle {
  return {
    vehicle: vehicle.name,
    channel: vehicle.channelText || vehicle.name,
    row: vehicle.row,
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
    toShortlist: null,
    toShortlistConversion: null,
    why: "",
  };
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
  valid: ValidRow[];
  /** Each table row's errors, in table order (empty for a valid row). */
  rowErrors: (readonly Issue[])[];
  /** Every row error and warning, in table order. */
  rowIssues: Issue[];
  evaluation: StatusEvaluation;
}

/** SPEC 1.1's plan-level row checks, SPEC 1.2's settings, SPEC 2's metrics and SPEC 3's questions and ranking. */
export function rankVehicles(inputs: PlanInputs): Outcome<RankedVehicles> {
  const { table } = inputs;
  // Hourly rate and the bound factors decide which rows are valid, and the valid rows give the
  // Budget and Pipeline goal defaults, so the settings are resolved once without those defaults first.
  const provisional = resolveSettings(settingLayers(inputs), { budget: 0, pipelineGoal: 0 });
  if (!provisional.ok) return settingsFailure(provisional);

  const duplicates = duplicateNameErrors(table.vehicles);
  const rowErrors: (readonly Issue[])[] = [];
  const rowIssues: Issue[] = [];
  const valid: ValidRow[] = [];
  const channelKeys = new Map<string, string>();
  let budget = 0;
  let pipelineGoal = 0;
  for (let index = 0; index < table.vehicles.length; index++) {
    const vehicle = table.vehicles[index];
    const duplicate = duplicates.get(index);
    let errors: readonly Issue[] = duplicate ? [...vehicle.errors, duplicate] : vehicle.errors;
    if (errors.length === 0) {
      const checked = checkRow(vehicle, provisional.value);
      if ("severity" in checked) errors = [checked];
      else {
        valid.push(validRow(index, vehicle, checked, channelKeys));
        budget += vehicle.values.investment ?? 0;
        pipelineGoal += checked.pipeline;
      }
    }
    rowErrors.push(errors);
    for (const issue of errors) rowIssues.push(issue);
    for (const issue of vehicle.warnings) rowIssues.push(issue);
  }

  if (valid.length === 0) {
    const found = table.headers.map((header) => header.text).filter((text) => text !== "");
    const problems = [...table.issues, ...rowIssues].filter((issue) => issue.severity === "error");
    const why =
      table.vehicles.length === 0
        ? "the table has no vehicle rows"
        : `every row has a problem: ${listProblems(problems)}`;
    return failure(
      `No vehicle can be planned: ${why}. Headers found: ${found.join(", ") || "none"}; expected: ${EXPECTED_HEADERS}.`,
      [...table.issues, ...rowIssues, ...inputs.issues],
    );
  }

  const resolved = resolveSettings(settingLayers(inputs), { budget, pipelineGoal });
  if (!resolved.ok) return settingsFailure(resolved);
  const settings = resolved.value;
  const evaluation = evaluateStatuses(valid, settings);
  return success({ settings, valid, rowErrors, rowIssues, evaluation });
}

export function makePlan(inputs: PlanInputs): Outcome<Plan> {
  const ranked = rankVehicles(inputs);
  if (!ranked.ok) return ranked;
  const { table } = inputs;
  const { settings, valid, rowErrors, rowIssues, evaluation } = ranked.value;
  const multipliers = toShortlistMultipliers(valid, evaluation, settings);
  const shortlist = shortlistOrder(evaluation.statuses);
  const allocation = planAllocation(
    shortlist.map((position) => allocationInput(valid[position])),
    settings,
  );
  const allocationMade = allocation.summary.allocated !== null;
  const allocationOf = new Map(shortlist.map((position, order) => [position, allocation.vehicles[order]]));

  const mixInputs: MixInput[] = valid.map((row, position) => {
    const allocated = allocationOf.get(position);
    return {
      channel: row.channelLabel,
      investment: row.vehicle.values.investment ?? 0,
      pipeline: row.pipeline,
      recommendedInvestment: allocated?.recommendedInvestment ?? null,
      expectedPipeline: allocated?.expectedPipeline ?? null,
    };
  });
  const mix = buildMediaMix(mixInputs, inputs.attention, allocationMade);

  const vehicles: PlannedVehicle[] = new Array<PlannedVehicle>(table.vehicles.length);
  for (let index = 0; index < table.vehicles.length; index++) {
    if (rowErrors[index].length > 0)
      vehicles[index] = invalidVehicle(table.vehicles[index], rowErrors[index]);
  }
  valid.forEach((row, position) => {
    vehicles[row.index] = plannedVehicle(
      row,
      evaluation,
      position,
      multipliers[position],
      allocationOf.get(position),
      shortlist.length,
    );
  });

  return success({
    settings,
    vehicles,
    allocation: allocation.summary,
    mix,
    issues: [...table.issues, ...rowIssues, ...inputs.issues, ...allocation.issues],
  });
}

function plannedVehicle(
  row: ValidRow,
  evaluation: StatusEvaluation,
  position: number,
  multiplier: number | null,
  allocated: VehicleAllocation | undefined,
  shortlistSize: number,
): PlannedVehicle {
  const { vehicle } = row;
  const status = evaluation.statuses[position];
  const answers = evaluation.answers.answersOf(position);
  const investment = vehicle.values.investment ?? 0;
  return {
    vehicle: vehicle.name,
    channel: row.channelLabel,
    row: vehicle.row,
    status: status.status,
    eliminatedAt: status.eliminatedAt,
    answers,
    invalidReasons: [],
    investment,
    pipeline: row.pipeline,
    pipelinePerDollar: row.pipelinePerDollar,
    costPerLead: row.costPerLead,
    efficiency: row.efficiency,
    resourceCost: row.resourceCost,
    rank: status.rank,
    recommendedInvestment: allocated?.recommendedInvestment ?? null,
    expectedPipeline: allocated?.expectedPipeline ?? null,
    bound: allocated?.bound ?? null,
    marginalPer1k: allocated?.marginalPer1k ?? null,
    toShortlist: multiplier,
    toShortlistConversion: toShortlistConversion(vehicle.values, multiplier),
    why:
      status.rank !== null && allocated
        ? whyText(status.rank, shortlistSize, row.efficiency, answers, allocated, investment)
        : "",
  };
}
