/**
 * SPEC 3 status: `Eliminated (Qk)` at the first failing question, else ranked
 * by efficiency; the first Bandwidth are `Shortlisted`, the rest `Reserve`.
 */
import type { PlanSettings, QuestionAnswer } from "./model";
import { AnswerSheet } from "./answerSheet";
import { passes, rowsOf, type Rows, type ScoredRows, type ScoredVehicle } from "./questions";

export const INVALID_STATUS = "Invalid input";
export const SHORTLISTED_STATUS = "Shortlisted";
export const RESERVE_STATUS = "Reserve";

/** The seven elimination statuses, made once: every eliminated row shares its status text. */
const ELIMINATED_STATUSES = [1, 2, 3, 4, 5, 6, 7].map((question) => `Eliminated (Q${question})`);

/** `Eliminated (Qk)` for question k, 1–7. */
export function eliminatedStatus(question: number): string {
  return ELIMINATED_STATUSES[question - 1];
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
  /** Trimmed name: its lower-case form is the last tie-break. */
  name: string;
}

/**
 * The last tie-break's key: the name lower-cased. Made only when efficiency
 * and pipeline tie, which is rare, so a plan does not lower-case every name.
 */
function tieBreakKey(fields: RankFields): string {
  return fields.name.toLowerCase();
}

/**
 * True when `a` ranks above `b`: higher E, then higher P, then the lower
 * name by UTF-16 code units (plain `<`, as JavaScript sorts strings; not a
 * locale's order).
 */
export function outranks(a: RankFields, b: RankFields): boolean {
  return compareRank(a, b) < 0;
}

/** -1 when `a` outranks `b`, 1 when `b` outranks `a`, else 0 (the same vehicle): the order of `outranks`. */
export function compareRank(a: RankFields, b: RankFields): number {
  if (a.efficiency !== b.efficiency) return a.efficiency > b.efficiency ? -1 : 1;
  if (a.pipeline !== b.pipeline) return a.pipeline > b.pipeline ? -1 : 1;
  const aKey = tieBreakKey(a);
  const bKey = tieBreakKey(b);
  return aKey < bKey ? -1 : bKey < aKey ? 1 : 0;
}

/** The first question (1-based) that fails, or null. */
export function firstFailing(answers: readonly QuestionAnswer[]): number | null {
  for (let index = 0; index < answers.length; index++) if (!passes(answers[index])) return index + 1;
  return null;
}

/**
 * The statuses of the rows not shortlisted, one object each for every row that gets it: nothing
 * changes a status once assigned (a shortlisted row gets its own, with its rank).
 */
const UNRANKED_STATUSES: readonly VehicleStatus[] = [
  Object.freeze({ status: RESERVE_STATUS, eliminatedAt: null, rank: null }),
  ...ELIMINATED_STATUSES.map((status, index) =>
    Object.freeze({ status, eliminatedAt: index + 1, rank: null }),
  ),
];

/** The status of each vehicle (same order as given) from its answers and the ranking. */
export function assignStatuses(
  vehicles: readonly RankFields[] | Rows<RankFields>,
  answers: AnswerSheet | readonly (readonly QuestionAnswer[])[],
  bandwidth: number,
): VehicleStatus[] {
  const rows = rowsOf(vehicles);
  const statuses = new Array<VehicleStatus>(rows.length);
  const contenders: { index: number; fields: RankFields }[] = [];
  for (let index = 0; index < rows.length; index++) {
    const failing =
      answers instanceof AnswerSheet ? answers.firstFailing(index) : firstFailing(answers[index]);
    if (failing === null) {
      // A copy: the cursor moves on.
      const { efficiency, pipeline, name } = rows.cursorAt(index);
      contenders.push({ index, fields: { efficiency, pipeline, name } });
    }
    statuses[index] = UNRANKED_STATUSES[failing ?? 0];
  }
  contenders.sort((a, b) => compareRank(a.fields, b.fields));
  const shortlisted = contenders.slice(0, bandwidth);
  for (let position = 0; position < shortlisted.length; position++) {
    statuses[shortlisted[position].index] = {
      status: SHORTLISTED_STATUS,
      eliminatedAt: null,
      rank: position + 1,
    };
  }
  return statuses;
}

export interface StatusEvaluation {
  /** Every row's answers: Pass / Fail / n/a at once, the reasons on asking. */
  answers: AnswerSheet;
  statuses: VehicleStatus[];
}

/** Questions and ranking of the valid vehicles, without the allocation: cheap enough to rerun for a what-if. */
export function evaluateStatuses(
  vehicles: readonly ScoredVehicle[] | ScoredRows,
  settings: PlanSettings,
): StatusEvaluation {
  const answers = new AnswerSheet(vehicles, settings);
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
