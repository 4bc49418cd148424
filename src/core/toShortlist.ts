/**
 * SPEC 9 "what it would take": the smallest multiplier m of 1.01 … 10.00 of a
 * vehicle's P that makes it `Shortlisted`, everything else unchanged (the
 * Pipeline goal held, Impact potential kept when given).
 *
 * Shortlisting is monotone in m: the vehicle's own P and E rise, its
 * question 5 can only turn to Pass, and the median E of its channel can only
 * rise, so its peers can only drop out. So one probe splits the steps into
 * "too small" and "enough", and a search that starts at the likeliest step
 * and bisects is exact. Each probe is decided by a criterion that needs no
 * re-evaluation of the whole plan (see `ShortlistProbe`);
 * test/core/toShortlist.test.ts checks both against a full re-evaluation at
 * every m.
 */
import { efficiencyOf } from "./metrics";
import type { PlanSettings, VehicleValues } from "./model";
import {
  impactThreshold,
  meetsImpactThreshold,
  handAnswer,
  rowsOf,
  type ScoredRows,
  type ScoredVehicle,
} from "./questions";
import { passingEfficienciesByChannel } from "./answerSheet";
import { medianAfterChange, prefixLength } from "./sortedNumbers";
import {
  compareRank,
  eliminatedStatus,
  evaluateStatuses,
  outranks,
  RESERVE_STATUS,
  type RankFields,
  type StatusEvaluation,
} from "./ranking";

/** m runs over k / 100 for whole k, so 1.01, 1.02, … carry no accumulated float drift. */
export const FIRST_STEP = 101;
export const LAST_STEP = 1000;

export function multiplierOfStep(step: number): number {
  return step / 100;
}

const SEARCHED_STATUSES = new Set([RESERVE_STATUS, eliminatedStatus(5), eliminatedStatus(7)]);

/** The vehicle with its P multiplied by m and its metrics recomputed; null when they no longer compute. */
export function scaledVehicle(
  vehicle: ScoredVehicle,
  multiplier: number,
  settings: PlanSettings,
): ScoredVehicle | null {
  const pipeline = vehicle.pipeline * multiplier;
  const efficiency = efficiencyOf(vehicle.values, settings.hourlyRate, pipeline);
  if (efficiency === null || !Number.isFinite(pipeline)) return null;
  return { ...vehicle, pipeline, efficiency };
}

/** The whole status evaluation rerun with vehicle `index`'s P multiplied: the plain definition of SPEC 9. */
export function evaluateWithMultiplier(
  vehicles: readonly ScoredVehicle[],
  settings: PlanSettings,
  index: number,
  multiplier: number,
): StatusEvaluation | null {
  const scaled = scaledVehicle(vehicles[index], multiplier, settings);
  if (scaled === null) return null;
  const changed = vehicles.slice();
  changed[index] = scaled;
  return evaluateStatuses(changed, settings);
}

/** How many of `sorted` (best first) outrank `target`. */
function countOutranking(
  vehicles: readonly RankFields[],
  sorted: readonly number[],
  target: RankFields,
): number {
  return prefixLength(sorted.length, (place) => outranks(vehicles[sorted[place]], target));
}

/** How many of `sorted` (best first, so by E descending) have E ≥ `threshold`. */
function countAtLeast(vehicles: readonly RankFields[], sorted: readonly number[], threshold: number): number {
  return prefixLength(sorted.length, (place) => vehicles[sorted[place]].efficiency >= threshold);
}

interface ChannelPeers {
  /** Ascending E of the channel's rows that pass questions 1–6. */
  passingEfficiencies: number[];
  /** Those rows whose question 7 is computed, best first. */
  computedSeventh: number[];
  /** Those rows whose question 7 is set to Yes by hand, best first. */
  seventhByHand: number[];
  /** The channel's rows that are not eliminated in the plan, best first. */
  contenders: number[];
  /**
   * The Bandwidth-th best contender of the other channels (undefined until asked, null when there
   * are fewer): a vehicle of this channel must outrank it to be shortlisted, whatever its peers do.
   */
  cutoff?: number | null;
}

/**
 * Decides "is vehicle i shortlisted when its P is multiplied by m?" in
 * O(log n). Changing one vehicle's P touches no other vehicle's questions 1–6
 * (the goal is held), and only the question 7 of its own channel, whose
 * comparable set is then the same for every row passing 1–6: the channel's
 * passing rows plus the vehicle. So the vehicle is shortlisted iff it passes
 * questions 1–7 and fewer than Bandwidth contenders outrank it: the plan's
 * contenders of other channels, plus its channel's passing rows that pass
 * question 7 against the new median.
 */
export class ShortlistProbe {
  private readonly channels = new Map<string, ChannelPeers>();
  private readonly contenders: number[] = [];
  private readonly rows: ScoredRows;
  /**
   * What the ranking compares, for the rows in any of the sorted lists (the
   * others are never compared): the rows may be read through one cursor.
   */
  private readonly rankFields: RankFields[];
  /** The probed vehicle's rank fields, reused so that probing allocates nothing. */
  private readonly scratch: RankFields = { efficiency: 0, pipeline: 0, name: "" };

  constructor(
    vehicles: readonly ScoredVehicle[] | ScoredRows,
    private readonly evaluation: StatusEvaluation,
    private readonly settings: PlanSettings,
  ) {
    this.rows = rowsOf(vehicles);
    const rows = this.rows;
    const passingByChannel = passingEfficienciesByChannel(rows, evaluation.answers);
    this.rankFields = new Array<RankFields>(rows.length);
    for (let index = 0; index < rows.length; index++) {
      const vehicle = rows.cursorAt(index);
      const contends = evaluation.statuses[index].eliminatedAt === null;
      const passesSix = evaluation.answers.passesFirst(index, 6);
      if (!contends && !passesSix) continue;
      const { efficiency, pipeline, name } = vehicle;
      this.rankFields[index] = { efficiency, pipeline, name };
      const peers = this.peersOf(vehicle.channelKey);
      if (contends) {
        this.contenders.push(index);
        peers.contenders.push(index);
      }
      if (!passesSix) continue;
      const hand = vehicle.values.handAnswers[6] ?? null;
      if (hand === null) peers.computedSeventh.push(index);
      else if (hand) peers.seventhByHand.push(index);
    }
    for (const [channelKey, peers] of this.channels) {
      peers.passingEfficiencies = passingByChannel.get(channelKey) ?? [];
    }
    const fields = this.rankFields;
    const byRank = (a: number, b: number): number => compareRank(fields[a], fields[b]);
    this.contenders.sort(byRank);
    for (const peers of this.channels.values()) {
      peers.computedSeventh.sort(byRank);
      peers.seventhByHand.sort(byRank);
      peers.contenders.sort(byRank);
    }
  }

  private peersOf(channelKey: string): ChannelPeers {
    let peers = this.channels.get(channelKey);
    if (!peers) {
      peers = { passingEfficiencies: [], computedSeventh: [], seventhByHand: [], contenders: [] };
      this.channels.set(channelKey, peers);
    }
    return peers;
  }

  isShortlisted(index: number, multiplier: number): boolean {
    const vehicle = this.rows.cursorAt(index);
    const answers = this.evaluation.answers;
    if (!answers.passesFirst(index, 4) || answers.answer(index, 5) === "Fail") return false;
    const pipeline = vehicle.pipeline * multiplier;
    const efficiency = efficiencyOf(vehicle.values, this.settings.hourlyRate, pipeline);
    if (efficiency === null || !Number.isFinite(pipeline)) return false;
    const scaled = this.scratch;
    scaled.pipeline = pipeline;
    scaled.efficiency = efficiency;
    scaled.name = vehicle.name;
    const values = vehicle.values;
    const fifth = handAnswer(values, 5);
    if (fifth ? fifth.answer === "Fail" : !meetsImpactThreshold(values, pipeline, this.settings))
      return false;

    const peers = this.peersOf(vehicle.channelKey);
    const wasPassing = answers.passesFirst(index, 6);
    const channelMedian = medianAfterChange(
      peers.passingEfficiencies,
      wasPassing ? vehicle.efficiency : null,
      scaled.efficiency,
    );
    const seventh = values.handAnswers[6] ?? null;
    const passesSeventh = seventh ?? (channelMedian === null || scaled.efficiency >= channelMedian);
    if (!passesSeventh) return false;

    const otherChannels =
      countOutranking(this.rankFields, this.contenders, scaled) -
      countOutranking(this.rankFields, peers.contenders, scaled);
    // Both counts are prefixes of one order (best first), so the rows that outrank the vehicle and
    // pass question 7 against the new median are the shorter prefix.
    const computedPeers = Math.min(
      countOutranking(this.rankFields, peers.computedSeventh, scaled),
      channelMedian === null ? 0 : countAtLeast(this.rankFields, peers.computedSeventh, channelMedian),
    );
    const handPeers = countOutranking(this.rankFields, peers.seventhByHand, scaled);
    return otherChannels + computedPeers + handPeers < this.settings.bandwidth;
  }

  /** See `ChannelPeers.cutoff`. */
  private cutoffOf(channelKey: string): number | null {
    const peers = this.peersOf(channelKey);
    if (peers.cutoff === undefined) {
      let found = 0;
      peers.cutoff = null;
      for (const index of this.contenders) {
        if (this.rows.cursorAt(index).channelKey === channelKey) continue;
        found += 1;
        if (found === this.settings.bandwidth) {
          peers.cutoff = index;
          break;
        }
      }
    }
    return peers.cutoff;
  }

  /**
   * A first guess at the step where the vehicle's E × m overtakes its channel's cutoff: for most
   * vehicles the answer, so that the search starts there and usually ends after two probes.
   */
  private stepToPassCutoff(index: number, cutoff: number | null): number {
    const efficiency = this.rows.cursorAt(index).efficiency;
    if (cutoff === null || !(efficiency > 0)) return FIRST_STEP;
    const estimate = Math.ceil((this.rankFields[cutoff].efficiency / efficiency) * 100);
    return Number.isFinite(estimate) ? Math.min(LAST_STEP, Math.max(FIRST_STEP, estimate)) : FIRST_STEP;
  }

  /** True when even at m = 10.00 the vehicle cannot outrank its channel's cutoff. */
  private outrankedByCutoff(index: number, cutoff: number | null): boolean {
    if (cutoff === null) return false;
    const vehicle = this.rows.cursorAt(index);
    const pipeline = vehicle.pipeline * multiplierOfStep(LAST_STEP);
    const efficiency = efficiencyOf(vehicle.values, this.settings.hourlyRate, pipeline);
    if (efficiency === null) return true;
    const scaled = this.scratch;
    scaled.pipeline = pipeline;
    scaled.efficiency = efficiency;
    scaled.name = vehicle.name;
    return outranks(this.rankFields[cutoff], scaled);
  }

  /**
   * The first step whose P × m meets question 5's threshold: below it the
   * vehicle cannot be shortlisted, and for a vehicle held back only by
   * question 5 it is the answer, found without a search.
   */
  private firstStepMeetingImpact(index: number): number {
    const { values, pipeline } = this.rows.rowAt(index);
    if (handAnswer(values, 5) !== null || values.impactPotential !== null || !(pipeline > 0))
      return FIRST_STEP;
    const meets = (step: number): boolean =>
      meetsImpactThreshold(values, pipeline * multiplierOfStep(step), this.settings);
    const estimate = Math.ceil((impactThreshold(this.settings) * 100) / pipeline);
    let step = Math.min(LAST_STEP, Math.max(FIRST_STEP, Number.isFinite(estimate) ? estimate : FIRST_STEP));
    while (step > FIRST_STEP && meets(step - 1)) step--;
    while (step < LAST_STEP && !meets(step)) step++;
    return step;
  }

  /** SPEC 9's m for vehicle `index`, or null when it is not asked or no m up to 10.00 will do. */
  multiplier(index: number): number | null {
    if (!SEARCHED_STATUSES.has(this.evaluation.statuses[index].status)) return null;
    const cutoff = this.cutoffOf(this.rows.cursorAt(index).channelKey);
    if (this.outrankedByCutoff(index, cutoff) || !this.isShortlisted(index, multiplierOfStep(LAST_STEP))) {
      return null;
    }
    // Shortlisting is monotone in m, so any probe splits the steps: start at the likeliest answer.
    let low = this.firstStepMeetingImpact(index);
    let high = LAST_STEP;
    const guess = Math.max(low, this.stepToPassCutoff(index, cutoff));
    if (this.isShortlisted(index, multiplierOfStep(guess))) {
      if (guess === low || !this.isShortlisted(index, multiplierOfStep(guess - 1)))
        return multiplierOfStep(guess);
      high = guess - 1;
    } else low = guess + 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.isShortlisted(index, multiplierOfStep(middle))) high = middle;
      else low = middle + 1;
    }
    return multiplierOfStep(low);
  }
}

/** SPEC 9 for every valid vehicle, in the order given. */
export function toShortlistMultipliers(
  vehicles: readonly ScoredVehicle[] | ScoredRows,
  evaluation: StatusEvaluation,
  settings: PlanSettings,
): (number | null)[] {
  const probe = new ShortlistProbe(vehicles, evaluation, settings);
  return Array.from({ length: vehicles.length }, (_, index) => probe.multiplier(index));
}

/** The conversion rate that gives P × m, when P comes from the conversion rate and that rate stays ≤ 100 %. */
export function toShortlistConversion(values: VehicleValues, multiplier: number | null): number | null {
  if (multiplier === null || values.pipeline !== null || values.conversion === null) return null;
  const rate = values.conversion * multiplier;
  return rate > 1 ? null : rate;
}
