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
 * held back) is solved apart, exactly (`heldBackLeads.ts`); the columns the
 * solver reads are built in `leadColumns.ts`.
 */
import type { PreparedShortlist } from "./allocation";
import { heldBackOptimum } from "./heldBackLeads";
import { hasLeads, leadColumns, type LeadColumns } from "./leadColumns";

const ROOT_MAX_STEPS = 100;

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

/** The vehicles that take part in the optimisation, in columns, and the root finds over them. */
export class LeadCurves {
  private readonly c: LeadColumns;
  /** Each movable vehicle's investment at the last (t, μ) evaluated. */
  private readonly x: Float64Array;
  private greedy: LeadSolution | null = null;

  constructor(prepared: PreparedShortlist, leads: Float64Array) {
    this.c = leadColumns(prepared, leads);
    this.x = new Float64Array(this.c.count);
  }

  /** Σ L_i(lo_i) of the whole shortlist. */
  floorLeads(): number {
    let total = this.c.fixedLeads;
    for (let k = 0; k < this.c.count; k++) total += this.c.leadsAtLo[k];
    return total;
  }

  /** Σ P_i(lo_i) of the whole shortlist. */
  floorPipeline(): number {
    let total = this.c.fixedPipeline;
    for (let k = 0; k < this.c.count; k++) total += this.c.pipelineAtLo[k];
    return total;
  }

  /** Every vehicle at lo_i. */
  atFloors(): Float64Array {
    return this.c.floors.slice();
  }

  /** The optimum with λ = 0 (`heldBackOptimum`), worked out once: it does not depend on the budget. */
  heldBack(capacity: number): LeadSolution {
    if (this.greedy) return this.greedy;
    const { x, mu } = heldBackOptimum(this.c, capacity);
    this.greedy = { investments: this.spread(x), lambda: 0, mu };
    return this.greedy;
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
    const fixed = level === "spend" ? this.c.fixedSpend : this.c.fixedPipeline;
    const movableTarget = target - fixed;
    const leadTarget = capacity - this.c.fixedLeads;
    // The bracket around the root, each end unknown (null) until a step lands on its side.
    let below: number | null = null;
    let above: number | null = null;
    let t = start;
    let mu = startMu;
    let step = 1;
    let found = false;
    // The best feasible point so far: the most pipeline within the budget, or the least spend reaching the goal.
    let best = { t: NaN, mu: 0, score: -Infinity };
    for (let n = 0; n < ROOT_MAX_STEPS; n++) {
      const at = this.solveMu(t, leadTarget, tolerance, mu);
      mu = at.mu;
      const e = at.e;
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
      const bracketed = below !== null && above !== null;
      // Where the capacity pins the free vehicles' leads the level is flat in t and its derivative is
      // rounding dust: Newton would leap to a λ so small that floating point cannot meet the capacity
      // there, so until the root is bracketed a step goes no further than the search would widen.
      const trusted = bracketed || Math.abs(newton - t) <= 2 * step;
      let next: number;
      const inBracket = (below === null || newton > below) && (above === null || newton < above);
      if (inBracket && trusted) next = newton;
      else if (below !== null && above !== null) next = below + (above - below) / 2;
      else {
        step *= 2;
        // Only one end is known, and this step set it to t.
        next = below !== null ? t + step : t - step;
      }
      const narrow =
        below !== null && above !== null && Math.abs(above - below) <= 1e-15 * Math.max(1, Math.abs(t));
      if (!(next !== t) || narrow) break;
      // μ moves with t along the capacity's level set, so its tangent gives the inner search a close start.
      if (mu > 0) mu = Math.max(0, mu + muSlope * (next - t));
      t = next;
    }
    if (!found) {
      // Next to pipelines per lead a rounding step apart, or a budget a cent from what the held-back optimum
      // spends, λ is too small for floating point to meet the target: the best feasible point is the answer.
      if (Number.isNaN(best.t)) return null;
      t = best.t;
      mu = this.solveMu(t, leadTarget, tolerance, best.mu).mu;
    }
    return { investments: this.spread(this.x), lambda: Math.exp(t), mu };
  }

  /**
   * The μ ≥ 0 at which the movable vehicles' leads at t meet `target`, from
   * below within `tolerance` (0 when they fit at μ = 0), with the evaluation
   * there (the investments left in `this.x`).
   * The leads fall continuously with μ: Newton's method in the bracket [0, top p].
   */
  private solveMu(
    t: number,
    target: number,
    tolerance: number,
    start: number,
  ): { mu: number; e: Evaluation } {
    let below = 0;
    let above = this.c.topPerLead;
    let mu = start > below && start < above ? start : 0;
    let zeroChecked = mu === 0;
    let e = this.evaluate(t, mu);
    for (let n = 0; n < ROOT_MAX_STEPS; n++) {
      if (e.leads <= target && (mu === 0 || target - e.leads <= tolerance)) return { mu, e };
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
      e = this.evaluate(t, mu);
    }
    if (e.leads > target) {
      mu = above;
      e = this.evaluate(t, mu);
    }
    return { mu, e };
  }

  /** A first guess of t = ln λ: the mean log marginal return at today's investments. */
  startGuess(): number {
    let total = 0;
    for (let k = 0; k < this.c.count; k++) total += this.c.logMarginalAtCurrent[k];
    return this.c.count > 0 ? total / this.c.count : 0;
  }

  /** Each movable vehicle's investment at (t, μ) into `this.x`; the sums. */
  private evaluate(t: number, mu: number): Evaluation {
    const { perLead, lnCurrent, slope, logMarginalAtCurrent, lnLo, lnHi, lo, hi, elasticity } = this.c;
    const { count, leadsAtLo, leadsAtHi, pipelineAtLo, pipelineAtHi } = this.c;
    const x = this.x;
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
    for (let k = 0; k < count; k++) {
      const p = perLead[k];
      // A vehicle whose pipeline per lead is not above μ stays at its floor; u is ln x at the free point.
      const worthLeads = p > mu;
      const u = worthLeads
        ? lnCurrent[k] + slope[k] * (t - logMarginalAtCurrent[k] - (hasLeads(p) ? Math.log1p(-mu / p) : 0))
        : 0;
      if (!worthLeads || u <= lnLo[k]) {
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
    return { spend, leads, pipeline, xs, xsr, lbs, lbsr, pbs, pbsr };
  }

  /** The movable vehicles' investments placed among the shortlist's, the others at lo_i. */
  private spread(movable: Float64Array): Float64Array {
    const investments = this.atFloors();
    for (let k = 0; k < this.c.count; k++) investments[this.c.index[k]] = movable[k];
    return investments;
  }
}
