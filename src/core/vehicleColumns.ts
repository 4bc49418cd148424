/**
 * The parsed vehicle table kept column by column: numbers in one typed array,
 * text and lists in one array per field. A table of 100,000 rows read into one
 * object per row (and one per fractional number) keeps the garbage collector
 * copying and the system handing out fresh pages for most of the plan's time;
 * in columns the engine makes no object per row at all. The row objects the
 * faces show (`ParsedVehicle`) are made from the columns when asked for.
 */
import type { Issue } from "./issues";
import type { FieldKey, MessageLength, ParsedVehicle, Stage, VehicleValues } from "./model";

/** The fields held as numbers, in the order of a row's slots in `VehicleColumns.numbers`. */
export const NUMBER_FIELDS = [
  "investment",
  "leads",
  "conversion",
  "dealSize",
  "pipeline",
  "reach",
  "resonance",
  "skillToday",
  "skillTomorrow",
  "impactPotential",
  "priorInvestment",
  "priorPipeline",
  "hours",
  "risk",
  "minInvestment",
  "maxInvestment",
] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

const SLOTS = NUMBER_FIELDS.length;
const SLOT = Object.fromEntries(NUMBER_FIELDS.map((field, slot) => [field, slot])) as Record<
  NumberField,
  number
>;

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

/** Where a row's cells are, for its messages: the reader's layout, or the cells a row object carries. */
export interface CellLocator {
  /** The A1 reference of the row's cell of `field`, or undefined when the table has no such column. */
  cellOf(index: number, field: FieldKey): string | undefined;
  /** The reference of the row's first cell. */
  anchorOf(index: number): string;
  /** The row as an object of its own. */
  vehicleAt(index: number): ParsedVehicle;
}

export class VehicleColumns {
  count = 0;
  /** Sheet row numbers. */
  readonly rows: Int32Array;
  /** `SLOTS` numbers a row; a slot counts only where `given` is 1. */
  readonly numbers: Float64Array;
  readonly given: Uint8Array;
  // Made at full size rather than grown by push: growing a list of 100,000 copies it some
  // twenty times, and on a large table each copy is memory fresh from the system.
  readonly names: string[];
  readonly channelTexts: string[];
  readonly objectives: (Stage[] | null)[];
  readonly messageLengths: (MessageLength | null)[];
  readonly handAnswers: (boolean | null)[][];
  readonly errors: Issue[][];
  readonly warnings: Issue[][];

  constructor(
    capacity: number,
    readonly cells: CellLocator,
  ) {
    this.rows = new Int32Array(capacity);
    this.numbers = new Float64Array(capacity * SLOTS);
    this.given = new Uint8Array(capacity * SLOTS);
    this.names = new Array<string>(capacity);
    this.channelTexts = new Array<string>(capacity);
    this.objectives = new Array<Stage[] | null>(capacity);
    this.messageLengths = new Array<MessageLength | null>(capacity);
    this.handAnswers = new Array<(boolean | null)[]>(capacity);
    this.errors = new Array<Issue[]>(capacity);
    this.warnings = new Array<Issue[]>(capacity);
  }

  /** Field `field` of row `index`, or null when blank (Hours and Risk: 0). */
  number(index: number, slot: number): number | null {
    const at = index * SLOTS + slot;
    return this.given[at] === 1 ? this.numbers[at] : null;
  }

  setNumber(index: number, slot: number, value: number | null): void {
    const at = index * SLOTS + slot;
    this.given[at] = value === null ? 0 : 1;
    this.numbers[at] = value ?? 0;
  }

  /** Row `index`'s values as a plain object of its own. */
  valuesAt(index: number): VehicleValues {
    const base = index * SLOTS;
    const at = (slot: number): number | null =>
      this.given[base + slot] === 1 ? this.numbers[base + slot] : null;
    return {
      investment: at(SLOT.investment),
      leads: at(SLOT.leads),
      conversion: at(SLOT.conversion),
      dealSize: at(SLOT.dealSize),
      pipeline: at(SLOT.pipeline),
      objectives: this.objectives[index],
      reach: at(SLOT.reach),
      resonance: at(SLOT.resonance),
      messageLength: this.messageLengths[index],
      skillToday: at(SLOT.skillToday),
      skillTomorrow: at(SLOT.skillTomorrow),
      impactPotential: at(SLOT.impactPotential),
      priorInvestment: at(SLOT.priorInvestment),
      priorPipeline: at(SLOT.priorPipeline),
      hours: at(SLOT.hours) ?? 0,
      risk: at(SLOT.risk) ?? 0,
      minInvestment: at(SLOT.minInvestment),
      maxInvestment: at(SLOT.maxInvestment),
      handAnswers: this.handAnswers[index],
    };
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
    this.messageLengths[index] = values.messageLength;
    this.handAnswers[index] = values.handAnswers;
    this.errors[index] = row.errors;
    this.warnings[index] = row.warnings;
  }

  /** The A1 reference a problem of row `index` with `field` is reported at. */
  problemCell(index: number, field: FieldKey): string {
    return this.cells.cellOf(index, field) ?? this.cells.anchorOf(index);
  }

  /** Columns holding `vehicles` (rows made by hand, or changed by a scenario or a what-if). */
  static fromVehicles(vehicles: readonly ParsedVehicle[]): VehicleColumns {
    const columns = new VehicleColumns(vehicles.length, {
      cellOf: (index, field) => vehicles[index].cells[field],
      anchorOf: (index) => vehicles[index].rowAnchor,
      vehicleAt: (index) => vehicles[index],
    });
    for (const vehicle of vehicles) {
      const index = columns.count++;
      const { values } = vehicle;
      columns.rows[index] = vehicle.row;
      for (let slot = 0; slot < SLOTS; slot++) columns.setNumber(index, slot, values[NUMBER_FIELDS[slot]]);
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
    return this.columns.messageLengths[this.index];
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
    return this.columns.handAnswers[this.index];
  }
}
