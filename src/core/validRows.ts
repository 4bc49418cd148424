/**
 * The valid rows of a plan with their SPEC 2 metrics, kept in columns like the
 * table they come from (see vehicleColumns.ts for why). The questions, the
 * ranking, "what it would take" and the planned rows all read them through
 * cursors: the plan makes no object a row until the row it hands the faces.
 */
import { basePipeline, efficiencyOf, priorPipelinePerDollar } from "./metrics";
import type { VehicleValues } from "./model";
import type { ScoredRows, ScoredVehicle } from "./questions";
import { ValuesCursor, type VehicleColumns } from "./vehicleColumns";
import { normalisedName } from "./vehicleTable";

export class ValidRows implements ScoredRows {
  length = 0;
  /** Each valid row's place in the table's rows. */
  readonly indices: Int32Array;
  /** Each valid row's channel, by number: labels (trimmed Channel, or the name) and keys (lower-cased). */
  readonly channels: Int32Array;
  readonly channelLabels: string[] = [];
  readonly channelKeys: string[] = [];
  private readonly channelOfLabel = new Map<string, number>();
  // What the questions and the ranking read most; the other metrics are worked out again from the
  // row's values, by the same functions, when read.
  readonly pipeline: Float64Array;
  readonly efficiency: Float64Array;
  private readonly cursor: ScoredCursor;

  constructor(
    readonly table: VehicleColumns,
    capacity: number,
    /** The Hourly rate the metrics were worked out with. */
    readonly hourlyRate: number,
  ) {
    this.indices = new Int32Array(capacity);
    this.channels = new Int32Array(capacity);
    this.pipeline = new Float64Array(capacity);
    this.efficiency = new Float64Array(capacity);
    this.cursor = new ScoredCursor(this);
  }

  /** Adds table row `index`, whose values `values` passed checkRow, and returns its P. */
  add(index: number, values: VehicleValues): number {
    const position = this.length++;
    const pipeline = basePipeline(values) ?? 0;
    this.indices[position] = index;
    this.channels[position] = this.channelNumber(this.table.channelTexts[index] || this.table.names[index]);
    this.pipeline[position] = pipeline;
    this.efficiency[position] = efficiencyOf(values, this.hourlyRate, pipeline) ?? 0;
    return pipeline;
  }

  private channelNumber(label: string): number {
    let channel = this.channelOfLabel.get(label);
    if (channel === undefined) {
      channel = this.channelLabels.length;
      this.channelOfLabel.set(label, channel);
      this.channelLabels.push(label);
      this.channelKeys.push(normalisedName(label));
    }
    return channel;
  }

  cursorAt(position: number): ScoredCursor {
    this.cursor.moveTo(position);
    return this.cursor;
  }

  /** A cursor of its own at `position`, for a row read while the shared cursor moves on. */
  rowAt(position: number): ScoredCursor {
    const cursor = new ScoredCursor(this);
    cursor.moveTo(position);
    return cursor;
  }

  /** The trimmed names of the valid rows, in table order. */
  names(): string[] {
    return Array.from(this.indices.subarray(0, this.length), (index) => this.table.names[index]);
  }
}

/** One valid row read from the columns; moved from row to row by `ValidRows.cursorAt`. */
export class ScoredCursor implements ScoredVehicle {
  private position = 0;
  readonly values: ValuesCursor;

  constructor(private readonly rows: ValidRows) {
    this.values = new ValuesCursor(rows.table);
  }

  moveTo(position: number): void {
    this.position = position;
    this.values.index = this.rows.indices[position];
  }

  /** The row's place in the table's rows. */
  get index(): number {
    return this.values.index;
  }
  /** The row's sheet row. */
  get sheetRow(): number {
    return this.rows.table.rows[this.values.index];
  }
  get name(): string {
    return this.rows.table.names[this.values.index];
  }
  get channelKey(): string {
    return this.rows.channelKeys[this.rows.channels[this.position]];
  }
  get channelLabel(): string {
    return this.rows.channelLabels[this.rows.channels[this.position]];
  }
  get pipeline(): number {
    return this.rows.pipeline[this.position];
  }
  get efficiency(): number {
    return this.rows.efficiency[this.position];
  }
  get priorPipelinePerDollar(): number | null {
    return priorPipelinePerDollar(this.values);
  }
}
