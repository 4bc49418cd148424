/**
 * SPEC 10.1's optimum when the lead capacity binds: maximise Σ P_i(x_i) under
 * Σ x_i ≤ Budget, Σ L_i(x_i) ≤ capacity and lo_i ≤ x_i ≤ hi_i.
 *
 * With a budget multiplier λ = e^t and a capacity multiplier μ, vehicle i
 * maximises P_i(x) − μ L_i(x) − λ x = a_i P_i(x) − λ x with a_i = 1 − μ / p_i
 * (1 for a vehicle without leads). That is section 4's curve scaled by a_i, so
 * the same closed form gives x_i(t, μ) = clamp(c_i (λ c_i / (a_i β_i P_i))^(1 / (β_i − 1))),
 * and a vehicle with a_i ≤ 0 sits at lo_i. For λ > 0 each term is strictly
 * concave in lead space, so the leads fall continuously with μ and one inner
 * root find gives μ(t); the spend (or the pipeline) then falls with t, and an
 * outer root find gives t. Both are Newton's method in a shrinking bracket,
 * with the derivatives worked out exactly (implicitly for μ(t)). λ = 0 (money
 * held back) is solved apart, exactly: vehicles funded to their ceilings in
 * order of pipeline per lead until the capacity is met.
 */
import type { PreparedShortlist } from "./allocation";
import { curvePipeline } from "./responseCurve";

const ROOT_MAX_STEPS = 100;

/** Relative difference below which two pipelines per lead count as one. */
const TIE = 1e-9;

/** Σ over the movable vehicles at one (t, μ), with the sums the derivatives need. */
interface Evaluation {
  spend: number;
  leads: number;
  pipeline: number;
  /** Σ over free vehicles of x s, x s r, L β s, L β s r, P β s, P β s r (s = 1/(β − 1), r = 1/(p − μ)). */
  xs: number;
  xsr: number;
  lbs: number;
  lbsr: number;
  pbs: number;
  pbsr: number;
}

export interface LeadSolution {
  /** Investment of each vehicle, in the shortlist's order. */
  investments: Float64Array;
  /** λ, what one more dollar of budget would add; 0 when money is held back. */
  lambda: number;
  /** μ, the pipeline a lead must bring to be worth a rep's time. */
  mu: number;
}

/**
 * The p_i of a vehicle without leads: above every other, since its money buys
 * no lead a rep must work. It stays inside the solver: μ is taken only from
 * vehicles with leads, and no p_i is ever part of a solution.
 */
const NO_LEADS = Number.POSITIVE_INFINITY;

function hasLeads(perLead: number): boolean {
  return perLead !== NO_LEADS;
}

/** The vehicles that take part in the optimisation, in columns. */
export class LeadCurves {
  readonly count: number;
  /** Index in the shortlist of each movable vehicle. */
  private readonly index: Int32Array;
  private readonly lnCurrent: Float64Array;
  private readonly lnLo: Float64Array;
  private readonly lnHi: Float64Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly slope: Float64Array;
  private readonly logMarginalAtCurrent: Float64Array;
  private readonly elasticity: Float64Array;
  private readonly lnLeads: Float64Array;
  /** p_i; NO_LEADS for a vehicle without leads, which uses no capacity. */
  private readonly perLead: Float64Array;
  private readonly leadsAtLo: Float64Array;
  private readonly leadsAtHi: Float64Array;
  private readonly pipelineAtLo: Float64Array;
  private readonly pipelineAtHi: Float64Array;
  /** The highest finite p_i: at and above it every vehicle with leads is at its floor. */
  private readonly topPerLead: number;
  private readonly x: Float64Array;
  private readonly e: Evaluation = {
    spend: 0,
    leads: 0,
    pipeline: 0,
    xs: 0,
    xsr: 0,
    lbs: 0,
    lbsr: 0,
    pbs: 0,
    pbsr: 0,
  };
  /** Spend, leads and pipeline of the vehicles held at lo_i whatever the multipliers. */
  readonly fixedSpend: number;
  readonly fixedLeads: number;
  readonly fixedPipeline: number;
  private greedy: LeadSolution | null = null;
  /** lo_i of the whole shortlist. */
  private readonly floors: Float64Array;

  constructor(
    private readonly prepared: PreparedShortlist,
    private readonly leads: Float64Array,
  ) {
    const movable: number[] = [];
    let fixedSpend = 0;
    let fixedLeads = 0;
    let fixedPipeline = 0;
    prepared.vehicles.forEach((vehicle, i) => {
      if (vehicle.active) movable.push(i);
      else {
        fixedSpend += vehicle.lo;
        fixedLeads += leadsAt(vehicle, leads[i], vehicle.lo);
        fixedPipeline += vehicle.current === 0 ? vehicle.pipeline : curveAt(vehicle, vehicle.lo);
      }
    });
    this.floors = new Float64Array(prepared.vehicles.length);
    for (let i = 0; i < prepared.vehicles.length; i++) this.floors[i] = prepared.vehicles[i].lo;
    this.fixedSpend = fixedSpend;
    this.fixedLeads = fixedLeads;
    this.fixedPipeline = fixedPipeline;
    const count = movable.length;
    this.count = count;
    this.index = Int32Array.from(movable);
    // Section 4's columns of the same active vehicles, in the same order.
    const { curves } = prepared;
    this.lnCurrent = curves.lnCurrent;
    this.lo = curves.lo;
    this.hi = curves.hi;
    this.slope = curves.investmentSlope;
    this.logMarginalAtCurrent = curves.logMarginalAtCurrent;
    this.pipelineAtLo = curves.pipelineAtLo;
    this.pipelineAtHi = curves.pipelineAtHi;
    const column = () => new Float64Array(count);
    this.lnLo = column();
    this.lnHi = column();
    this.elasticity = column();
    this.lnLeads = column();
    this.perLead = column();
    this.leadsAtLo = column();
    this.leadsAtHi = column();
    this.x = column();
    let topPerLead = 0;
    for (let k = 0; k < count; k++) {
      const vehicle = prepared.vehicles[movable[k]];
      const leadCount = leads[movable[k]];
      this.lnLo[k] = Math.log(vehicle.lo);
      this.lnHi[k] = Math.log(vehicle.hi);
      this.elasticity[k] = vehicle.elasticity;
      this.lnLeads[k] = Math.log(leadCount);
      this.perLead[k] = leadCount > 0 ? vehicle.pipeline / leadCount : NO_LEADS;
      this.leadsAtLo[k] = leadsAt(vehicle, leadCount, vehicle.lo);
      this.leadsAtHi[k] = leadsAt(vehicle, leadCount, vehicle.hi);
      if (leadCount > 0) topPerLead = Math.max(topPerLead, this.perLead[k]);
    }
    this.topPerLead = topPerLead;
  }

  /** Σ L_i(lo_i) of the whole shortlist. */
  floorLeads(): number {
    let total = this.fixedLeads;
    for (let k = 0; k < this.count; k++) total += this.leadsAtLo[k];
    return total;
  }

  /** Σ P_i(lo_i) of the whole shortlist. */
  floorPipeline(): number {
    let total = this.fixedPipeline;
    for (let k = 0; k < this.count; k++) total += this.pipelineAtLo[k];
    return total;
  }

  /** Every vehicle at lo_i. */
  atFloors(): Float64Array {
    return this.floors.slice();
  }

  /**
   * The optimum with λ = 0: the vehicles funded to their ceilings by pipeline
   * per lead, highest first, until the next one would pass `capacity`; that
   * one takes the leads that are left (those sharing its p_i share them at
   * the least cost). Its p_i is found by bisection over the sorted p_i, each
   * step one pass, rather than by sorting the vehicles. Worked out once: it
   * does not depend on the budget.
   */
  heldBack(capacity: number): LeadSolution {
    if (this.greedy) return this.greedy;
    const { perLead, leadsAtLo, leadsAtHi } = this;
    const x = new Float64Array(this.count);
    let used = this.fixedLeads;
    for (let k = 0; k < this.count; k++) used += leadsAtLo[k];
    // Leads above the floors of every vehicle whose p_i is at least `threshold`.
    const roomFrom = (threshold: number) => {
      let room = 0;
      for (let k = 0; k < this.count; k++) {
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
    for (let k = 0; k < this.count; k++) {
      if (perLead[k] > mu * (1 + TIE)) {
        x[k] = this.hi[k];
        if (hasLeads(perLead[k])) fundedRoom += leadsAtHi[k] - leadsAtLo[k];
      } else if (perLead[k] >= mu * (1 - TIE) && mu > 0) group.push(k);
      else x[k] = this.lo[k];
    }
    if (group.length > 0) this.cheapestLeads(group, capacity - used - fundedRoom, x);
    this.greedy = { investments: this.spread(x), lambda: 0, mu };
    return this.greedy;
  }

  /**
   * Places `extra` leads above the floors of `group` (vehicles of one p_i) at
   * the least spend: where the cost of a lead, dx/dy, is one ν for every
   * vehicle not at a bound, found by bisection in ln ν.
   */
  private cheapestLeads(group: number[], extra: number, x: Float64Array): void {
    if (group.length === 1) {
      const k = group[0];
      x[k] = this.investmentForLeads(k, this.leadsAtLo[k] + extra);
      return;
    }
    let target = extra;
    for (const k of group) target += this.leadsAtLo[k];
    // ln y_k(ν) = ln Leads_k + β_k / (1 − β_k) (ln ν + ln β_k + ln Leads_k − ln c_k).
    const leadsAt = (k: number, lnCost: number) => {
      const beta = this.elasticity[k];
      const y = Math.exp(
        this.lnLeads[k] +
          (beta / (1 - beta)) * (lnCost + Math.log(beta) + this.lnLeads[k] - this.lnCurrent[k]),
      );
      return Math.min(this.leadsAtHi[k], Math.max(this.leadsAtLo[k], y));
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
    for (const k of group) x[k] = this.investmentForLeads(k, leadsAt(k, below));
  }

  /**
   * The optimum with λ > 0 where `level` (the spend, or the pipeline) of the
   * whole shortlist meets `target`, its leads at most `capacity` and within
   * `tolerance` of it when it binds; `start` is a guess of t = ln λ, `startMu`
   * one of μ. Null when no λ > 0 it tried is feasible: the answer is then the
   * λ = 0 one, `heldBack`.
   */
  solve(
    level: "spend" | "pipeline",
    target: number,
    capacity: number,
    tolerance: number,
    start: number,
    startMu = 0,
  ): LeadSolution | null {
    const e = this.e;
    const fixed = level === "spend" ? this.fixedSpend : this.fixedPipeline;
    const movableTarget = target - fixed;
    const leadTarget = capacity - this.fixedLeads;
    let below = -Infinity;
    let above = Infinity;
    let t = start;
    let mu = startMu;
    let step = 1;
    let found = false;
    // The best feasible point so far: the most pipeline within the budget, or the least spend reaching the goal.
    let best = { t: NaN, mu: 0, score: -Infinity };
    for (let n = 0; n < ROOT_MAX_STEPS; n++) {
      mu = this.solveMu(t, leadTarget, tolerance, mu);
      const value = level === "spend" ? e.spend : e.pipeline;
      found = Math.abs(value - movableTarget) <= 1e-9 * movableTarget;
      const feasible = level === "spend" ? value <= movableTarget : value >= movableTarget;
      const score = level === "spend" ? e.pipeline : -e.spend;
      if (feasible && score > best.score) best = { t, mu, score };
      if (Math.abs(value - movableTarget) <= 1e-12 * movableTarget) break;
      if (value > movableTarget) below = t;
      else above = t;
      const muSlope = mu > 0 && e.lbsr !== 0 ? -e.lbs / e.lbsr : 0;
      const derivative = level === "spend" ? e.xs + e.xsr * muSlope : e.pbs + e.pbsr * muSlope;
      const newton = derivative < 0 ? t - (value * Math.log(value / movableTarget)) / derivative : NaN;
      const bracketed = Number.isFinite(below) && Number.isFinite(above);
      // Where the capacity pins the free vehicles' leads the level is flat in t and its derivative is
      // rounding dust: Newton would leap to a λ so small that floating point cannot meet the capacity
      // there, so until the root is bracketed a step goes no further than the search would widen.
      const trusted = bracketed || Math.abs(newton - t) <= 2 * step;
      let next: number;
      if (newton > below && newton < above && trusted) next = newton;
      else if (bracketed) next = below + (above - below) / 2;
      else {
        step *= 2;
        next = Number.isFinite(below) ? below + step : above - step;
      }
      if (!(next !== t) || Math.abs(above - below) <= 1e-15 * Math.max(1, Math.abs(t))) break;
      // μ moves with t along the capacity's level set, so its tangent gives the inner search a close start.
      if (mu > 0) mu = Math.max(0, mu + muSlope * (next - t));
      t = next;
    }
    if (!found) {
      // Next to pipelines per lead a rounding step apart, or a budget a cent from what the held-back optimum
      // spends, λ is too small for floating point to meet the target: the best feasible point is the answer.
      if (Number.isNaN(best.t)) return null;
      t = best.t;
      mu = this.solveMu(t, leadTarget, tolerance, best.mu);
    }
    return { investments: this.spread(this.x), lambda: Math.exp(t), mu };
  }

  /**
   * The μ ≥ 0 at which the movable vehicles' leads at t meet `target`, from
   * below within `tolerance` (0 when
   * they fit at μ = 0), leaving the evaluation there in `this.e` and `this.x`.
   * The leads fall continuously with μ: Newton's method in the bracket [0, top p].
   */
  private solveMu(t: number, target: number, tolerance: number, start: number): number {
    const e = this.e;
    let below = 0;
    let above = this.topPerLead;
    let mu = start > below && start < above ? start : 0;
    let zeroChecked = mu === 0;
    this.evaluate(t, mu);
    for (let n = 0; n < ROOT_MAX_STEPS; n++) {
      if (e.leads <= target && (mu === 0 || target - e.leads <= tolerance)) return mu;
      if (e.leads > target) below = mu;
      else above = mu;
      // Aimed at the middle of the band accepted, so that rounding cannot leave it just above.
      const newton = e.lbsr < 0 ? mu - (e.leads - (target - tolerance / 2)) / e.lbsr : NaN;
      let next: number;
      if (newton > below && newton < above) next = newton;
      else if (!zeroChecked && below === 0 && e.leads < target) next = 0;
      else next = below + (above - below) / 2;
      if (next === 0) zeroChecked = true;
      else if (!(next > below && next < above)) break;
      mu = next;
      this.evaluate(t, mu);
    }
    if (e.leads > target) {
      mu = above;
      this.evaluate(t, mu);
    }
    return mu;
  }

  /** A first guess of t = ln λ: the mean log marginal return at today's investments. */
  startGuess(): number {
    let total = 0;
    for (let k = 0; k < this.count; k++) total += this.logMarginalAtCurrent[k];
    return this.count > 0 ? total / this.count : 0;
  }

  /** Each movable vehicle's investment at (t, μ) into `this.x`, with the sums into `this.e`. */
  private evaluate(t: number, mu: number): void {
    const { perLead, lnCurrent, slope, logMarginalAtCurrent, lnLo, lnHi, lo, hi, elasticity, x } = this;
    const { leadsAtLo, leadsAtHi, pipelineAtLo, pipelineAtHi } = this;
    const lambda = Math.exp(t);
    let spend = 0;
    let leads = 0;
    let pipeline = 0;
    let xs = 0;
    let xsr = 0;
    let lbs = 0;
    let lbsr = 0;
    let pbs = 0;
    let pbsr = 0;
    for (let k = 0; k < this.count; k++) {
      const p = perLead[k];
      let u = Infinity;
      if (p > mu) {
        const share = hasLeads(p) ? Math.log1p(-mu / p) : 0;
        u = lnCurrent[k] + slope[k] * (t - logMarginalAtCurrent[k] - share);
      }
      if (p <= mu || u <= lnLo[k]) {
        x[k] = lo[k];
        spend += lo[k];
        leads += leadsAtLo[k];
        pipeline += pipelineAtLo[k];
      } else if (u >= lnHi[k]) {
        x[k] = hi[k];
        spend += hi[k];
        leads += leadsAtHi[k];
        pipeline += pipelineAtHi[k];
      } else {
        const xk = Math.exp(u);
        x[k] = xk;
        // At its free point a β P(x) / x = λ, with a = 1 − μ / p: P(x) needs no second exponential.
        const kept = hasLeads(p) ? 1 - mu / p : 1;
        const vehiclePipeline = (lambda * xk) / (kept * elasticity[k]);
        const vehicleLeads = hasLeads(p) ? vehiclePipeline / p : 0;
        const r = hasLeads(p) ? 1 / (p - mu) : 0;
        const s = slope[k];
        const bs = elasticity[k] * s;
        spend += xk;
        leads += vehicleLeads;
        pipeline += vehiclePipeline;
        xs += xk * s;
        xsr += xk * s * r;
        lbs += vehicleLeads * bs;
        lbsr += vehicleLeads * bs * r;
        pbs += vehiclePipeline * bs;
        pbsr += vehiclePipeline * bs * r;
      }
    }
    const e = this.e;
    e.spend = spend;
    e.leads = leads;
    e.pipeline = pipeline;
    e.xs = xs;
    e.xsr = xsr;
    e.lbs = lbs;
    e.lbsr = lbsr;
    e.pbs = pbs;
    e.pbsr = pbsr;
  }

  /** x with L_k(x) = leads, a bound exactly when the leads are that bound's. */
  private investmentForLeads(k: number, leads: number): number {
    if (leads >= this.leadsAtHi[k]) return this.hi[k];
    if (leads <= this.leadsAtLo[k]) return this.lo[k];
    const x = Math.exp(this.lnCurrent[k] + (Math.log(leads) - this.lnLeads[k]) / this.elasticity[k]);
    return Math.min(this.hi[k], Math.max(this.lo[k], x));
  }

  /** The movable vehicles' investments placed among the shortlist's, the others at lo_i. */
  private spread(movable: Float64Array): Float64Array {
    const investments = this.atFloors();
    for (let k = 0; k < this.count; k++) investments[this.index[k]] = movable[k];
    return investments;
  }
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

function curveAt(vehicle: { current: number; pipeline: number; elasticity: number }, x: number): number {
  return curvePipeline(vehicle.pipeline, vehicle.current, vehicle.elasticity, x);
}
