/**
 * The parsed vehicle table kept column by column: plain numbers read from the
 * sheet's cells, parsed numbers in typed arrays, text and lists in one array
 * per field. A table of 100,000 rows read into one object per row (and one
 * per fractional number) kept the garbage collector copying and the system
 * handing out fresh pages for most of the engine's time; in columns the
 * engine makes no object per row at all. The row objects the faces show
 * (`ParsedVehicle`) are made from the columns when asked for.
 */
import type { CellValue } from "./cells";
import type { Issue } from "./issues";
import {
  FIELD_KEYS,
  type FieldKey,
  type MessageLength,
  type ParsedVehicle,
  type Stage,
  type VehicleValues,
} from "./model";

/**
 * The fields held as numbers, and the range a plain number of each is read in
 * as is: such a cell, the most common kind, is read from the sheet's cells
 * when asked for, so the columns keep no copy of it. Anything else (text, a
 * number out of range, NaN) goes through its field's parser, and the columns
 * keep what it gave.
 */
const MONEY_RANGE = [0, Number.MAX_VALUE] as const;
const RATE_RANGE = [0, 1] as const;
const SCORE_RANGE = [1, 5] as const;
const AS_IS_RANGE = {
  investment: MONEY_RANGE,
  leads: MONEY_RANGE,
  conversion: RATE_RANGE,
  dealSize: MONEY_RANGE,
  pipeline: MONEY_RANGE,
  reach: RATE_RANGE,
  resonance: SCORE_RANGE,
  skillToday: SCORE_RANGE,
  skillTomorrow: SCORE_RANGE,
  impactPotential: MONEY_RANGE,
  priorInvestment: MONEY_RANGE,
  priorPipeline: MONEY_RANGE,
  hours: MONEY_RANGE,
  risk: RATE_RANGE,
  minInvestment: MONEY_RANGE,
  maxInvestment: MONEY_RANGE,
} as const satisfies Partial<Record<FieldKey, readonly [number, number]>>;
export type NumberField = keyof typeof AS_IS_RANGE;

/** The fields held as numbers, in the table's order; a field's place here is its slot. */
export const NUMBER_FIELDS: readonly NumberField[] = FIELD_KEYS.filter(
  (field): field is NumberField => field in AS_IS_RANGE,
);

const SLOTS = NUMBER_FIELDS.length;
const SLOT = Object.fromEntries(NUMBER_FIELDS.map((field, slot) => [field, slot])) as Record<
  NumberField,
  number
>;

const LOWEST = Float64Array.from(NUMBER_FIELDS, (field) => AS_IS_RANGE[field][0]);
const HIGHEST = Float64Array.from(NUMBER_FIELDS, (field) => AS_IS_RANGE[field][1]);

/** True when `value` is a number slot `slot` reads as is. */
export function isNumberAsIs(value: CellValue | undefined, slot: number): value is number {
  return typeof value === "number" && value >= LOWEST[slot] && value <= HIGHEST[slot];
}

/** Each field's slot, or undefined for a field not held as a number. */
export function numberSlot(field: FieldKey): number | undefined {
  return (SLOT as Partial<Record<FieldKey, number>>)[field];
}

/**
 * The problems of a row that has none, shared: most rows have no problem, and
 * an empty array a row adds up on a large table. Frozen, so a push fails loudly.
 */
export const NO_ISSUES: Issue[] = Object.freeze([]) as unknown as Issue[];

/** The hand answers of a row that sets none, shared for the same reason (frozen too). */
export const NO_HAND_ANSWERS: (boolean | null)[] = Object.freeze(
  Array<boolean | null>(7).fill(null),
) as unknown as (boolean | null)[];

const NO_CELLS: readonly CellValue[] = Object.freeze([]);

/** Where a row's cells are, for its messages: the reader's layout, or the cells a row object carries. */
export interface CellLocator {
  /** The A1 reference of the row's cell of `field`, or undefined when the table has no such column. */
  cellOf(index: number, field: FieldKey): string | undefined;
  /** The reference of the row's first cell. */
  anchorOf(index: number): string;
  /** The row as an object of its own. */
  vehicleAt(index: number): ParsedVehicle;
}

/** Message lengths by code; code 0 is blank. */
const MESSAGE_LENGTH_CODES: readonly (MessageLength | null)[] = [null, "Short", "Medium", "Long"];
const MESSAGE_LENGTH_CODE: Record<MessageLength, number> = { Short: 1, Medium: 2, Long: 3 };

export class VehicleColumns {
  count = 0;
  /** Sheet row numbers. */
  readonly rows: Int32Array;
  /** Each row's cells in the sheet's block: its plain numbers are read from there. */
  readonly cellRows: (readonly CellValue[])[];
  /**
   * The numbers that came from a parser (text such as "$1.2k", a rate given
   * as 12): bit k of a row's `parsedSlots` (16 slots, 16 bits) says slot k has one, in
   * `parsedBySlot[k]`, made for the slots that have any.
   */
  private readonly parsedSlots: Uint16Array;
  private readonly parsedBySlot: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(SLOTS);
  private readonly messageLengthCodes: Uint8Array;
  // Made at full size rather than grown by push: growing a list of 100,000 copies it some
  // twenty times, and on a large table each copy is memory fresh from the system.
  readonly names: string[];
  readonly channelTexts: string[];
  readonly objectives: (Stage[] | null)[];
  /** What few rows have, by row: hand answers, errors, warnings. */
  private readonly handAnswersByRow = new Map<number, (boolean | null)[]>();
  private readonly errorsByRow = new Map<number, Issue[]>();
  private readonly warningsByRow = new Map<number, Issue[]>();

  constructor(
    capacity: number,
    readonly cells: CellLocator,
    /** Each number slot's column in `cellRows`, or -1 when the table has none. */
    private readonly cellColumnOfSlot: Int32Array,
  ) {
    this.rows = new Int32Array(capacity);
    this.cellRows = new Array<readonly CellValue[]>(capacity);
    this.parsedSlots = new Uint16Array(capacity);
    this.messageLengthCodes = new Uint8Array(capacity);
    this.names = new Array<string>(capacity);
    this.channelTexts = new Array<string>(capacity);
    this.objectives = new Array<Stage[] | null>(capacity);
  }

  /** Number slot `slot` of row `index`, or null when blank. */
  number(index: number, slot: number): number | null {
    if ((this.parsedSlots[index] >> slot) & 1) return (this.parsedBySlot[slot] as Float64Array)[index];
    const column = this.cellColumnOfSlot[slot];
    if (column < 0) return null;
    const cell = this.cellRows[index][column];
    // + 0 turns -0 into 0. A cell neither read as is nor parsed to a number is blank, or an error of its row.
    return isNumberAsIs(cell, slot) ? cell + 0 : null;
  }

  setParsedNumber(index: number, slot: number, value: number): void {
    let parsed = this.parsedBySlot[slot];
    if (parsed === undefined) {
      parsed = new Float64Array(this.rows.length);
      this.parsedBySlot[slot] = parsed;
    }
    parsed[index] = value;
    this.parsedSlots[index] |= 1 << slot;
  }

  messageLength(index: number): MessageLength | null {
    return MESSAGE_LENGTH_CODES[this.messageLengthCodes[index]];
  }

  handAnswers(index: number): (boolean | null)[] {
    return this.handAnswersByRow.get(index) ?? NO_HAND_ANSWERS;
  }

  errors(index: number): Issue[] {
    return this.errorsByRow.get(index) ?? NO_ISSUES;
  }

  warnings(index: number): Issue[] {
    return this.warningsByRow.get(index) ?? NO_ISSUES;
  }

  /** Row `index`'s fields other than its numbers. */
  setRow(
    index: number,
    row: Pick<ParsedVehicle, "name" | "channelText" | "errors" | "warnings">,
    values: Pick<VehicleValues, "objectives" | "messageLength" | "handAnswers">,
  ): void {
    this.names[index] = row.name;
    this.channelTexts[index] = row.channelText;
    this.objectives[index] = values.objectives;
    this.messageLengthCodes[index] =
      values.messageLength === null ? 0 : MESSAGE_LENGTH_CODE[values.messageLength];
    if (values.handAnswers !== NO_HAND_ANSWERS) this.handAnswersByRow.set(index, values.handAnswers);
    if (row.errors.length > 0) this.errorsByRow.set(index, row.errors);
    if (row.warnings.length > 0) this.warningsByRow.set(index, row.warnings);
  }

  /** Row `index`'s values as a plain object of its own. */
  valuesAt(index: number): VehicleValues {
    const cursor = new ValuesCursor(this);
    cursor.index = index;
    // Written out field by field: every row the plan shows comes through here, and an object
    // built from entries and a spread cost the whole plan three times its time.
    return {
      investment: cursor.investment,
      leads: cursor.leads,
      conversion: cursor.conversion,
      dealSize: cursor.dealSize,
      pipeline: cursor.pipeline,
      objectives: cursor.objectives,
      reach: cursor.reach,
      resonance: cursor.resonance,
      messageLength: cursor.messageLength,
      skillToday: cursor.skillToday,
      skillTomorrow: cursor.skillTomorrow,
      impactPotential: cursor.impactPotential,
      priorInvestment: cursor.priorInvestment,
      priorPipeline: cursor.priorPipeline,
      hours: cursor.hours,
      risk: cursor.risk,
      minInvestment: cursor.minInvestment,
      maxInvestment: cursor.maxInvestment,
      handAnswers: cursor.handAnswers,
    };
  }

  /** The A1 reference a problem of row `index` with `field` is reported at. */
  problemCell(index: number, field: FieldKey): string {
    return this.cells.cellOf(index, field) ?? this.cells.anchorOf(index);
  }

  /** Columns holding `vehicles` (rows made by hand, or changed by a scenario or a what-if). */
  static fromVehicles(vehicles: readonly ParsedVehicle[]): VehicleColumns {
    const locator: CellLocator = {
      cellOf: (index, field) => vehicles[index].cells[field],
      anchorOf: (index) => vehicles[index].rowAnchor,
      vehicleAt: (index) => vehicles[index],
    };
    // No cells to read from: every number is kept as given.
    const columns = new VehicleColumns(vehicles.length, locator, new Int32Array(SLOTS).fill(-1));
    for (const vehicle of vehicles) {
      const index = columns.count++;
      const { values } = vehicle;
      columns.rows[index] = vehicle.row;
      columns.cellRows[index] = NO_CELLS;
      for (let slot = 0; slot < SLOTS; slot++) {
        const value = values[NUMBER_FIELDS[slot]];
        if (value !== null) columns.setParsedNumber(index, slot, value);
      }
      columns.setRow(index, vehicle, values);
    }
    return columns;
  }
}

/**
 * One row's values read straight from the columns, for the engine's loops:
 * one cursor is moved from row to row (`index`), so reading a table makes no
 * object a row. Whoever keeps values past the next row takes `valuesAt`.
 */
export class ValuesCursor implements VehicleValues {
  index = 0;

  constructor(private readonly columns: VehicleColumns) {}

  private at(slot: number): number | null {
    return this.columns.number(this.index, slot);
  }

  get investment(): number | null {
    return this.at(SLOT.investment);
  }
  get leads(): number | null {
    return this.at(SLOT.leads);
  }
  get conversion(): number | null {
    return this.at(SLOT.conversion);
  }
  get dealSize(): number | null {
    return this.at(SLOT.dealSize);
  }
  get pipeline(): number | null {
    return this.at(SLOT.pipeline);
  }
  get objectives(): Stage[] | null {
    return this.columns.objectives[this.index];
  }
  get reach(): number | null {
    return this.at(SLOT.reach);
  }
  get resonance(): number | null {
    return this.at(SLOT.resonance);
  }
  get messageLength(): MessageLength | null {
    return this.columns.messageLength(this.index);
  }
  get skillToday(): number | null {
    return this.at(SLOT.skillToday);
  }
  get skillTomorrow(): number | null {
    return this.at(SLOT.skillTomorrow);
  }
  get impactPotential(): number | null {
    return this.at(SLOT.impactPotential);
  }
  get priorInvestment(): number | null {
    return this.at(SLOT.priorInvestment);
  }
  get priorPipeline(): number | null {
    return this.at(SLOT.priorPipeline);
  }
  get hours(): number {
    return this.at(SLOT.hours) ?? 0;
  }
  get risk(): number {
    return this.at(SLOT.risk) ?? 0;
  }
  get minInvestment(): number | null {
    return this.at(SLOT.minInvestment);
  }
  get maxInvestment(): number | null {
    return this.at(SLOT.maxInvestment);
  }
  get handAnswers(): (boolean | null)[] {
    return this.columns.handAnswers(this.index);
  }
}
