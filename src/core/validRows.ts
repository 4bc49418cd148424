/**
 * The valid rows of a plan with their SPEC 2 metrics, kept in columns like the
 * table they come from (see vehicleColumns.ts for why): the questions and the
 * ranking read them through one cursor, and the row objects a plan renders
 * (`ValidRow`) are made once, when first asked for.
 */
import type { VehicleMetrics } from "./metrics";
import type { ParsedVehicle } from "./model";
import type { ScoredRows, ScoredVehicle } from "./questions";
import { ValuesCursor, type VehicleColumns } from "./vehicleColumns";

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

/** A metric that may be undefined (null): its values, and 1 where it has one. */
class NullableColumn {
  readonly values: Float64Array;
  readonly given: Uint8Array;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
    this.given = new Uint8Array(capacity);
  }

  at(position: number): number | null {
    return this.given[position] === 1 ? this.values[position] : null;
  }

  set(position: number, value: number | null): void {
    this.given[position] = value === null ? 0 : 1;
    this.values[position] = value ?? 0;
  }
}

export class ValidRows implements ScoredRows {
  length = 0;
  /** Each valid row's place in the table's rows. */
  readonly indices: Int32Array;
  /** Made at full size, as the table's lists are (see VehicleColumns). */
  readonly channelKeys: string[];
  readonly channelLabels: string[];
  readonly pipeline: Float64Array;
  readonly efficiency: Float64Array;
  readonly resourceCost: Float64Array;
  readonly riskAdjustedPipeline: Float64Array;
  readonly costPerLead: NullableColumn;
  readonly pipelinePerDollar: NullableColumn;
  readonly priorPipelinePerDollar: NullableColumn;
  private readonly cursor: ScoredCursor;
  private made: ValidRow[] | null = null;

  constructor(
    readonly table: VehicleColumns,
    capacity: number,
  ) {
    this.indices = new Int32Array(capacity);
    this.channelKeys = new Array<string>(capacity);
    this.channelLabels = new Array<string>(capacity);
    this.pipeline = new Float64Array(capacity);
    this.efficiency = new Float64Array(capacity);
    this.resourceCost = new Float64Array(capacity);
    this.riskAdjustedPipeline = new Float64Array(capacity);
    this.costPerLead = new NullableColumn(capacity);
    this.pipelinePerDollar = new NullableColumn(capacity);
    this.priorPipelinePerDollar = new NullableColumn(capacity);
    this.cursor = new ScoredCursor(this);
  }

  /** Adds table row `index` with its metrics and channel. */
  add(index: number, metrics: VehicleMetrics, channelLabel: string, channelKey: string): void {
    const position = this.length++;
    this.indices[position] = index;
    this.channelLabels[position] = channelLabel;
    this.channelKeys[position] = channelKey;
    this.pipeline[position] = metrics.pipeline;
    this.efficiency[position] = metrics.efficiency ?? 0;
    this.resourceCost[position] = metrics.resourceCost;
    this.riskAdjustedPipeline[position] = metrics.riskAdjustedPipeline;
    this.costPerLead.set(position, metrics.costPerLead);
    this.pipelinePerDollar.set(position, metrics.pipelinePerDollar);
    this.priorPipelinePerDollar.set(position, metrics.priorPipelinePerDollar);
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
    return {
      index,
      vehicle,
      name: vehicle.name,
      channelKey: this.channelKeys[position],
      channelLabel: this.channelLabels[position],
      values: vehicle.values,
      pipeline: this.pipeline[position],
      efficiency: this.efficiency[position],
      priorPipelinePerDollar: this.priorPipelinePerDollar.at(position),
      costPerLead: this.costPerLead.at(position),
      pipelinePerDollar: this.pipelinePerDollar.at(position),
      resourceCost: this.resourceCost[position],
      riskAdjustedPipeline: this.riskAdjustedPipeline[position],
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
    return this.rows.channelKeys[this.position];
  }
  get channelLabel(): string {
    return this.rows.channelLabels[this.position];
  }
  get pipeline(): number {
    return this.rows.pipeline[this.position];
  }
  get efficiency(): number {
    return this.rows.efficiency[this.position];
  }
  get priorPipelinePerDollar(): number | null {
    return this.rows.priorPipelinePerDollar.at(this.position);
  }
}
