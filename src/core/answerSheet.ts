/**
 * SPEC 3's seven answers of every valid vehicle, kept in bytes (the statuses,
 * the ranking and what it would take read them), with each row's reasons
 * worded from the same rules when a face asks.
 */
import type { Answer, PlanSettings, QuestionAnswer, RowAnswers } from "./model";
import {
  answerOf,
  decisionOnly,
  QUESTIONS,
  RowFigures,
  rowsOf,
  verdict,
  type ScoredRows,
  type ScoredVehicle,
} from "./questions";
import { median, medianAfterChange } from "./sortedNumbers";

const ANSWER_CODES: Record<Answer, number> = { Pass: 0, Fail: 1, "n/a": 2 };
const ANSWERS: readonly Answer[] = ["Pass", "Fail", "n/a"];

/**
 * The seven answers of every valid vehicle, in the order given, kept as one
 * byte each: the statuses, the ranking and what it would take need no more,
 * and a plan of 100,000 rows would otherwise keep 700,000 answer objects. A
 * row's answers with their reasons are made when a face asks for them
 * (`answersOf`), by asking its questions again with the figures kept here, so
 * the words and the bytes come from the same rules.
 */
export class AnswerSheet {
  private readonly codes: Uint8Array;
  /** Question 7: each row's comparable-set median E and size. */
  private readonly setMedians: Float64Array;
  private readonly setSizes: Int32Array;
  /** Question 6: the median prior pipeline per dollar of the rows that have one. */
  readonly medianPriorPerDollar: number | null;

  readonly vehicles: ScoredRows;

  constructor(
    vehicles: readonly ScoredVehicle[] | ScoredRows,
    readonly settings: PlanSettings,
  ) {
    this.vehicles = rowsOf(vehicles);
    const rows = this.vehicles;
    const count = rows.length;
    this.codes = new Uint8Array(count * QUESTIONS);
    this.setMedians = new Float64Array(count);
    this.setSizes = new Int32Array(count);
    const priorPerDollar: number[] = [];
    for (let row = 0; row < count; row++) {
      const perDollar = rows.cursorAt(row).priorPipelinePerDollar;
      if (perDollar !== null) priorPerDollar.push(perDollar);
    }
    this.medianPriorPerDollar = median(priorPerDollar);
    if (count === 0) return;
    const figures = new RowFigures(rows.cursorAt(0), settings, this.medianPriorPerDollar);
    for (let row = 0; row < count; row++) {
      figures.vehicle = rows.cursorAt(row);
      for (let index = 0; index < 6; index++) {
        this.codes[row * QUESTIONS + index] = ANSWER_CODES[answerOf(figures, index, decisionOnly).answer];
      }
    }
    const passingByChannel = passingEfficienciesByChannel(rows, this);
    for (let row = 0; row < count; row++) {
      const vehicle = rows.cursorAt(row);
      const comparable = passingByChannel.get(vehicle.channelKey) ?? [];
      const inSet = this.passesFirst(row, 6);
      this.setMedians[row] =
        medianAfterChange(comparable, null, inSet ? null : vehicle.efficiency) ?? vehicle.efficiency;
      this.setSizes[row] = comparable.length + (inSet ? 0 : 1);
      figures.vehicle = vehicle;
      figures.setMedian = this.setMedians[row];
      figures.setSize = this.setSizes[row];
      this.codes[row * QUESTIONS + 6] = ANSWER_CODES[answerOf(figures, 6, decisionOnly).answer];
    }
  }

  /** Row `row`'s answer to question `index` + 1 (0-based `index`), without its reason. */
  answer(row: number, index: number): Answer {
    return ANSWERS[this.codes[row * QUESTIONS + index]];
  }

  /** True when none of the row's first `end` answers is Fail. */
  passesFirst(row: number, end: number): boolean {
    const first = row * QUESTIONS;
    for (let index = 0; index < end; index++)
      if (this.codes[first + index] === ANSWER_CODES.Fail) return false;
    return true;
  }

  /** The row's first failing question (1-based), or null. */
  firstFailing(row: number): number | null {
    const first = row * QUESTIONS;
    for (let index = 0; index < QUESTIONS; index++) {
      if (this.codes[first + index] === ANSWER_CODES.Fail) return index + 1;
    }
    return null;
  }

  /** How many of the row's answers are n/a. */
  notAsked(row: number): number {
    let count = 0;
    for (let index = 0; index < QUESTIONS; index++)
      if (this.codes[row * QUESTIONS + index] === ANSWER_CODES["n/a"]) count++;
    return count;
  }

  /** The figures row `row`'s reasons are worded from, on a cursor of its own. */
  private figuresOf(row: number): RowFigures {
    const figures = new RowFigures(this.vehicles.rowAt(row), this.settings, this.medianPriorPerDollar);
    figures.setMedian = this.setMedians[row];
    figures.setSize = this.setSizes[row];
    return figures;
  }

  /** Row `row`'s answer to question `index` + 1 with its reason, worded when read. */
  answerAt(row: number, index: number): QuestionAnswer {
    return answerOf(this.figuresOf(row), index, verdict);
  }

  /** The row's seven answers with their reasons, worded when read. */
  answersOf(row: number): QuestionAnswer[] {
    const figures = this.figuresOf(row);
    const answers = new Array<QuestionAnswer>(QUESTIONS);
    for (let index = 0; index < QUESTIONS; index++) answers[index] = answerOf(figures, index, verdict);
    return answers;
  }

  /** Row `row`'s answers as a plan hands them to the faces: one small object, asked when read. */
  rowAnswers(row: number): RowAnswers {
    return new SheetRowAnswers(this, row);
  }
}

class SheetRowAnswers implements RowAnswers {
  // Private fields: a plan stays plain data to anything that walks it, never a way into the answer sheet.
  readonly #sheet: AnswerSheet;
  readonly #row: number;

  constructor(sheet: AnswerSheet, row: number) {
    this.#sheet = sheet;
    this.#row = row;
  }

  answer(index: number): Answer {
    return this.#sheet.answer(this.#row, index);
  }

  at(index: number): QuestionAnswer {
    return this.#sheet.answerAt(this.#row, index);
  }

  list(): QuestionAnswer[] {
    return this.#sheet.answersOf(this.#row);
  }

  /** What serialising a plan shows: the answers as a list. */
  toJSON(): QuestionAnswer[] {
    return this.list();
  }
}

/** Ascending E of the rows of each channel that pass questions 1–6. */
export function passingEfficienciesByChannel(
  vehicles: readonly ScoredVehicle[] | ScoredRows,
  sheet: AnswerSheet,
): Map<string, number[]> {
  const rows = rowsOf(vehicles);
  const byChannel = new Map<string, number[]>();
  for (let index = 0; index < rows.length; index++) {
    if (!sheet.passesFirst(index, 6)) continue;
    const vehicle = rows.cursorAt(index);
    const list = byChannel.get(vehicle.channelKey);
    if (list) list.push(vehicle.efficiency);
    else byChannel.set(vehicle.channelKey, [vehicle.efficiency]);
  }
  for (const list of byChannel.values()) list.sort((a, b) => a - b);
  return byChannel;
}

/** The seven answers of every valid vehicle, with their reasons, in the order given. */
export function answerQuestions(
  vehicles: readonly ScoredVehicle[],
  settings: PlanSettings,
): QuestionAnswer[][] {
  const sheet = new AnswerSheet(vehicles, settings);
  return vehicles.map((_, row) => sheet.answersOf(row));
}
