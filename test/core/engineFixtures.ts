/** Hand-built vehicles and settings for the engine's unit tests. */
import { basePipeline, efficiencyOf, priorPipelinePerDollar } from "../../src/core/metrics";
import type {
  MixRow,
  Plan,
  PlannedVehicle,
  PlanSettings,
  QuestionAnswer,
  RowAnswers,
  VehicleValues,
} from "../../src/core/model";
import type { ScoredVehicle } from "../../src/core/questions";

export const DEFAULT_SETTINGS: PlanSettings = {
  objective: "Conversion",
  bandwidth: 5,
  budget: 100_000,
  pipelineGoal: 0,
  messageComplexity: "Moderate",
  minimumReach: 0.2,
  minimumResonance: 3,
  minimumSkill: 3,
  countSkillTomorrow: true,
  minimumImpactShare: 0.5,
  minimumRelativeReturn: 0.5,
  requireTrackRecord: false,
  hourlyRate: 100,
  returnsElasticity: 0.7,
  floorFactor: 0.5,
  ceilingFactor: 2,
  salesReps: null,
  leadsPerRep: null,
  leadExpiry: 24,
  asOf: null,
};

export function settingsWith(changes: Partial<PlanSettings> = {}): PlanSettings {
  return { ...DEFAULT_SETTINGS, ...changes };
}

export function valuesWith(changes: Partial<VehicleValues> = {}): VehicleValues {
  return {
    investment: 10_000,
    leads: 100,
    conversion: null,
    dealSize: null,
    pipeline: 50_000,
    objectives: null,
    reach: null,
    resonance: null,
    messageLength: null,
    skillToday: null,
    skillTomorrow: null,
    impactPotential: null,
    priorInvestment: null,
    priorPipeline: null,
    hours: 0,
    risk: 0,
    minInvestment: null,
    maxInvestment: null,
    handAnswers: [null, null, null, null, null, null, null],
    ...changes,
  };
}

/** A valid vehicle as the questions see it, its metrics computed from its values. */
export function scored(
  name: string,
  changes: Partial<VehicleValues> = {},
  channel = "",
  settings: PlanSettings = DEFAULT_SETTINGS,
): ScoredVehicle {
  const values = valuesWith(changes);
  const pipeline = basePipeline(values) ?? 0;
  return {
    name,
    channelKey: (channel || name).toLowerCase(),
    channelLabel: channel || name,
    values,
    pipeline,
    efficiency: efficiencyOf(values, settings.hourlyRate, pipeline) ?? 0,
    priorPipelinePerDollar: priorPipelinePerDollar(values),
  };
}

/** Seven hand answers: "Y", "N" or "-" (compute it) per question. */
export function hand(pattern: string): (boolean | null)[] {
  return [...pattern].map((mark) => (mark === "Y" ? true : mark === "N" ? false : null));
}

/** A row's answers given as a list, as a plan hands them to the faces. */
export function listedAnswers(list: readonly QuestionAnswer[]): RowAnswers {
  return { answer: (index) => list[index].answer, at: (index) => list[index], list: () => [...list] };
}

function isList(
  answers: readonly QuestionAnswer[] | RowAnswers | null,
): answers is readonly QuestionAnswer[] {
  return Array.isArray(answers);
}

/** A planned vehicle; its answers, if changed, may be given as a list. */
export function plannedVehicle(
  changes: Omit<Partial<PlannedVehicle>, "answers"> & {
    answers?: readonly QuestionAnswer[] | RowAnswers | null;
  } = {},
): PlannedVehicle {
  const { answers, ...others } = changes;
  return {
    vehicle: "Webinar",
    channel: "Digital",
    row: 2,
    status: "Reserve",
    eliminatedAt: null,
    answers: listedAnswers(Array.from({ length: 7 }, () => ({ answer: "Pass" as const, reason: "ok" }))),
    invalidReasons: [],
    investment: 10_000,
    pipeline: 30_000,
    pipelinePerDollar: 3,
    costPerLead: 100,
    efficiency: 3,
    resourceCost: 10_000,
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
    ...others,
    ...(answers === undefined ? {} : { answers: isList(answers) ? listedAnswers(answers) : answers }),
  };
}

export function planWith(vehicles: PlannedVehicle[], mix: MixRow[] = []): Plan {
  return {
    settings: settingsWith(),
    vehicles,
    allocation: {
      budget: 10_000,
      allocated: 10_000,
      unallocated: 0,
      expectedPipeline: 30_000,
      pipelineGoal: 30_000,
      budgetForGoal: 10_000,
      expectedLeads: 100,
      leadCapacity: null,
      heldBackForCapacity: 0,
      leadsPerRep: null,
    },
    mix,
    budgetCurve: [],
    issues: [],
  };
}
