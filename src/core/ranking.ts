/**
 * SPEC 3 status: `Eliminated (Qk)` at the first failing question, else ranked
 * by efficiency; the first Bandwidth are `Shortlisted`, the rest `Reserve`.
 */
import type { PlanSettings, QuestionAnswer } from "./model";
import { answerQuestions, passes, type ScoredVehicle } from "./questions";

export const INVALID_STATUS = "Invalid input";
export const SHORTLISTED_STATUS = "Shortlisted";
export const RESERVE_STATUS = "Reserve";

export function eliminatedStatus(question: number): string {
  return `Eliminated (Q${question})`;
}

export interface VehicleStatus {
  status: string;
  /** The first failing question, or null. */
  eliminatedAt: number | null;
  /** 1… for shortlisted vehicles, else null. */
  rank: number | null;
}

/** What the ranking compares. */
export interface RankFields {
  efficiency: number;
  pipeline: number;
  /** Trimmed name, lower-cased. */
  rankKey: string;
}

/**
 * True when `a` ranks above `b`: higher E, then higher P, then the lower
 * name by UTF-16 code units (plain `<`, as JavaScript sorts strings; not a
 * locale's order).
 */
export function outranks(a: RankFields, b: RankFields): boolean {
  if (a.efficiency !== b.efficiency) return a.efficiency > b.efficiency;
  if (a.pipeline !== b.pipeline) return a.pipeline > b.pipeline;
  return a.rankKey < b.rankKey;
}

export function compareRank(a: RankFields, b: RankFields): number {
  if (outranks(a, b)) return -1;
  return outranks(b, a) ? 1 : 0;
}

/** The first question (1-based) that fails, or null. */
export function firstFailing(answers: readonly QuestionAnswer[]): number | null {
  const index = answers.findIndex((answer) => !passes(answer));
  return index < 0 ? null : index + 1;
}

/** The status of each vehicle (same order as given) from its answers and the ranking. */
export function assignStatuses(
  vehicles: readonly RankFields[],
  answers: readonly (readonly QuestionAnswer[])[],
  bandwidth: number,
): VehicleStatus[] {
  const statuses: VehicleStatus[] = [];
  const contenders: number[] = [];
  vehicles.forEach((_, index) => {
    const failing = firstFailing(answers[index]);
    if (failing === null) contenders.push(index);
    statuses.push({
      status: failing === null ? RESERVE_STATUS : eliminatedStatus(failing),
      eliminatedAt: failing,
      rank: null,
    });
  });
  contenders.sort((a, b) => compareRank(vehicles[a], vehicles[b]));
  contenders.slice(0, bandwidth).forEach((index, position) => {
    statuses[index] = { status: SHORTLISTED_STATUS, eliminatedAt: null, rank: position + 1 };
  });
  return statuses;
}

export interface StatusEvaluation {
  answers: QuestionAnswer[][];
  statuses: VehicleStatus[];
}

/** Questions and ranking of the valid vehicles, without the allocation: cheap enough to rerun for a what-if. */
export function evaluateStatuses(
  vehicles: readonly ScoredVehicle[],
  settings: PlanSettings,
): StatusEvaluation {
  const answers = answerQuestions(vehicles, settings);
  return { answers, statuses: assignStatuses(vehicles, answers, settings.bandwidth) };
}

/** Indices of the shortlisted vehicles in rank order. */
export function shortlistOrder(statuses: readonly VehicleStatus[]): number[] {
  const order: number[] = [];
  statuses.forEach((status, index) => {
    if (status.rank !== null) order[status.rank - 1] = index;
  });
  return order;
}
