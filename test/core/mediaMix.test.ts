import fc from "fast-check";
import { buildMediaMix, type MixInput } from "../../src/core/mediaMix";
import type { AttentionRow, MixRow } from "../../src/core/model";

function row(
  channel: string,
  investment: number,
  pipeline: number,
  recommendedInvestment: number | null = null,
  expectedPipeline: number | null = null,
): MixInput {
  return { channel, investment, pipeline, recommendedInvestment, expectedPipeline };
}

function byChannel(mix: MixRow[]): Record<string, MixRow> {
  return Object.fromEntries(mix.map((line) => [line.channel, line]));
}

const VEHICLES: MixInput[] = [
  row("Events", 30_000, 90_000, 40_000, 105_000),
  row("Digital", 50_000, 150_000, 45_000, 140_000),
  row("events ", 20_000, 40_000),
  row("Print", 0, 5_000, 0, 5_000),
];

describe("SPEC 5 media mix", () => {
  test("SPEC 5 rows: one per channel, sums over its valid rows, then Total", () => {
    const mix = buildMediaMix(VEHICLES, null, true);
    expect(mix).toEqual([
      {
        channel: "Digital",
        currentInvestment: 50_000,
        currentShare: 0.5,
        currentPipeline: 150_000,
        pipelinePerDollar: 3,
        recommendedInvestment: 45_000,
        recommendedShare: 45_000 / 85_000,
        expectedPipeline: 140_000,
        change: -5_000,
        attentionShare: null,
        gap: null,
      },
      {
        channel: "Events",
        currentInvestment: 50_000,
        currentShare: 0.5,
        currentPipeline: 130_000,
        pipelinePerDollar: 2.6,
        recommendedInvestment: 40_000,
        recommendedShare: 40_000 / 85_000,
        expectedPipeline: 105_000,
        change: -10_000,
        attentionShare: null,
        gap: null,
      },
      {
        channel: "Print",
        currentInvestment: 0,
        currentShare: 0,
        currentPipeline: 5_000,
        pipelinePerDollar: null,
        recommendedInvestment: 0,
        recommendedShare: 0,
        expectedPipeline: 5_000,
        change: 0,
        attentionShare: null,
        gap: null,
      },
      {
        channel: "Total",
        currentInvestment: 100_000,
        currentShare: 1,
        currentPipeline: 285_000,
        pipelinePerDollar: 2.85,
        recommendedInvestment: 85_000,
        recommendedShare: 45_000 / 85_000 + 40_000 / 85_000,
        expectedPipeline: 250_000,
        change: -15_000,
        attentionShare: null,
        gap: null,
      },
    ]);
  });

  test("SPEC 5 case/whitespace-different channel spellings are one channel shown as first seen", () => {
    const mix = buildMediaMix(
      [row("  Paid Search ", 10_000, 20_000), row("PAID SEARCH", 5_000, 1_000), row("paid search", 1_000, 0)],
      [{ channel: "Paid search", share: 0.3 }],
      false,
    );
    expect(mix.map((line) => line.channel)).toEqual(["Paid Search", "Total"]);
    expect(mix[0]).toMatchObject({ currentInvestment: 16_000, currentPipeline: 21_000, attentionShare: 0.3 });
  });

  test("SPEC 5 sort: current investment highest first, ties by lower-cased name in code-unit order", () => {
    const mix = buildMediaMix(
      [row("beta", 10, 0), row("Alpha", 10, 0), row("Zeta", 10, 0), row("_under", 10, 0), row("Big", 20, 0)],
      null,
      false,
    );
    // "_" (U+005F) sorts after upper-case letters but before lower-case ones; lower-cased names are compared.
    expect(mix.map((line) => line.channel)).toEqual(["Big", "_under", "Alpha", "beta", "Zeta", "Total"]);
  });

  test("SPEC 5 sort uses UTF-16 code units, not the locale (é after z)", () => {
    const mix = buildMediaMix(
      [row("Événements", 10, 0), row("Zines", 10, 0), row("ads", 10, 0)],
      null,
      false,
    );
    expect(mix.map((line) => line.channel)).toEqual(["ads", "Zines", "Événements", "Total"]);
  });

  test("SPEC 5 a channel with no shortlisted vehicle: recommended 0, share 0, change = −current", () => {
    const mix = byChannel(
      buildMediaMix(
        [row("Events", 30_000, 90_000, 60_000, 120_000), row("Radio", 10_000, 5_000)],
        null,
        true,
      ),
    );
    expect(mix.Radio).toMatchObject({
      recommendedInvestment: 0,
      recommendedShare: 0,
      expectedPipeline: 0,
      change: -10_000,
    });
    expect(mix.Events.recommendedShare).toBe(1);
  });

  test("SPEC 5 channels only in the attention table: all zeros, spelled as the table spells them", () => {
    const attention: AttentionRow[] = [
      { channel: "Mobile", share: 0.1 },
      { channel: "events", share: 0.25 },
      { channel: "Print", share: 0.07 },
    ];
    const mix = buildMediaMix([row("Events", 30_000, 90_000, 30_000, 90_000)], attention, true);
    expect(mix.map((line) => line.channel)).toEqual(["Events", "Mobile", "Print", "Total"]);
    expect(byChannel(mix).Mobile).toEqual({
      channel: "Mobile",
      currentInvestment: 0,
      currentShare: 0,
      currentPipeline: 0,
      pipelinePerDollar: null,
      recommendedInvestment: 0,
      recommendedShare: 0,
      expectedPipeline: 0,
      change: 0,
      attentionShare: 0.1,
      gap: -0.1,
    });
    expect(byChannel(mix).Events).toMatchObject({ currentShare: 1, attentionShare: 0.25, gap: 0.75 });
  });

  test("SPEC 5 attention share and gap: blank for a channel the attention table leaves out", () => {
    const mix = byChannel(
      buildMediaMix(
        [row("Events", 30_000, 0), row("Radio", 10_000, 0)],
        [{ channel: "Events", share: 0.5 }],
        false,
      ),
    );
    expect(mix.Events).toMatchObject({ currentShare: 0.75, attentionShare: 0.5, gap: 0.25 });
    expect(mix.Radio).toMatchObject({ attentionShare: null, gap: null });
    expect(mix.Total).toMatchObject({ attentionShare: 0.5, gap: null });
  });

  test("SPEC 5 Total: attention share empty without an attention table, 0 with an empty one", () => {
    expect(buildMediaMix([row("Events", 1, 0)], null, true).at(-1)?.attentionShare).toBeNull();
    expect(buildMediaMix([row("Events", 1, 0)], [], true).at(-1)?.attentionShare).toBe(0);
  });

  test("SPEC 5 a channel listed twice in the attention table keeps its first share", () => {
    const mix = buildMediaMix(
      [],
      [
        { channel: "Mobile", share: 0.1 },
        { channel: "MOBILE", share: 0.4 },
      ],
      true,
    );
    expect(mix.map((line) => [line.channel, line.attentionShare])).toEqual([
      ["Mobile", 0.1],
      ["Total", 0.1],
    ]);
  });

  test("SPEC 5 no allocation: recommended, recommended share, expected and change empty, also in Total", () => {
    const mix = buildMediaMix(VEHICLES, null, false);
    for (const line of mix) {
      expect(line).toMatchObject({
        recommendedInvestment: null,
        recommendedShare: null,
        expectedPipeline: null,
        change: null,
      });
    }
    expect(mix.at(-1)).toMatchObject({
      currentInvestment: 100_000,
      currentShare: 1,
      pipelinePerDollar: 2.85,
    });
  });

  test("SPEC 5 no current investment at all: every current share and Total's are empty", () => {
    const mix = buildMediaMix(
      [row("Community", 0, 8_000, 0, 8_000)],
      [{ channel: "Community", share: 0.2 }],
      true,
    );
    expect(mix.map((line) => [line.channel, line.currentShare, line.pipelinePerDollar, line.gap])).toEqual([
      ["Community", null, null, null],
      ["Total", null, null, null],
    ]);
    expect(mix[0].recommendedShare).toBeNull();
    expect(mix[1].recommendedShare).toBeNull();
  });

  test("SPEC 5 nothing at all: only a Total row of zeros", () => {
    expect(buildMediaMix([], null, true)).toEqual([
      {
        channel: "Total",
        currentInvestment: 0,
        currentShare: null,
        currentPipeline: 0,
        pipelinePerDollar: null,
        recommendedInvestment: 0,
        recommendedShare: null,
        expectedPipeline: 0,
        change: 0,
        attentionShare: null,
        gap: null,
      },
    ]);
  });

  test("SPEC 5 properties: shares sum to 1, money adds up in Total, order holds", () => {
    const channelName = fc.constantFrom(
      "Events",
      "events",
      " EVENTS",
      "Digital",
      "Print",
      "Radio",
      "Webinars",
    );
    const input = fc.record({
      channel: channelName,
      investment: fc.integer({ min: 0, max: 1_000_000 }),
      pipeline: fc.integer({ min: 0, max: 5_000_000 }),
      recommendedInvestment: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
      expectedPipeline: fc.option(fc.integer({ min: 0, max: 5_000_000 })),
    });
    fc.assert(
      fc.property(fc.array(input, { maxLength: 20 }), fc.boolean(), (vehicles, allocationMade) => {
        const mix = buildMediaMix(vehicles, null, allocationMade);
        const channels = mix.slice(0, -1);
        const total = mix[mix.length - 1];
        expect(total.channel).toBe("Total");
        expect(new Set(channels.map((line) => line.channel.toLowerCase())).size).toBe(channels.length);
        const invested = vehicles.reduce((sum, v) => sum + v.investment, 0);
        expect(total.currentInvestment).toBe(invested);
        if (invested > 0) expect(total.currentShare).toBeCloseTo(1, 12);
        else expect(total.currentShare).toBeNull();
        for (let i = 1; i < channels.length; i++) {
          const [before, after] = [channels[i - 1], channels[i]];
          expect(before.currentInvestment).toBeGreaterThanOrEqual(after.currentInvestment);
          if (before.currentInvestment === after.currentInvestment) {
            expect(before.channel.toLowerCase() < after.channel.toLowerCase()).toBe(true);
          }
        }
        const recommended = vehicles.reduce((sum, v) => sum + (v.recommendedInvestment ?? 0), 0);
        if (!allocationMade) expect(total.recommendedInvestment).toBeNull();
        else {
          expect(total.recommendedInvestment).toBe(recommended);
          expect(total.change).toBe(recommended - invested);
          if (recommended > 0) expect(total.recommendedShare).toBeCloseTo(1, 12);
          else expect(total.recommendedShare).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});
