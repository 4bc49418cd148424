/**
 * SPEC 3: the seven questions of the vehicle filter. Each answer carries a
 * reason in plain words with the numbers that decided it; a Yes/No in the
 * row's `Qk` column replaces the computed answer.
 */
import type { Answer, Complexity, MessageLength, PlanSettings, QuestionAnswer, VehicleValues } from "./model";
import { formatMoney, formatPercent, formatPlain, formatRatio } from "./numberText";

/** A valid vehicle as the questions and the ranking see it. */
export interface ScoredVehicle {
  /** Trimmed Vehicle name. */
  name: string;
  /** Trimmed, lower-cased Channel (the name when blank): rows with one key are comparable. */
  channelKey: string;
  /** The channel as shown: trimmed Channel, or the name. */
  channelLabel: string;
  values: VehicleValues;
  /** P (or P × m when SPEC 9 asks what it would take). */
  pipeline: number;
  /** E. */
  efficiency: number;
  priorPipelinePerDollar: number | null;
}

/**
 * Rows the questions and the ranking read: an array, or rows kept in columns
 * (a plan's) and read through a cursor, so asking 100,000 rows makes no
 * object a row.
 */
export interface Rows<T> {
  readonly length: number;
  /** Row `row` through an object that may be moved to the next row asked for: read it before asking again. */
  cursorAt(row: number): T;
  /** Row `row` as an object of its own. */
  rowAt(row: number): T;
}

/** The valid vehicles the questions are asked of. */
export type ScoredRows = Rows<ScoredVehicle>;

/** An array as `Rows`; rows as they are. */
export function rowsOf<T>(rows: readonly T[] | Rows<T>): Rows<T> {
  if (!Array.isArray(rows)) return rows as Rows<T>;
  const list = rows as readonly T[];
  return { length: list.length, cursorAt: (row) => list[row], rowAt: (row) => list[row] };
}

export const HAND_REASON = "set by hand";

export function passes(answer: QuestionAnswer): boolean {
  return answer.answer !== "Fail";
}

/**
 * What the reasons of one row's answers are worded from, shared by its seven
 * answers: the row, the settings and the medians its questions 6 and 7 were
 * asked against.
 */
export class RowFigures {
  /** Question 7: the median E of the row's comparable set, and that set's size. */
  setMedian = 0;
  setSize = 0;

  constructor(
    /** Not readonly: the answer sheet decides every row with one RowFigures, moved from row to row. */
    public vehicle: ScoredVehicle,
    readonly settings: PlanSettings,
    /** Question 6: the median prior pipeline per dollar of the valid rows that have one. */
    readonly medianPriorPerDollar: number | null,
  ) {}
}

/** The figures of a row asked one question on its own, outside a plan. */
function figuresOf(values: VehicleValues, settings: PlanSettings, pipeline = 0): RowFigures {
  const vehicle: ScoredVehicle = {
    name: "",
    channelKey: "",
    channelLabel: "",
    values,
    pipeline,
    efficiency: 0,
    priorPipelinePerDollar: null,
  };
  return new RowFigures(vehicle, settings, null);
}

/** Words a reason from what decided the answer; module-level functions, so an answer allocates no closure. */
type Wording = (verdict: Verdict) => string;

/**
 * A computed answer whose reason is worded only when someone reads it: a plan
 * of 100,000 rows asks 700,000 questions and shows few of the reasons, and
 * wording them all (or even allocating a closure each) would cost more than
 * the rest of the plan. So an answer holds no more than its word, how to word
 * its reason and its row's figures. `toJSON` keeps it a plain
 * `{ answer, reason }` for anything that serialises it.
 */
class Verdict implements QuestionAnswer {
  // Private fields rather than properties: a plan's answers are plain { answer, reason } to anything
  // that walks them, never a way into the columns the row is read from.
  readonly #wording: Wording;
  readonly #figures: RowFigures;

  constructor(
    readonly answer: Answer,
    wording: Wording,
    figures: RowFigures,
  ) {
    this.#wording = wording;
    this.#figures = figures;
  }

  get figures(): RowFigures {
    return this.#figures;
  }

  get reason(): string {
    return this.#wording(this);
  }

  toJSON(): QuestionAnswer {
    return { answer: this.answer, reason: this.reason };
  }
}

/** Makes a computed answer: `verdict` with its reason, or `decisionOnly` when only Pass or Fail is wanted. */
export type MakeVerdict = (passed: boolean, wording: Wording, figures: RowFigures) => QuestionAnswer;

export function verdict(passed: boolean, wording: Wording, figures: RowFigures): QuestionAnswer {
  return new Verdict(passed ? "Pass" : "Fail", wording, figures);
}

/** A bare Pass or Fail without words, shared: what the ranking needs, and all it keeps of a computed answer. */
const DECIDED_PASS: QuestionAnswer = Object.freeze({ answer: "Pass", reason: "" });
const DECIDED_FAIL: QuestionAnswer = Object.freeze({ answer: "Fail", reason: "" });

export function decisionOnly(passed: boolean): QuestionAnswer {
  return passed ? DECIDED_PASS : DECIDED_FAIL;
}

/** An answer whose reason is fixed words, shared by every row that gets it. */
function fixed(answer: Answer, reason: string): QuestionAnswer {
  return Object.freeze({ answer, reason });
}

const BY_HAND = { yes: fixed("Pass", HAND_REASON), no: fixed("Fail", HAND_REASON) };
const NO_OBJECTIVES = fixed("n/a", "No Objectives given");
const NO_REACH_OR_RESONANCE = fixed("n/a", "Neither Reach nor Resonance given");
const NO_MESSAGE_LENGTH = fixed("n/a", "No Message length given");
const NO_SKILL = fixed("n/a", "Neither Skill today nor Skill tomorrow given");
const NO_SKILL_TODAY = fixed("n/a", "No Skill today given");
const NO_TRACK_RECORD = fixed("n/a", "No track record (Prior investment and Prior pipeline) given");
const TRACK_RECORD_REQUIRED = fixed(
  "Fail",
  "No track record (Prior investment and Prior pipeline), and one is required",
);
const NO_PRIOR_PIPELINE = fixed("Fail", "Prior pipeline is $0");

/** The Yes/No the row's `Qk` column gives question `question` (1-based), or null: compute it. */
export function handAnswer(values: VehicleValues, question: number): QuestionAnswer | null {
  const hand = values.handAnswers[question - 1];
  if (hand === true) return BY_HAND.yes;
  return hand === false ? BY_HAND.no : null;
}

function meetsOrIsBelow(verdict: Verdict): string {
  return verdict.answer === "Pass" ? "meets" : "is below";
}

function wordObjectiveFit({ answer, figures }: Verdict): string {
  const among = answer === "Pass" ? "is among" : "is not among";
  const objectives = (figures.vehicle.values.objectives ?? []).join(", ");
  return `Objective ${figures.settings.objective} ${among} its objectives (${objectives})`;
}

function askObjectiveFit(figures: RowFigures, make: MakeVerdict = verdict): QuestionAnswer {
  const objectives = figures.vehicle.values.objectives;
  if (objectives === null || objectives.length === 0) return NO_OBJECTIVES;
  return make(objectives.includes(figures.settings.objective), wordObjectiveFit, figures);
}

export function objectiveFit(values: VehicleValues, settings: PlanSettings): QuestionAnswer {
  return askObjectiveFit(figuresOf(values, settings));
}

function reachFails(values: VehicleValues, settings: PlanSettings): boolean {
  return values.reach !== null && values.reach < settings.minimumReach;
}

function resonanceFails(values: VehicleValues, settings: PlanSettings): boolean {
  return values.resonance !== null && values.resonance < settings.minimumResonance;
}

/** Names what failed; on a pass, what was met. */
function wordReachAndResonance({ answer, figures }: Verdict): string {
  const { settings } = figures;
  const { values } = figures.vehicle;
  const failed = answer === "Fail";
  const parts: string[] = [];
  if (values.reach !== null && reachFails(values, settings) === failed) {
    const verdict = failed ? "is below" : "meets";
    parts.push(
      `Reach ${formatPercent(values.reach)} ${verdict} the minimum of ${formatPercent(settings.minimumReach)}`,
    );
  }
  if (values.resonance !== null && resonanceFails(values, settings) === failed) {
    const verdict = failed ? "is below" : "meets";
    const minimum = formatPlain(settings.minimumResonance);
    parts.push(`Resonance ${formatPlain(values.resonance)} ${verdict} the minimum of ${minimum}`);
  }
  return parts.join("; ");
}

function askReachAndResonance(figures: RowFigures, make: MakeVerdict = verdict): QuestionAnswer {
  const { settings } = figures;
  const { values } = figures.vehicle;
  if (values.reach === null && values.resonance === null) return NO_REACH_OR_RESONANCE;
  const failed = reachFails(values, settings) || resonanceFails(values, settings);
  return make(!failed, wordReachAndResonance, figures);
}

export function reachAndResonance(values: VehicleValues, settings: PlanSettings): QuestionAnswer {
  return askReachAndResonance(figuresOf(values, settings));
}

const LENGTH_LEVEL: Record<MessageLength, number> = { Short: 1, Medium: 2, Long: 3 };
const COMPLEXITY_LEVEL: Record<Complexity, number> = { Simple: 1, Moderate: 2, Complex: 3 };

function wordMessageFit({ answer, figures }: Verdict): string {
  const fits = answer === "Pass" ? "fits" : "does not fit";
  return `A ${figures.vehicle.values.messageLength} format ${fits} a ${figures.settings.messageComplexity} message`;
}

function askMessageFit(figures: RowFigures, make: MakeVerdict = verdict): QuestionAnswer {
  const length = figures.vehicle.values.messageLength;
  if (length === null) return NO_MESSAGE_LENGTH;
  const distance = Math.abs(LENGTH_LEVEL[length] - COMPLEXITY_LEVEL[figures.settings.messageComplexity]);
  return make(distance < 2, wordMessageFit, figures);
}

export function messageFit(values: VehicleValues, settings: PlanSettings): QuestionAnswer {
  return askMessageFit(figuresOf(values, settings));
}

/** Question 4's level: the larger of the given skills when tomorrow counts, else Skill today. */
function skillLevel(values: VehicleValues, settings: PlanSettings): number | null {
  const { skillToday, skillTomorrow } = values;
  if (!settings.countSkillTomorrow || skillTomorrow === null) return skillToday;
  return skillToday === null ? skillTomorrow : Math.max(skillToday, skillTomorrow);
}

function wordSkills(verdict: Verdict): string {
  const { settings } = verdict.figures;
  const { values } = verdict.figures.vehicle;
  const level = skillLevel(values, settings) ?? 0;
  const { skillToday, skillTomorrow } = values;
  let described: string;
  if (!settings.countSkillTomorrow || skillTomorrow === null) described = `Skill today ${formatPlain(level)}`;
  else if (skillToday === null) described = `Skill tomorrow ${formatPlain(level)}`;
  else {
    described =
      `Skill ${formatPlain(level)} (the larger of today ${formatPlain(skillToday)} ` +
      `and tomorrow ${formatPlain(skillTomorrow)})`;
  }
  return `${described} ${meetsOrIsBelow(verdict)} the minimum of ${formatPlain(settings.minimumSkill)}`;
}

function askSkills(figures: RowFigures, make: MakeVerdict = verdict): QuestionAnswer {
  const { settings } = figures;
  const level = skillLevel(figures.vehicle.values, settings);
  if (level === null) return settings.countSkillTomorrow ? NO_SKILL : NO_SKILL_TODAY;
  return make(level >= settings.minimumSkill, wordSkills, figures);
}

export function skills(values: VehicleValues, settings: PlanSettings): QuestionAnswer {
  return askSkills(figuresOf(values, settings));
}

/** Minimum impact share × Pipeline goal / Bandwidth: the potential a vehicle must reach to pass question 5. */
export function impactThreshold(settings: PlanSettings): number {
  return (settings.minimumImpactShare * settings.pipelineGoal) / settings.bandwidth;
}

/** Question 5's test for a vehicle whose P is `pipeline`: Potential (Impact potential, else P) ≥ the threshold. */
export function meetsImpactThreshold(
  values: VehicleValues,
  pipeline: number,
  settings: PlanSettings,
): boolean {
  return (values.impactPotential ?? pipeline) >= impactThreshold(settings);
}

function wordImpactProfile(verdict: Verdict): string {
  const { vehicle, settings } = verdict.figures;
  const potential = vehicle.values.impactPotential ?? vehicle.pipeline;
  const source = vehicle.values.impactPotential === null ? "Pipeline" : "Impact potential";
  const basis =
    `${formatMoney(impactThreshold(settings))} (${formatPercent(settings.minimumImpactShare)} of the ` +
    `${formatMoney(settings.pipelineGoal)} goal ÷ ${formatPlain(settings.bandwidth)} ${settings.bandwidth === 1 ? "vehicle" : "vehicles"})`;
  return `Potential ${formatMoney(potential)} (${source}) ${meetsOrIsBelow(verdict)} ${basis}`;
}

function askImpactProfile(figures: RowFigures, make: MakeVerdict = verdict): QuestionAnswer {
  const { vehicle, settings } = figures;
  return make(meetsImpactThreshold(vehicle.values, vehicle.pipeline, settings), wordImpactProfile, figures);
}

/** Question 5 for a vehicle whose P is `pipeline`. */
export function impactProfile(
  values: VehicleValues,
  pipeline: number,
  settings: PlanSettings,
): QuestionAnswer {
  return askImpactProfile(figuresOf(values, settings, pipeline));
}

function wordTrackRecord(verdict: Verdict): string {
  const { vehicle, settings } = verdict.figures;
  const perDollar = vehicle.priorPipelinePerDollar ?? 0;
  const medianPerDollar = verdict.figures.medianPriorPerDollar ?? 0;
  const needed = settings.minimumRelativeReturn * medianPerDollar;
  return (
    `Prior pipeline per $ ${formatRatio(perDollar)} ${meetsOrIsBelow(verdict)} ${formatRatio(needed)} ` +
    `(${formatPlain(settings.minimumRelativeReturn)} × the median ${formatRatio(medianPerDollar)})`
  );
}

function askTrackRecord(figures: RowFigures, make: MakeVerdict = verdict): QuestionAnswer {
  const { vehicle, settings, medianPriorPerDollar } = figures;
  const perDollar = vehicle.priorPipelinePerDollar;
  if (perDollar === null || medianPriorPerDollar === null) {
    return settings.requireTrackRecord ? TRACK_RECORD_REQUIRED : NO_TRACK_RECORD;
  }
  if (!((vehicle.values.priorPipeline ?? 0) > 0)) return NO_PRIOR_PIPELINE;
  const enough = perDollar >= settings.minimumRelativeReturn * medianPriorPerDollar;
  return make(enough, wordTrackRecord, figures);
}

/** Question 6, given the median prior pipeline per dollar of all valid rows that have one. */
export function trackRecord(
  vehicle: ScoredVehicle,
  medianPriorPerDollar: number | null,
  settings: PlanSettings,
): QuestionAnswer {
  return askTrackRecord(new RowFigures(vehicle, settings, medianPriorPerDollar));
}

function wordEfficiency(verdict: Verdict): string {
  const { vehicle, setMedian, setSize } = verdict.figures;
  const label = vehicle.channelLabel;
  const basis =
    setSize === 1
      ? `its own ${formatRatio(setMedian)} (no other comparable vehicle in ${label})`
      : `the median ${formatRatio(setMedian)} of ${setSize} comparable vehicles in ${label}`;
  return `Efficiency ${formatRatio(vehicle.efficiency)} ${meetsOrIsBelow(verdict)} ${basis}`;
}

/** Question 7 against the median E and size of the row's comparable set, as its figures hold them. */
function askEfficiencyAgainstPeers(figures: RowFigures, make: MakeVerdict = verdict): QuestionAnswer {
  return make(figures.vehicle.efficiency >= figures.setMedian, wordEfficiency, figures);
}

/** Question 7, given the median E of the row's comparable set and that set's size. */
export function efficiencyAgainstPeers(
  vehicle: ScoredVehicle,
  setMedian: number,
  setSize: number,
  settings: PlanSettings,
): QuestionAnswer {
  const figures = new RowFigures(vehicle, settings, null);
  figures.setMedian = setMedian;
  figures.setSize = setSize;
  return askEfficiencyAgainstPeers(figures);
}

/** The seven questions, each asked of a row's figures (question 7 once its set's median is known). */
const ASKERS: readonly ((figures: RowFigures, make: MakeVerdict) => QuestionAnswer)[] = [
  askObjectiveFit,
  askReachAndResonance,
  askMessageFit,
  askSkills,
  askImpactProfile,
  askTrackRecord,
  askEfficiencyAgainstPeers,
];

/** The row's answer to question `index` + 1: its hand answer, else the question asked of its figures. */
export function answerOf(figures: RowFigures, index: number, make: MakeVerdict): QuestionAnswer {
  return handAnswer(figures.vehicle.values, index + 1) ?? ASKERS[index](figures, make);
}

/** How many questions the filter asks. */
export const QUESTIONS = ASKERS.length;
