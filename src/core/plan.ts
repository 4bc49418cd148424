/**
 * The whole plan, start to end, from the inputs read (planInputs.ts): the
 * row problems that depend on the plan (SPEC 1.1, rowChecks.ts), the settings
 * resolved, then metrics, questions, ranking, allocation, media mix, what it
 * would take, lead health and the budget curve.
 */
import { buildBudgetCurve } from "./budgetCurve";
import {
  leadCapacity,
  planLeadAllocation,
  type CapacityInput,
  type LeadVehicleAllocation,
} from "./capacityAllocation";
import type { Issue } from "./issues";
import { describeIssue, listProblems, type PlanInputs } from "./planInputs";
import { rottingRates, summariseLeadHealth } from "./leadHealth";
import { buildMediaMix, type MixInput } from "./mediaMix";
import { REQUIRED_HEADERS } from "./messages";
import { costPerLead, pipelinePerDollar, resourceCost } from "./metrics";
import type { Plan, PlannedVehicle, PlanSettings, SettingValues } from "./model";
import { formatMoney, formatRatio } from "./numberText";
import { failure, success, type Outcome } from "./outcome";
import { evaluateStatuses, INVALID_STATUS, shortlistOrder, type StatusEvaluation } from "./ranking";
import { resolveSettings } from "./settings";
import { toShortlistConversion, toShortlistMultipliers } from "./toShortlist";
import { checkRow, duplicateNameErrors } from "./rowChecks";
import { ValidRows, type ScoredCursor } from "./validRows";
import { ValuesCursor, type VehicleColumns } from "./vehicleColumns";
import { normalisedName } from "./vehicleTable";

export { describeIssue, readPlanInputs, type PlanInputs, type PlanRequest } from "./planInputs";

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

/** Indexed rather than for…of: the plan runs it twice a row, and the iterator would be an object each time. */
function appendIssues(target: Issue[], issues: readonly Issue[]): void {
  for (let index = 0; index < issues.length; index++) target.push(issues[index]);
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
      const problem = checkRow(table, index, values, provisional.value);
      if (problem) errors = [problem];
      else {
        pipelineGoal += valid.add(index, values);
        budget += values.investment ?? 0;
      }
    }
    if (errors.length > 0) rowErrors.set(index, errors);
    appendIssues(rowIssues, errors);
    appendIssues(rowIssues, table.warnings(index));
  }

  if (valid.length === 0) {
    const found = inputs.table.headers.map((header) => header.text).filter((text) => text !== "");
    const problems = [...inputs.table.issues, ...rowIssues].filter((issue) => issue.severity === "error");
    const why =
      table.count === 0
        ? "the table has no vehicle rows"
        : `every row has a problem: ${listProblems(problems)}`;
    return failure(
      `No vehicle can be planned: ${why}. Headers found: ${found.join(", ") || "none"}; expected: ${REQUIRED_HEADERS}.`,
      [...inputs.table.issues, ...rowIssues, ...inputs.issues],
    );
  }

  const resolved = resolveSettings(settingLayers(inputs), { budget, pipelineGoal });
  if (!resolved.ok) return settingsFailure(resolved);
  const settings = resolved.value;
  const evaluation = evaluateStatuses(valid, settings);
  return success({ settings, table, valid, rowErrors, rowIssues, evaluation });
}

/**
 * The media mix's inputs summed by channel as the rows spell it, in the order first seen: SPEC 5
 * sums them by channel anyway, and one input a channel rather than a row keeps a large table cheap.
 */
function mixInputsByChannel(
  valid: ValidRows,
  allocationOf: readonly (LeadVehicleAllocation | undefined)[],
): MixInput[] {
  const count = valid.channelLabels.length;
  const investment = new Float64Array(count);
  const pipeline = new Float64Array(count);
  const recommendedInvestment = new Float64Array(count);
  const expectedPipeline = new Float64Array(count);
  for (let position = 0; position < valid.length; position++) {
    const channel = valid.channels[position];
    const allocated = allocationOf[position];
    investment[channel] += valid.cursorAt(position).values.investment ?? 0;
    pipeline[channel] += valid.pipeline[position];
    recommendedInvestment[channel] += allocated?.recommendedInvestment ?? 0;
    expectedPipeline[channel] += allocated?.expectedPipeline ?? 0;
  }
  return valid.channelLabels.map((channel, index) => ({
    channel,
    investment: investment[index],
    pipeline: pipeline[index],
    recommendedInvestment: recommendedInvestment[index],
    expectedPipeline: expectedPipeline[index],
  }));
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

  const mix = buildMediaMix(mixInputsByChannel(valid, allocationOf), inputs.attention, allocationMade);

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
  const investment = values.investment ?? 0;
  return {
    vehicle: row.name,
    channel: row.channelLabel,
    row: row.sheetRow,
    status: status.status,
    eliminatedAt: status.eliminatedAt,
    answers: sheet.rowAnswers(position),
    invalidReasons: NO_REASONS,
    investment,
    pipeline,
    pipelinePerDollar: pipelinePerDollar(values, pipeline),
    costPerLead: costPerLead(values),
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
