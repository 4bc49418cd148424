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
  isZeroBlankField,
  NUMBER_FIELDS,
  NUMBER_RANGES,
  type NumberField,
  type NumberValues,
  type ZeroBlankField,
} from "./fields";
import type { FieldKey, MessageLength, ParsedVehicle, Stage, VehicleValues } from "./model";

/**
 * The fields held as numbers (NUMBER_FIELDS, fields.ts), each with the range
 * a plain number of its kind is read in as is: such a cell, the most common
 * kind, is read from the sheet's cells when asked for, so the columns keep no
 * copy of it. Anything else (text, a number out of range, NaN) goes through
 * its field's parser, and the columns keep what it gave.
 */
export { NUMBER_FIELDS, type NumberField } from "./fields";

const SLOTS = NUMBER_FIELDS.length;
// A row's parsed numbers are flagged by bit in 32 bits: a 33rd number field needs a wider mark.
if (SLOTS > 32) throw new Error(`${SLOTS} number fields: VehicleColumns marks at most 32`);
const SLOT: ReadonlyMap<FieldKey, number> = new Map(NUMBER_FIELDS.map((field, slot) => [field, slot]));

const LOWEST = Float64Array.from(NUMBER_RANGES, (range) => range[0]);
const HIGHEST = Float64Array.from(NUMBER_RANGES, (range) => range[1]);

/** True when `value` is a number slot `slot` reads as is. */
export function isNumberAsIs(value: CellValue | undefined, slot: number): value is number {
  return typeof value === "number" && value >= LOWEST[slot] && value <= HIGHEST[slot];
}

/** Each field's slot, or undefined for a field not held as a number. */
export function numberSlot(field: FieldKey): number | undefined {
  return SLOT.get(field);
}

/** 1 for the slots whose blank is 0 (Hours, Risk): a look-up by slot, as every row object made sets every slot. */
const ZERO_BLANK_SLOTS = Uint8Array.from(NUMBER_FIELDS, (field) => (isZeroBlankField(field) ? 1 : 0));

/** True when slot `slot`, whose field is `field`, reads a blank as 0. */
function zeroBlankSlot(field: NumberField, slot: number): field is ZeroBlankField {
  return ZERO_BLANK_SLOTS[slot] === 1;
}

/** Sets number slot `slot` of a row object's values; a blank (null) is 0 for the fields whose blank is 0. */
export function setNumberValue(values: VehicleValues, slot: number, value: number | null): void {
  const field = NUMBER_FIELDS[slot];
  if (zeroBlankSlot(field, slot)) values[field] = value ?? 0;
  else values[field] = value;
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
   * as 12): bit k of a row's `parsedSlots` (up to 32 slots, 32 bits) says slot k has one, in
   * `parsedBySlot[k]`, made for the slots that have any.
   */
  private readonly parsedSlots: Uint32Array;
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
    this.parsedSlots = new Uint32Array(capacity);
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
    return new RowValues(this, index);
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
 * A row's values as an object of its own. Made by a constructor that sets
 * every field in one order: V8 then gives each row room for all its fields at
 * once, where fields added one by one to an object literal made the rows of a
 * large table three times slower to make.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- its numbers come from the field table, which a class body cannot list
interface RowValues extends VehicleValues {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface
class RowValues {
  constructor(columns: VehicleColumns, index: number) {
    for (let slot = 0; slot < SLOTS; slot++) setNumberValue(this, slot, columns.number(index, slot));
    this.objectives = columns.objectives[index];
    this.messageLength = columns.messageLength(index);
    this.handAnswers = columns.handAnswers(index);
  }
}

/**
 * One row's values read straight from the columns, for the engine's loops:
 * one cursor is moved from row to row (`index`), so reading a table makes no
 * object a row. Whoever keeps values past the next row takes `valuesAt`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the number getters are made from the field table (the static block), which a class body cannot list
export interface ValuesCursor extends NumberValues {
  index: number;
}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface
export class ValuesCursor {
  index = 0;

  constructor(private readonly columns: VehicleColumns) {}

  static {
    for (let slot = 0; slot < SLOTS; slot++) {
      const get = isZeroBlankField(NUMBER_FIELDS[slot])
        ? function (this: ValuesCursor): number {
            return this.columns.number(this.index, slot) ?? 0;
          }
        : function (this: ValuesCursor): number | null {
            return this.columns.number(this.index, slot);
          };
      Object.defineProperty(this.prototype, NUMBER_FIELDS[slot], { get });
    }
  }

  get objectives(): Stage[] | null {
    return this.columns.objectives[this.index];
  }
  get messageLength(): MessageLength | null {
    return this.columns.messageLength(this.index);
  }
  get handAnswers(): (boolean | null)[] {
    return this.columns.handAnswers(this.index);
  }
}
