/**
 * Where a row keeps each field's parsed value, said once for every field:
 * the vehicle table's reader (into its columns) and a row changed by a
 * scenario or a what-if (a row object) both store through these. A field
 * held as a number needs nothing here beyond its row in fields.ts.
 */
import { NUMBER_FIELDS, type FieldKey, type FieldValues, type NumberField } from "./fields";
import type { MessageLength, Stage } from "./model";

/** A row that takes parsed values; null is a blank (a changed row's cleared cell). */
export interface FieldTarget {
  setName(name: string): void;
  setChannel(channel: string): void;
  setObjectives(stages: Stage[] | null): void;
  setMessageLength(length: MessageLength | null): void;
  /** Question k's hand answer (k = 1…7). */
  setHandAnswer(question: number, answer: boolean | null): void;
  /** Number slot `slot` (a field's place in NUMBER_FIELDS). */
  setNumber(slot: number, value: number | null): void;
}

export type FieldStore<T> = (target: FieldTarget, value: T | null) => void;

const NUMBER_STORES = Object.fromEntries(
  NUMBER_FIELDS.map((field, slot): [NumberField, FieldStore<number>] => [
    field,
    (target, value) => target.setNumber(slot, value),
  ]),
  // One entry a number field, each storing a number, as the mapped type says; fromEntries cannot know that.
) as { [K in NumberField]: FieldStore<number> };

function handAnswer(question: number): FieldStore<boolean> {
  return (target, answer) => target.setHandAnswer(question, answer);
}

/** Each field's store; a blank Vehicle or Channel is ''. */
export const FIELD_STORES: { [K in FieldKey]: FieldStore<FieldValues[K]> } = {
  ...NUMBER_STORES,
  vehicle: (target, name) => target.setName(name ?? ""),
  channel: (target, channel) => target.setChannel(channel ?? ""),
  objectives: (target, stages) => target.setObjectives(stages),
  messageLength: (target, length) => target.setMessageLength(length),
  q1: handAnswer(1),
  q2: handAnswer(2),
  q3: handAnswer(3),
  q4: handAnswer(4),
  q5: handAnswer(5),
  q6: handAnswer(6),
  q7: handAnswer(7),
};
