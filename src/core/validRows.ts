/**
 * The valid rows of a plan with their SPEC 2 metrics, kept in columns like the
 * table they come from (see vehicleColumns.ts for why): the questions and the
 * ranking read them through one cursor, and the row objects a plan renders
 * (`ValidRow`) are made once, when first asked for.
 */
import { metricsWithPipeline, priorPipelinePerDollar, type VehicleMetrics } from "./metrics";
import type { ParsedVehicle } from "./model";
import type { ScoredRows, ScoredVehicle } from "./questions";
import { ValuesCursor, type VehicleColumns } from "./vehicleColumns";
import { normalisedName } from "./vehicleTable";

/**
 * A valid row as the questions, the ranking and the plan see it: the vehicle
 * as scored, its metrics (E is never undefined for a valid row) and where it
 * came from, in one object.
 */
export interface ValidRow extends ScoredVehicle, VehicleMetrics {
  /** Its place in the table's rows. */
  index: number;
  vehicle: ParsedVehicle;
  efficiency: number;
}

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
  private made: ValidRow[] | null = null;

  constructor(
    readonly table: VehicleColumns,
    capacity: number,
    /** The Hourly rate the metrics were worked out with. */
    private readonly hourlyRate: number,
  ) {
    this.indices = new Int32Array(capacity);
    this.channels = new Int32Array(capacity);
    this.pipeline = new Float64Array(capacity);
    this.efficiency = new Float64Array(capacity);
    this.cursor = new ScoredCursor(this);
  }

  /** Adds table row `index` with its metrics. */
  add(index: number, metrics: VehicleMetrics): void {
    const position = this.length++;
    this.indices[position] = index;
    this.channels[position] = this.channelNumber(this.table.channelTexts[index] || this.table.names[index]);
    this.pipeline[position] = metrics.pipeline;
    this.efficiency[position] = metrics.efficiency ?? 0;
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

  cursorAt(position: number): ScoredVehicle {
    this.cursor.moveTo(position);
    return this.cursor;
  }

  rowAt(position: number): ValidRow {
    return this.rows()[position];
  }

  /** Every valid row as an object of its own, in table order. */
  rows(): ValidRow[] {
    this.made ??= Array.from({ length: this.length }, (_, position) => this.makeRow(position));
    return this.made;
  }

  private makeRow(position: number): ValidRow {
    const index = this.indices[position];
    const vehicle = this.table.cells.vehicleAt(index);
    const pipeline = this.pipeline[position];
    const metrics = metricsWithPipeline(vehicle.values, this.hourlyRate, pipeline);
    const channel = this.channels[position];
    return {
      index,
      vehicle,
      name: vehicle.name,
      channelKey: this.channelKeys[channel],
      channelLabel: this.channelLabels[channel],
      values: vehicle.values,
      pipeline,
      efficiency: this.efficiency[position],
      priorPipelinePerDollar: metrics.priorPipelinePerDollar,
      costPerLead: metrics.costPerLead,
      pipelinePerDollar: metrics.pipelinePerDollar,
      resourceCost: metrics.resourceCost,
      riskAdjustedPipeline: metrics.riskAdjustedPipeline,
    };
  }
}

/** One valid row read from the columns; moved from row to row by `ValidRows.cursorAt`. */
class ScoredCursor implements ScoredVehicle {
  private position = 0;
  readonly values: ValuesCursor;

  constructor(private readonly rows: ValidRows) {
    this.values = new ValuesCursor(rows.table);
  }

  moveTo(position: number): void {
    this.position = position;
    this.values.index = this.rows.indices[position];
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
