/**
 * SPEC 5: the media-mix comparison, one row per channel and a `Total` row.
 * Channels are matched trimmed and case-insensitive; a row shows the first
 * spelling seen, from the vehicle table before the attention table.
 */
import type { AttentionRow, MixRow } from "./model";
import { TOTAL_ROW } from "./publicNames";

export interface MixInput {
  /** As shown: trimmed Channel, or the vehicle's name. */
  channel: string;
  investment: number;
  /** P. */
  pipeline: number;
  /** Null unless shortlisted and allocated. */
  recommendedInvestment: number | null;
  expectedPipeline: number | null;
}

interface ChannelSums {
  key: string;
  channel: string;
  investment: number;
  pipeline: number;
  recommended: number;
  expected: number;
  attentionShare: number | null;
}

function channelKey(channel: string): string {
  return channel.trim().toLowerCase();
}

function ratio(numerator: number, divisor: number): number | null {
  return divisor === 0 ? null : numerator / divisor;
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

/** Ordinal comparison by UTF-16 code units, as JavaScript sorts strings. */
function compareOrdinal(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function sumChannels(vehicles: MixInput[], attention: AttentionRow[] | null): ChannelSums[] {
  const channels = new Map<string, ChannelSums>();
  const channelFor = (spelling: string): ChannelSums => {
    const key = channelKey(spelling);
    let sums = channels.get(key);
    if (!sums) {
      sums = {
        key,
        channel: spelling.trim(),
        investment: 0,
        pipeline: 0,
        recommended: 0,
        expected: 0,
        attentionShare: null,
      };
      channels.set(key, sums);
    }
    return sums;
  };
  for (const vehicle of vehicles) {
    const sums = channelFor(vehicle.channel);
    sums.investment += vehicle.investment;
    sums.pipeline += vehicle.pipeline;
    sums.recommended += vehicle.recommendedInvestment ?? 0;
    sums.expected += vehicle.expectedPipeline ?? 0;
  }
  // A channel listed twice in the attention table keeps its first share.
  for (const row of attention ?? []) {
    const sums = channelFor(row.channel);
    if (sums.attentionShare === null) sums.attentionShare = row.share;
  }
  return [...channels.values()].sort((a, b) => b.investment - a.investment || compareOrdinal(a.key, b.key));
}

/**
 * Channel rows in SPEC 5 order, then `Total`. Without an allocation the
 * recommended, expected, recommended-share and change figures are null, also
 * in `Total`. With no current investment at all every current share is
 * undefined, and so is `Total`'s (null, not 0).
 */
export function buildMediaMix(
  vehicles: MixInput[],
  attention: AttentionRow[] | null,
  allocationMade: boolean,
): MixRow[] {
  const channels = sumChannels(vehicles, attention);
  const totalInvestment = channels.reduce((total, sums) => total + sums.investment, 0);
  const totalRecommended = channels.reduce((total, sums) => total + sums.recommended, 0);
  const rows = channels.map((sums): MixRow => {
    const currentShare = ratio(sums.investment, totalInvestment);
    return {
      channel: sums.channel,
      currentInvestment: sums.investment,
      currentShare,
      currentPipeline: sums.pipeline,
      pipelinePerDollar: ratio(sums.pipeline, sums.investment),
      recommendedInvestment: allocationMade ? sums.recommended : null,
      recommendedShare: allocationMade ? ratio(sums.recommended, totalRecommended) : null,
      expectedPipeline: allocationMade ? sums.expected : null,
      change: allocationMade ? sums.recommended - sums.investment : null,
      attentionShare: sums.attentionShare,
      gap: difference(currentShare, sums.attentionShare),
    };
  });
  return [...rows, totalRow(rows, attention !== null, allocationMade)];
}

/** The sum of the given values; null when none is given. */
function sumGiven(values: (number | null)[]): number | null {
  return values.reduce<number | null>(
    (total, value) => (value === null ? total : (total ?? 0) + value),
    null,
  );
}

function totalRow(rows: MixRow[], hasAttention: boolean, allocationMade: boolean): MixRow {
  const sumOf = (pick: (row: MixRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const currentInvestment = sumOf((row) => row.currentInvestment);
  const currentPipeline = sumOf((row) => row.currentPipeline);
  const recommendedInvestment = sumOf((row) => row.recommendedInvestment ?? 0);
  const attentionShare = hasAttention ? (sumGiven(rows.map((row) => row.attentionShare)) ?? 0) : null;
  return {
    channel: TOTAL_ROW,
    currentInvestment,
    currentShare: sumGiven(rows.map((row) => row.currentShare)),
    currentPipeline,
    pipelinePerDollar: ratio(currentPipeline, currentInvestment),
    recommendedInvestment: allocationMade ? recommendedInvestment : null,
    recommendedShare: allocationMade ? sumGiven(rows.map((row) => row.recommendedShare)) : null,
    expectedPipeline: allocationMade ? sumOf((row) => row.expectedPipeline ?? 0) : null,
    change: allocationMade ? recommendedInvestment - currentInvestment : null,
    attentionShare,
    gap: null,
  };
}
