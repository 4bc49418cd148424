/**
 * SPEC 10.2 lead health: rotting leads, leads touched late and hours to first
 * touch, by vehicle and by rep, from a lead log read into columns. The counts
 * are kept in typed arrays by vehicle and owner number, and the hours to first
 * touch in one typed array grouped by vehicle for the medians, so a log of
 * 1,000,000 leads is summed without an object per lead.
 */
import { hoursBetween, type DayTime } from "./dates";
import type { Issue } from "./issues";
import { IN_PROCESS, type LeadLog } from "./leadLog";
import { TOTAL_ROW } from "./publicNames";

export interface LeadHealthSettings {
  /** Hours an untouched lead may wait before it rots. */
  leadExpiry: number;
  /** Null only for a log without a valid lead and no `As of` setting: nothing can rot then. */
  asOf: DayTime | null;
  /** The `Leads per rep` setting, or null when not given. */
  leadsPerRep: number | null;
}

export interface VehicleLeadHealth {
  vehicle: string;
  leads: number;
  inProcess: number;
  rotting: number;
  rottingRate: number | null;
  touchedLate: number;
  touchedLateRate: number | null;
  medianHoursToFirstTouch: number | null;
}

export interface RepLeadHealth {
  owner: string;
  inProcess: number;
  rotting: number;
  rottingRate: number | null;
  leadsPerRep: number | null;
  load: number | null;
}

export interface LeadHealth {
  asOf: DayTime | null;
  /** The table's vehicles in its order, then the names it does not have; `Total` last. */
  byVehicle: VehicleLeadHealth[];
  /** By Load, then In process, highest first, then name; `Total` last. */
  byRep: RepLeadHealth[];
  /** A warning for each vehicle of the log the vehicle table does not have. */
  issues: Issue[];
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The median of values[start, end), sorted in place; an even count takes the mean of the middle two. */
function median(values: Float64Array, start: number, end: number): number | null {
  if (end <= start) return null;
  const slice = values.subarray(start, end).sort();
  const middle = slice.length >> 1;
  return slice.length % 2 === 1 ? slice[middle] : (slice[middle - 1] + slice[middle]) / 2;
}

/** Trimmed and lower-cased, as names are matched. */
function matchKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * The `Lead Health` figures of a log. `tableVehicles` are the valid rows'
 * vehicle names in table order: a log's vehicle matches one by name
 * (trimmed, case-insensitive) and is shown with the table's spelling.
 */
export function summariseLeadHealth(
  log: LeadLog,
  tableVehicles: readonly string[],
  settings: LeadHealthSettings,
): LeadHealth {
  const { leadExpiry, asOf, leadsPerRep } = settings;
  const judgedAt = asOf ?? NaN;
  const vehicleCount = log.vehicleNames.length;
  const ownerCount = log.ownerNames.length;
  const leads = new Int32Array(vehicleCount);
  const inProcess = new Int32Array(vehicleCount);
  const rotting = new Int32Array(vehicleCount);
  const touched = new Int32Array(vehicleCount);
  const late = new Int32Array(vehicleCount);
  const ownerInProcess = new Int32Array(ownerCount);
  const ownerRotting = new Int32Array(ownerCount);

  for (let k = 0; k < log.count; k++) {
    const vehicle = log.vehicle[k];
    const owner = log.owner[k];
    const first = log.firstTouch[k];
    leads[vehicle]++;
    if (first === first) {
      touched[vehicle]++;
      if (hoursBetween(log.handedOff[k], first) > leadExpiry) late[vehicle]++;
    }
    if (log.status[k] !== IN_PROCESS) continue;
    inProcess[vehicle]++;
    ownerInProcess[owner]++;
    if (first !== first && hoursBetween(log.handedOff[k], judgedAt) > leadExpiry) {
      rotting[vehicle]++;
      ownerRotting[owner]++;
    }
  }

  // Hours to first touch grouped by vehicle: each vehicle's run starts where the previous one ends.
  const starts = new Int32Array(vehicleCount + 1);
  for (let v = 0; v < vehicleCount; v++) starts[v + 1] = starts[v] + touched[v];
  const filled = starts.slice(0, vehicleCount);
  const hoursToTouch = new Float64Array(starts[vehicleCount]);
  for (let k = 0; k < log.count; k++) {
    const first = log.firstTouch[k];
    if (first === first) hoursToTouch[filled[log.vehicle[k]]++] = hoursBetween(log.handedOff[k], first);
  }
  const overallMedian = median(hoursToTouch.slice(), 0, hoursToTouch.length);

  const vehicleRow = (v: number, name: string): VehicleLeadHealth => ({
    vehicle: name,
    leads: leads[v],
    inProcess: inProcess[v],
    rotting: rotting[v],
    rottingRate: ratio(rotting[v], inProcess[v]),
    touchedLate: late[v],
    touchedLateRate: ratio(late[v], touched[v]),
    medianHoursToFirstTouch: median(hoursToTouch, starts[v], starts[v + 1]),
  });

  const logIndexByKey = new Map<string, number>();
  log.vehicleNames.forEach((name, v) => {
    if (leads[v] > 0) logIndexByKey.set(matchKey(name), v);
  });
  const byVehicle: VehicleLeadHealth[] = [];
  const inTable = new Uint8Array(vehicleCount);
  for (const name of tableVehicles) {
    const v = logIndexByKey.get(matchKey(name));
    if (v === undefined || inTable[v] === 1) continue;
    inTable[v] = 1;
    byVehicle.push(vehicleRow(v, name));
  }
  const issues: Issue[] = [];
  const unknown = [...logIndexByKey.values()].filter((v) => inTable[v] === 0);
  unknown.sort((a, b) => log.vehicleFirstRows[a] - log.vehicleFirstRows[b]);
  for (const v of unknown) {
    byVehicle.push(vehicleRow(v, log.vehicleNames[v]));
    issues.push({
      severity: "warning",
      cell: log.vehicleCells[v],
      field: "Vehicle",
      message: `"${log.vehicleNames[v]}" is not a vehicle of the vehicle table, so its leads are listed under their own name: correct the name or add the vehicle to the table`,
    });
  }
  const sum = (counts: Int32Array) => counts.reduce((total, count) => total + count, 0);
  const totalInProcess = sum(inProcess);
  const totalRotting = sum(rotting);
  byVehicle.push({
    vehicle: TOTAL_ROW,
    leads: log.count,
    inProcess: totalInProcess,
    rotting: totalRotting,
    rottingRate: ratio(totalRotting, totalInProcess),
    touchedLate: sum(late),
    touchedLateRate: ratio(sum(late), sum(touched)),
    medianHoursToFirstTouch: overallMedian,
  });

  const byRep: RepLeadHealth[] = [];
  const ownerLeads = new Int32Array(ownerCount);
  for (let k = 0; k < log.count; k++) ownerLeads[log.owner[k]]++;
  log.ownerNames.forEach((owner, o) => {
    if (ownerLeads[o] === 0) return;
    byRep.push({
      owner,
      inProcess: ownerInProcess[o],
      rotting: ownerRotting[o],
      rottingRate: ratio(ownerRotting[o], ownerInProcess[o]),
      leadsPerRep,
      load: leadsPerRep === null ? null : ownerInProcess[o] / leadsPerRep,
    });
  });
  byRep.sort(
    (a, b) =>
      (b.load ?? -1) - (a.load ?? -1) ||
      b.inProcess - a.inProcess ||
      ordinal(a.owner.toLowerCase(), b.owner.toLowerCase()),
  );
  byRep.push({
    owner: TOTAL_ROW,
    inProcess: totalInProcess,
    rotting: totalRotting,
    rottingRate: ratio(totalRotting, totalInProcess),
    leadsPerRep: null,
    load: null,
  });

  return { asOf, byVehicle, byRep, issues };
}

function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each vehicle's rotting rate by its match key (trimmed, lower-cased); null when it has no lead in process. */
export function rottingRates(health: LeadHealth): Map<string, number | null> {
  const rows = health.byVehicle.slice(0, -1);
  return new Map(rows.map((row) => [matchKey(row.vehicle), row.rottingRate]));
}
