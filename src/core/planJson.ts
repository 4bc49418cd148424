/** SPEC 7: the `--json` document of a plan, keys in the SPEC's order. */
import { dayTimeToIso } from "./dates";
import type { LeadHealth, RepLeadHealth, VehicleLeadHealth } from "./leadHealth";
import type { Answer, Bound, Plan, PlannedVehicle } from "./model";
import { finiteOrNull } from "./numberText";
import { settingsToJson } from "./settings";

export interface VehicleJson {
  vehicle: string;
  channel: string;
  row: number;
  status: string;
  eliminatedAt: number | null;
  answers: Answer[] | null;
  pipeline: number | null;
  pipelinePerDollar: number | null;
  costPerLead: number | null;
  efficiency: number | null;
  rank: number | null;
  recommendedInvestment: number | null;
  expectedPipeline: number | null;
  bound: Bound | null;
  marginalPer1k: number | null;
  toShortlist: number | null;
  expectedLeads: number | null;
  pipelinePerLead: number | null;
  rottingRate: number | null;
}

export interface AllocationJson {
  budget: number | null;
  allocated: number | null;
  unallocated: number | null;
  expectedPipeline: number | null;
  pipelineGoal: number | null;
  budgetForGoal: number | null;
  expectedLeads: number | null;
  leadCapacity: number | null;
  heldBackForCapacity: number | null;
  leadsPerRep: number | null;
}

export interface BudgetCurveJson {
  budget: number | null;
  expectedPipeline: number | null;
  expectedLeads: number | null;
  marginalPer1k: number | null;
  pipelinePerDollar: number | null;
  note: string | null;
}

export interface MixJson {
  channel: string;
  currentInvestment: number | null;
  currentShare: number | null;
  currentPipeline: number | null;
  pipelinePerDollar: number | null;
  recommendedInvestment: number | null;
  recommendedShare: number | null;
  expectedPipeline: number | null;
  change: number | null;
  attentionShare: number | null;
  gap: number | null;
}

export interface IssueJson {
  severity: "error" | "warning" | "info";
  cell: string | null;
  field: string;
  message: string;
}

/** SPEC 7 `leadHealth`: the rows as the engine has them, their undefined figures null. */
export interface LeadHealthJson {
  asOf: string | null;
  byVehicle: VehicleLeadHealth[];
  byRep: RepLeadHealth[];
}

export interface PlanJson {
  settings: ReturnType<typeof settingsToJson>;
  vehicles: VehicleJson[];
  allocation: AllocationJson;
  mix: MixJson[];
  budgetCurve: BudgetCurveJson[];
  /** SPEC 10.2; null without a lead log. */
  leadHealth: LeadHealthJson | null;
  issues: IssueJson[];
}

function vehicleJson(vehicle: PlannedVehicle): VehicleJson {
  return {
    vehicle: vehicle.vehicle,
    channel: vehicle.channel,
    row: vehicle.row,
    status: vehicle.status,
    eliminatedAt: vehicle.eliminatedAt,
    answers: vehicle.answers === null ? null : vehicle.answers.list().map((answer) => answer.answer),
    pipeline: finiteOrNull(vehicle.pipeline),
    pipelinePerDollar: finiteOrNull(vehicle.pipelinePerDollar),
    costPerLead: finiteOrNull(vehicle.costPerLead),
    efficiency: finiteOrNull(vehicle.efficiency),
    rank: vehicle.rank,
    recommendedInvestment: finiteOrNull(vehicle.recommendedInvestment),
    expectedPipeline: finiteOrNull(vehicle.expectedPipeline),
    bound: vehicle.bound,
    marginalPer1k: finiteOrNull(vehicle.marginalPer1k),
    toShortlist: finiteOrNull(vehicle.toShortlist),
    expectedLeads: finiteOrNull(vehicle.expectedLeads),
    pipelinePerLead: finiteOrNull(vehicle.pipelinePerLead),
    rottingRate: finiteOrNull(vehicle.rottingRate),
  };
}

/** SPEC 10.2 `leadHealth`: the `Lead Health` columns as camelCase keys, `Total` last in each list. */
export function leadHealthToJson(health: LeadHealth): LeadHealthJson {
  return {
    asOf: health.asOf === null ? null : dayTimeToIso(health.asOf),
    byVehicle: health.byVehicle.map((row) => ({
      vehicle: row.vehicle,
      leads: row.leads,
      inProcess: row.inProcess,
      rotting: row.rotting,
      rottingRate: finiteOrNull(row.rottingRate),
      touchedLate: row.touchedLate,
      touchedLateRate: finiteOrNull(row.touchedLateRate),
      medianHoursToFirstTouch: finiteOrNull(row.medianHoursToFirstTouch),
    })),
    byRep: health.byRep.map((row) => ({
      owner: row.owner,
      inProcess: row.inProcess,
      rotting: row.rotting,
      rottingRate: finiteOrNull(row.rottingRate),
      leadsPerRep: finiteOrNull(row.leadsPerRep),
      load: finiteOrNull(row.load),
    })),
  };
}

export function planToJson(plan: Plan): PlanJson {
  const { allocation } = plan;
  return {
    settings: settingsToJson(plan.settings),
    vehicles: plan.vehicles.map(vehicleJson),
    allocation: {
      budget: finiteOrNull(allocation.budget),
      allocated: finiteOrNull(allocation.allocated),
      unallocated: finiteOrNull(allocation.unallocated),
      expectedPipeline: finiteOrNull(allocation.expectedPipeline),
      pipelineGoal: finiteOrNull(allocation.pipelineGoal),
      budgetForGoal: finiteOrNull(allocation.budgetForGoal),
      expectedLeads: finiteOrNull(allocation.expectedLeads),
      leadCapacity: finiteOrNull(allocation.leadCapacity),
      heldBackForCapacity: finiteOrNull(allocation.heldBackForCapacity),
      leadsPerRep: finiteOrNull(allocation.leadsPerRep),
    },
    mix: plan.mix.map((row) => ({
      channel: row.channel,
      currentInvestment: finiteOrNull(row.currentInvestment),
      currentShare: finiteOrNull(row.currentShare),
      currentPipeline: finiteOrNull(row.currentPipeline),
      pipelinePerDollar: finiteOrNull(row.pipelinePerDollar),
      recommendedInvestment: finiteOrNull(row.recommendedInvestment),
      recommendedShare: finiteOrNull(row.recommendedShare),
      expectedPipeline: finiteOrNull(row.expectedPipeline),
      change: finiteOrNull(row.change),
      attentionShare: finiteOrNull(row.attentionShare),
      gap: finiteOrNull(row.gap),
    })),
    budgetCurve: plan.budgetCurve.map((row) => ({
      budget: finiteOrNull(row.budget),
      expectedPipeline: finiteOrNull(row.expectedPipeline),
      expectedLeads: finiteOrNull(row.expectedLeads),
      marginalPer1k: finiteOrNull(row.marginalPer1k),
      pipelinePerDollar: finiteOrNull(row.pipelinePerDollar),
      note: row.note,
    })),
    leadHealth: plan.leadHealth ? leadHealthToJson(plan.leadHealth) : null,
    issues: plan.issues.map((issue) => ({
      severity: issue.severity,
      cell: issue.cell,
      field: issue.field,
      message: issue.message,
    })),
  };
}
