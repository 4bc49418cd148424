/**
 * SPEC 10.1: the lead capacity in the allocation. Without a capacity, or when
 * section 4's allocation brings no more leads than the capacity, section 4's
 * plan is the answer as it is; otherwise `LeadCurves` finds the optimum under
 * both constraints. Also the budget for the goal under a capacity, and the
 * expected leads every plan shows.
 */
import {
  MONEY_TOLERANCE,
  prepareShortlist,
  sectionFourInvestments,
  sectionFourOutcome,
  unallocatedVehicle,
  vehicleAllocation,
  type AllocationInput,
  type GoalAnswer,
  type PreparedShortlist,
  type VehicleAllocation,
} from "./allocation";
import type { Issue } from "./issues";
import { leadCapacity } from "./leadCapacity";
import { leadsAt } from "./leadColumns";
import { LeadCurves, type LeadSolution } from "./leadCurves";
import { expectedAt, marginalPer1k } from "./responseCurve";
import type { AllocationSummary, LeadSummary, PlanSettings } from "./model";
import { formatMoney, formatPlain } from "./numberText";
import { SETTING_NAMES } from "./publicNames";

export { leadCapacity } from "./leadCapacity";

export interface CapacityInput extends AllocationInput {
  /** Leads_i, the row's Leads. */
  leads: number;
}

export interface LeadVehicleAllocation extends VehicleAllocation {
  /** L_i(x_i); null when no allocation was made. */
  expectedLeads: number | null;
}

export interface LeadAllocationPlan {
  /** Same order as the input. */
  vehicles: LeadVehicleAllocation[];
  summary: AllocationSummary & LeadSummary;
  /** Section 4's issues and those of SPEC 10.1, cell null. */
  issues: Issue[];
  /** Section 4's allocation would bring more leads than the capacity. */
  capacityBinds: boolean;
  /** The shortlist as prepared, for the budget curve. */
  shortlist: LeadShortlist;
}

/**
 * The capacity is met from below by this many leads, so that the rounding of
 * a sum of many vehicles' leads never takes the total above it: a ten-billionth
 * of the capacity, never more than a thousandth of a lead (SPEC 10.1 allows 0.01).
 */
function leadMargin(capacity: number): number {
  return Math.min(1e-3, 1e-10 * Math.max(1, capacity));
}

/**
 * Leads this close to the capacity meet it: a sum over many vehicles carries
 * rounding dust, and leads that equal the capacity in exact arithmetic (the
 * floors' leads, say) must not count as over it.
 */
function fitsCapacity(leads: number, capacity: number): boolean {
  return leads <= capacity * (1 + 1e-12);
}

const CAPACITY_FIELD = "Lead capacity";

/** The shortlist ready to be allocated at any budget under the plan's capacity. */
export class LeadShortlist {
  private curves: LeadCurves | null = null;

  constructor(
    readonly prepared: PreparedShortlist,
    readonly leads: Float64Array,
    /** Null without a capacity. */
    readonly capacity: number | null,
  ) {}

  /** The columns of the capacity solver, made when a capacity first binds. */
  leadCurves(): LeadCurves {
    this.curves ??= new LeadCurves(this.prepared, this.leads);
    return this.curves;
  }

  /** Σ L_i(x_i). */
  leadsOf(investments: ArrayLike<number>): number {
    const { vehicles } = this.prepared;
    let total = 0;
    for (let i = 0; i < vehicles.length; i++) total += leadsAt(vehicles[i], this.leads[i], investments[i]);
    return total;
  }

  pipelineOf(investments: ArrayLike<number>): number {
    const { vehicles } = this.prepared;
    let total = 0;
    for (let i = 0; i < vehicles.length; i++) total += expectedAt(vehicles[i], investments[i]);
    return total;
  }
}

export function prepareLeadShortlist(inputs: CapacityInput[], settings: PlanSettings): LeadShortlist {
  return new LeadShortlist(
    prepareShortlist(inputs, settings),
    Float64Array.from(inputs, (input) => input.leads),
    leadCapacity(settings).capacity,
  );
}

/** The optimal allocation at one budget of at least Σ lo. */
export interface BudgetPoint {
  investments: ArrayLike<number>;
  expectedPipeline: number;
  expectedLeads: number;
  /** Σ x_i. */
  allocated: number;
  /** The capacity binds: section 4's allocation would bring more leads than it. */
  binds: boolean;
  /** The floors alone bring more leads than the capacity. */
  floorsOverCapacity: boolean;
  /** λ; 0 when money is held back; null when no vehicle is free. */
  lambda: number | null;
  /** μ when the capacity binds, else null. */
  mu: number | null;
}

/** A guess of the multipliers at a budget, such as those of a nearby budget: t = ln λ, and μ. */
export interface MultiplierGuess {
  t: number;
  mu: number;
}

/** The money the capacity holds back at a point: min(Budget, Σ hi) − Allocated when it binds. */
export function heldBackAt(shortlist: LeadShortlist, budget: number, point: BudgetPoint): number {
  if (!point.binds) return 0;
  const heldBack = Math.min(budget, shortlist.prepared.ceilings) - point.allocated;
  return heldBack > MONEY_TOLERANCE ? heldBack : 0;
}

/** λ of section 4's allocation: the marginal return every free vehicle shares, or null when none is free. */
function sectionFourLambda(prepared: PreparedShortlist, investments: ArrayLike<number>): number | null {
  for (let i = 0; i < prepared.vehicles.length; i++) {
    const vehicle = prepared.vehicles[i];
    const x = investments[i];
    if (vehicle.current > 0 && x > vehicle.lo && x < vehicle.hi) {
      const marginal = marginalPer1k(vehicle, x);
      if (marginal !== null) return marginal / 1000;
    }
  }
  return null;
}

function hasFree(prepared: PreparedShortlist, investments: ArrayLike<number>): boolean {
  return prepared.vehicles.some(
    (vehicle, i) => vehicle.current > 0 && investments[i] > vehicle.lo && investments[i] < vehicle.hi,
  );
}

/**
 * SPEC 10.1 at `budget` (≥ Σ lo): section 4's allocation when it fits the
 * capacity, else the optimum under both constraints. `start` guesses ln λ and μ;
 * `sectionFour` is section 4's allocation at this budget when already made.
 */
export function allocateAt(
  shortlist: LeadShortlist,
  budget: number,
  start?: MultiplierGuess,
  sectionFour: ArrayLike<number> = sectionFourInvestments(shortlist.prepared, budget),
): BudgetPoint {
  const { prepared, capacity } = shortlist;
  const leads = shortlist.leadsOf(sectionFour);
  if (capacity === null || fitsCapacity(leads, capacity)) {
    return {
      investments: sectionFour,
      expectedPipeline: shortlist.pipelineOf(sectionFour),
      expectedLeads: leads,
      allocated: Math.min(budget, prepared.ceilings),
      binds: false,
      floorsOverCapacity: false,
      lambda: sectionFourLambda(prepared, sectionFour),
      mu: null,
    };
  }
  const curves = shortlist.leadCurves();
  if (!fitsCapacity(curves.floorLeads(), capacity)) {
    const floors = curves.atFloors();
    return point(shortlist, floors, null, true);
  }
  const target = capacity - leadMargin(capacity);
  const heldBack = curves.heldBack(target);
  const heldBackSpend = sumOf(heldBack.investments);
  if (heldBackSpend <= budget + MONEY_TOLERANCE)
    return point(shortlist, heldBack.investments, heldBack, false);
  // Capacity makes money worth less, so section 4's λ at this budget is a close guess from above.
  const sectionFourMarginal = sectionFourLambda(prepared, sectionFour);
  const guess =
    start?.t ?? (sectionFourMarginal !== null ? Math.log(sectionFourMarginal) : curves.startGuess());
  const solved = curves.solve("spend", budget, target, leadMargin(capacity), guess, start?.mu);
  const answer = solved ?? heldBack;
  return point(shortlist, answer.investments, answer, false);
}

function point(
  shortlist: LeadShortlist,
  investments: Float64Array,
  solution: LeadSolution | null,
  floorsOverCapacity: boolean,
): BudgetPoint {
  const free = hasFree(shortlist.prepared, investments);
  return {
    investments,
    expectedPipeline: shortlist.pipelineOf(investments),
    expectedLeads: shortlist.leadsOf(investments),
    allocated: sumOf(investments),
    binds: true,
    floorsOverCapacity,
    lambda: solution !== null && free ? solution.lambda : null,
    mu: solution?.mu ?? null,
  };
}

function sumOf(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

function leadCount(leads: number): string {
  return `${formatPlain(leads)} ${leads === 1 ? "lead" : "leads"}`;
}

function capacityIssue(message: string): Issue {
  return { severity: "warning", cell: null, field: CAPACITY_FIELD, message };
}

function capacityWords(settings: PlanSettings, capacity: number): string {
  return (
    `the lead capacity of ${leadCount(capacity)} (Sales reps ${formatPlain(settings.salesReps ?? 0)} × ` +
    `Leads per rep ${formatPlain(settings.leadsPerRep ?? 0)})`
  );
}

const MORE_CAPACITY = "add Sales reps or raise Leads per rep";

/** Up to the next cent, so the budget shown does reach the goal. */
function upToCent(money: number): number {
  return Math.ceil(money * 100 - 1e-6) / 100;
}

/**
 * SPEC 10.1's budget for the goal: section 4's when its allocation at that
 * budget fits the capacity; else the budget at which the optimum under the
 * capacity reaches the goal, or empty with a `Lead capacity` warning when the
 * capacity caps the pipeline below it.
 */
function capacityGoal(shortlist: LeadShortlist, settings: PlanSettings, sectionFour: GoalAnswer): GoalAnswer {
  const { capacity, prepared } = shortlist;
  const goal = settings.pipelineGoal;
  if (capacity === null || sectionFour.budgetForGoal === null) return sectionFour;
  if (
    fitsCapacity(shortlist.leadsOf(sectionFourInvestments(prepared, sectionFour.budgetForGoal)), capacity)
  ) {
    return sectionFour;
  }
  const curves = shortlist.leadCurves();
  const floorsOver = !fitsCapacity(curves.floorLeads(), capacity);
  const target = capacity - leadMargin(capacity);
  const most = floorsOver
    ? curves.floorPipeline()
    : shortlist.pipelineOf(curves.heldBack(target).investments);
  if (goal > most + MONEY_TOLERANCE) {
    const message =
      `With ${capacityWords(settings, capacity)} the shortlist can deliver at most ${formatMoney(most)} of ` +
      `pipeline, ${formatMoney(goal - most)} short of the ${formatMoney(goal)} Pipeline goal, whatever the ` +
      `budget: ${MORE_CAPACITY}, or lower the Pipeline goal`;
    return { budgetForGoal: null, issue: capacityIssue(message) };
  }
  if (floorsOver) return { budgetForGoal: prepared.floors, issue: null };
  const heldBack = curves.heldBack(target);
  if (goal >= most - MONEY_TOLERANCE)
    return { budgetForGoal: upToCent(sumOf(heldBack.investments)), issue: null };
  const solved =
    curves.solve("pipeline", goal, target, leadMargin(capacity), curves.startGuess()) ?? heldBack;
  return { budgetForGoal: Math.min(upToCent(sumOf(solved.investments)), prepared.ceilings), issue: null };
}

/** Written out field by field: a spread of ten thousand rows is several times slower. */
function withExpectedLeads(
  allocation: VehicleAllocation,
  expectedLeads: number | null,
): LeadVehicleAllocation {
  return {
    recommendedInvestment: allocation.recommendedInvestment,
    expectedPipeline: allocation.expectedPipeline,
    bound: allocation.bound,
    marginalPer1k: allocation.marginalPer1k,
    elasticity: allocation.elasticity,
    lo: allocation.lo,
    hi: allocation.hi,
    expectedLeads,
  };
}

/** The whole of SPEC 10.1's allocation: section 4's plan, then the capacity, its warnings and the lead figures. */
export function planLeadAllocation(inputs: CapacityInput[], settings: PlanSettings): LeadAllocationPlan {
  const shortlist = prepareLeadShortlist(inputs, settings);
  const { prepared, capacity } = shortlist;
  const base = sectionFourOutcome(prepared, settings);
  const sectionFourIssue = base.issues.find((issue) => issue.field === SETTING_NAMES.pipelineGoal) ?? null;
  const goal = capacityGoal(shortlist, settings, {
    budgetForGoal: base.summary.budgetForGoal,
    issue: sectionFourIssue,
  });
  const issues = base.issues.filter((issue) => issue !== sectionFourIssue);
  const { budget } = settings;
  const summary = { ...base.summary, budgetForGoal: goal.budgetForGoal };
  const leadsPerRep = (leads: number) => (settings.salesReps === null ? null : leads / settings.salesReps);

  const sectionFour = base.investments;
  if (sectionFour === null || base.summary.allocated === null) {
    if (goal.issue) issues.push(goal.issue);
    return {
      vehicles: prepared.vehicles.map((vehicle) => withExpectedLeads(unallocatedVehicle(vehicle), null)),
      summary: {
        ...summary,
        expectedLeads: null,
        leadCapacity: null,
        heldBackForCapacity: null,
        leadsPerRep: null,
      },
      issues,
      capacityBinds: false,
      shortlist,
    };
  }

  const at = allocateAt(shortlist, budget, undefined, sectionFour);
  const withLeads: LeadVehicleAllocation[] = new Array(prepared.vehicles.length);
  for (let i = 0; i < withLeads.length; i++) {
    const vehicle = prepared.vehicles[i];
    const x = at.investments[i];
    withLeads[i] = withExpectedLeads(vehicleAllocation(vehicle, x), leadsAt(vehicle, shortlist.leads[i], x));
  }
  const heldBack = heldBackAt(shortlist, budget, at);
  if (capacity !== null && at.floorsOverCapacity) {
    issues.push(
      capacityIssue(
        `The floors of the shortlist alone bring ${leadCount(shortlist.leadsOf(at.investments))}, more than ` +
          `${capacityWords(settings, capacity)}: every vehicle is held at its floor and ` +
          `${formatMoney(budget - at.allocated)} of the budget is left unallocated; ${MORE_CAPACITY}, or ` +
          "lower Min investment / Floor factor",
      ),
    );
  } else if (
    capacity !== null &&
    heldBack > 0 &&
    prepared.vehicles.some((vehicle, i) => at.investments[i] < vehicle.hi)
  ) {
    issues.push(
      capacityIssue(
        `${formatMoney(heldBack)} of the budget is held back: funding more would only buy leads beyond ` +
          `${capacityWords(settings, capacity)}, which sales cannot work; ${MORE_CAPACITY} to put it to use`,
      ),
    );
  }
  if (goal.issue) issues.push(goal.issue);
  const allocated = at.binds
    ? at.lambda !== null && at.lambda > 0
      ? budget
      : at.allocated
    : base.summary.allocated;
  return {
    vehicles: withLeads,
    summary: {
      ...summary,
      allocated,
      unallocated: budget - allocated,
      expectedPipeline: at.binds ? at.expectedPipeline : base.summary.expectedPipeline,
      expectedLeads: at.expectedLeads,
      leadCapacity: capacity,
      heldBackForCapacity: heldBack,
      leadsPerRep: leadsPerRep(at.expectedLeads),
    },
    issues,
    capacityBinds: at.binds,
    shortlist,
  };
}
