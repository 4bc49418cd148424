/**
 * SPEC 10.1's optimum with λ = 0 (money held back because only leads sales
 * cannot work remain to buy), worked out exactly: the vehicles funded to
 * their ceilings in order of pipeline per lead until the capacity is met.
 */
import { hasLeads, type LeadColumns } from "./leadColumns";

/** Relative difference below which two pipelines per lead count as one. */
const TIE = 1e-9;

/** Investment of each movable vehicle, in the columns' order, and μ, the margin's pipeline per lead. */
export interface HeldBackOptimum {
  x: Float64Array;
  mu: number;
}

/**
 * The vehicles funded to their ceilings by pipeline per lead, highest first,
 * until the next one would pass `capacity`; that one takes the leads that are
 * left (those sharing its p_i share them at the least cost). Its p_i is found
 * by bisection over the sorted p_i, each step one pass, rather than by
 * sorting the vehicles.
 */
export function heldBackOptimum(c: LeadColumns, capacity: number): HeldBackOptimum {
  const { perLead, leadsAtLo, leadsAtHi } = c;
  const x = new Float64Array(c.count);
  let used = c.fixedLeads;
  for (let k = 0; k < c.count; k++) used += leadsAtLo[k];
  // Leads above the floors of every vehicle whose p_i is at least `threshold`.
  const roomFrom = (threshold: number) => {
    let room = 0;
    for (let k = 0; k < c.count; k++) {
      if (hasLeads(perLead[k]) && perLead[k] >= threshold) room += leadsAtHi[k] - leadsAtLo[k];
    }
    return room;
  };
  // The margin's p_i: the highest whose vehicles, with all above them at their ceilings, pass the capacity.
  const values = Float64Array.from(perLead).filter(hasLeads).sort();
  let below = 0;
  let above = values.length;
  while (below < above) {
    const middle = (below + above) >> 1;
    if (used + roomFrom(values[middle]) > capacity) below = middle + 1;
    else above = middle;
  }
  const mu = below > 0 ? values[below - 1] : 0;
  // p_i a rounding step apart are one p_i: otherwise the dearer leads of the higher would be bought first.
  const group: number[] = [];
  let fundedRoom = 0;
  for (let k = 0; k < c.count; k++) {
    if (perLead[k] > mu * (1 + TIE)) {
      x[k] = c.hi[k];
      if (hasLeads(perLead[k])) fundedRoom += leadsAtHi[k] - leadsAtLo[k];
    } else if (perLead[k] >= mu * (1 - TIE) && mu > 0) group.push(k);
    else x[k] = c.lo[k];
  }
  if (group.length > 0) cheapestLeads(c, group, capacity - used - fundedRoom, x);
  return { x, mu };
}

/**
 * Places `extra` leads above the floors of `group` (vehicles of one p_i) at
 * the least spend: where the cost of a lead, dx/dy, is one ν for every
 * vehicle not at a bound, found by bisection in ln ν.
 */
function cheapestLeads(c: LeadColumns, group: number[], extra: number, x: Float64Array): void {
  if (group.length === 1) {
    const k = group[0];
    x[k] = investmentForLeads(c, k, c.leadsAtLo[k] + extra);
    return;
  }
  let target = extra;
  for (const k of group) target += c.leadsAtLo[k];
  // ln y_k(ν) = ln Leads_k + β_k / (1 − β_k) (ln ν + ln β_k + ln Leads_k − ln c_k).
  const leadsAt = (k: number, lnCost: number) => {
    const beta = c.elasticity[k];
    const y = Math.exp(
      c.lnLeads[k] + (beta / (1 - beta)) * (lnCost + Math.log(beta) + c.lnLeads[k] - c.lnCurrent[k]),
    );
    return Math.min(c.leadsAtHi[k], Math.max(c.leadsAtLo[k], y));
  };
  let below = -700;
  let above = 700;
  for (let n = 0; n < 200 && above - below > 1e-12; n++) {
    const middle = (below + above) / 2;
    let total = 0;
    for (const k of group) total += leadsAt(k, middle);
    if (total > target) above = middle;
    else below = middle;
  }
  for (const k of group) x[k] = investmentForLeads(c, k, leadsAt(k, below));
}

/** x with L_k(x) = leads, a bound exactly when the leads are that bound's. */
function investmentForLeads(c: LeadColumns, k: number, leads: number): number {
  if (leads >= c.leadsAtHi[k]) return c.hi[k];
  if (leads <= c.leadsAtLo[k]) return c.lo[k];
  const x = Math.exp(c.lnCurrent[k] + (Math.log(leads) - c.lnLeads[k]) / c.elasticity[k]);
  return Math.min(c.hi[k], Math.max(c.lo[k], x));
}
