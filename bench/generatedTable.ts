/**
 * Generated vehicle tables shaped like a user's sheet (numbers, "$1.2k" money
 * text, "12%" rates, stage lists, a few bad cells), and a loop timing an engine
 * step on them at 1,000, 10,000 and 100,000 rows, for the engine and plan benches.
 */
import type { CellBlock, CellValue } from "../src/core/cells";
import type { Outcome } from "../src/core/outcome";
import { readPlanInputs, type PlanInputs } from "../src/core/plan";
import { medianMs, printBench } from "./measure";

const HEADERS = [
  "Vehicle",
  "Channel",
  "Investment ($)",
  "Leads",
  "Conv. Rate (%)",
  "Avg deal size",
  "Pipeline",
  "Objectives",
  "Reach",
  "Resonance",
  "Message length",
  "Skill today",
  "Skill tomorrow",
  "Impact potential",
  "Prior investment",
  "Prior pipeline",
  "Hours",
  "Risk",
  "Min investment",
  "Max investment",
];
const CHANNELS = ["Events", "Digital", "Search", "Social", "Print", "Email", "Partners", "Content"];
const OBJECTIVES = [
  "Awareness, Consideration",
  "Conversion",
  "Consideration; Conversion",
  "Adoption / Value",
  "",
];
const LENGTHS = ["Short", "Medium", "Long", ""];

/**
 * A goal that half the vehicles' P meets at question 5 (0.5 × $2m / 5 = $200k), so the plan skips
 * nothing: a full shortlist to fund, and thousands of Reserve and Q5 rows for "what it would take".
 * (The default goal, the sum of every P, would eliminate every row of a large table at question 5.)
 */
const BENCH_GOAL = "$2m";

/** Deterministic pseudo-random numbers (mulberry32), so every run plans the same table. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function vehicleBlock(rows: number): CellBlock {
  const random = randomSource(rows);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const cells: CellValue[][] = [HEADERS];
  for (let i = 0; i < rows; i++) {
    const investment = Math.round(1_000 + random() * 60_000);
    const byRate = random() < 0.5;
    cells.push([
      `Vehicle ${i + 1}`,
      pick(CHANNELS),
      random() < 0.2 ? `$${(investment / 1000).toFixed(1)}k` : investment,
      Math.round(random() * 800),
      byRate ? (random() < 0.3 ? `${(1 + random() * 20).toFixed(1)}%` : random() * 0.2) : null,
      byRate ? Math.round(500 + random() * 5_000) : null,
      byRate ? null : Math.round(random() * 400_000),
      pick(OBJECTIVES),
      random() < 0.7 ? Math.round(random() * 100) / 100 : null,
      random() < 0.7 ? 1 + Math.floor(random() * 5) : null,
      pick(LENGTHS),
      random() < 0.8 ? 1 + Math.floor(random() * 5) : null,
      random() < 0.5 ? 1 + Math.floor(random() * 5) : null,
      random() < 0.2 ? Math.round(random() * 500_000) : null,
      random() < 0.5 ? Math.round(1_000 + random() * 50_000) : null,
      random() < 0.5 ? Math.round(random() * 300_000) : null,
      random() < 0.5 ? Math.round(random() * 200) : null,
      random() < 0.3 ? Math.round(random() * 40) / 100 : null,
      random() < 0.1 ? Math.round(investment * 0.8) : null,
      random() < 0.1 ? (random() < 0.02 ? { error: "#N/A" } : Math.round(investment * 1.5)) : null,
    ]);
  }
  return { sheet: "Vehicles", top: 1, left: 1, cells };
}

export function planInputs(block: CellBlock): PlanInputs {
  const inputs = readPlanInputs({ vehicles: block, overrides: { pipelineGoal: BENCH_GOAL } });
  if (!inputs.ok) throw new Error(inputs.message);
  return inputs.value;
}

const SIZES = [
  [1_000, 21],
  [10_000, 11],
  [100_000, 9],
] as const;

/** Times `step` (which fails loudly on a plan that does not come out) at every size. */
export function timeEachSize(bench: string, step: (inputs: PlanInputs) => Outcome<unknown>): void {
  for (const [rows, runs] of SIZES) {
    const block = vehicleBlock(rows);
    const medianMsValue = medianMs(runs, () => {
      const outcome = step(planInputs(block));
      if (!outcome.ok) throw new Error(outcome.message);
    });
    printBench({ bench, rows, medianMs: medianMsValue });
  }
}
