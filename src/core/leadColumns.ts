/**
 * The shortlist as SPEC 10.1's solver reads it: the vehicles that move with
 * the multipliers in columns (section 4's curves plus each one's leads), and
 * the sums of those held at lo_i whatever the multipliers.
 */
import type { PreparedShortlist } from "./allocation";
import { curvePipeline, expectedAt } from "./responseCurve";

/**
 * The p_i of a vehicle without leads: above every other, since its money buys
 * no lead a rep must work. It stays inside the solver: μ is taken only from
 * vehicles with leads, and no p_i is ever part of a solution.
 */
export const NO_LEADS = Number.POSITIVE_INFINITY;

export function hasLeads(perLead: number): boolean {
  return perLead !== NO_LEADS;
}

/** L_i(x) = Leads_i (x / c_i)^β_i; a vehicle run on team hours alone brings its Leads_i. */
export function leadsAt(
  vehicle: { current: number; elasticity: number },
  leads: number,
  investment: number,
): number {
  if (vehicle.current === 0) return leads;
  return curvePipeline(leads, vehicle.current, vehicle.elasticity, investment);
}

/** Indexed by k, the movable vehicle's place among the movable ones; `index[k]` is its place in the shortlist. */
export interface LeadColumns {
  readonly count: number;
  readonly index: Int32Array;
  readonly lnCurrent: Float64Array;
  readonly lnLo: Float64Array;
  readonly lnHi: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly slope: Float64Array;
  readonly logMarginalAtCurrent: Float64Array;
  readonly elasticity: Float64Array;
  readonly lnLeads: Float64Array;
  /** p_i; NO_LEADS for a vehicle without leads, which uses no capacity. */
  readonly perLead: Float64Array;
  readonly leadsAtLo: Float64Array;
  readonly leadsAtHi: Float64Array;
  readonly pipelineAtLo: Float64Array;
  readonly pipelineAtHi: Float64Array;
  /** The highest finite p_i: at and above it every vehicle with leads is at its floor. */
  readonly topPerLead: number;
  /** Spend, leads and pipeline of the vehicles held at lo_i whatever the multipliers. */
  readonly fixedSpend: number;
  readonly fixedLeads: number;
  readonly fixedPipeline: number;
  /** lo_i of the whole shortlist, in its order. */
  readonly floors: Float64Array;
}

export function leadColumns(prepared: PreparedShortlist, leads: Float64Array): LeadColumns {
  const movable: number[] = [];
  let fixedSpend = 0;
  let fixedLeads = 0;
  let fixedPipeline = 0;
  prepared.vehicles.forEach((vehicle, i) => {
    if (vehicle.active) movable.push(i);
    else {
      fixedSpend += vehicle.lo;
      fixedLeads += leadsAt(vehicle, leads[i], vehicle.lo);
      fixedPipeline += expectedAt(vehicle, vehicle.lo);
    }
  });
  const floors = new Float64Array(prepared.vehicles.length);
  for (let i = 0; i < prepared.vehicles.length; i++) floors[i] = prepared.vehicles[i].lo;
  const count = movable.length;
  const column = () => new Float64Array(count);
  const lnLo = column();
  const lnHi = column();
  const elasticity = column();
  const lnLeads = column();
  const perLead = column();
  const leadsAtLo = column();
  const leadsAtHi = column();
  let topPerLead = 0;
  for (let k = 0; k < count; k++) {
    const vehicle = prepared.vehicles[movable[k]];
    const leadCount = leads[movable[k]];
    lnLo[k] = Math.log(vehicle.lo);
    lnHi[k] = Math.log(vehicle.hi);
    elasticity[k] = vehicle.elasticity;
    lnLeads[k] = Math.log(leadCount);
    perLead[k] = leadCount > 0 ? vehicle.pipeline / leadCount : NO_LEADS;
    leadsAtLo[k] = leadsAt(vehicle, leadCount, vehicle.lo);
    leadsAtHi[k] = leadsAt(vehicle, leadCount, vehicle.hi);
    if (leadCount > 0) topPerLead = Math.max(topPerLead, perLead[k]);
  }
  // Section 4's columns of the same active vehicles, in the same order.
  const { curves } = prepared;
  return {
    count,
    index: Int32Array.from(movable),
    lnCurrent: curves.lnCurrent,
    lnLo,
    lnHi,
    lo: curves.lo,
    hi: curves.hi,
    slope: curves.investmentSlope,
    logMarginalAtCurrent: curves.logMarginalAtCurrent,
    elasticity,
    lnLeads,
    perLead,
    leadsAtLo,
    leadsAtHi,
    pipelineAtLo: curves.pipelineAtLo,
    pipelineAtHi: curves.pipelineAtHi,
    topPerLead,
    fixedSpend,
    fixedLeads,
    fixedPipeline,
    floors,
  };
}
