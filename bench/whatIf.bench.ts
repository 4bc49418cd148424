/**
 * One what-if change on a 200-vehicle plan: apply the changed value to the
 * parsed inputs and replan (shortlist, allocation, mix and the
 * `To make the shortlist` column), as the pane's what-if panel would.
 */
import type { CellValue } from "../src/core/cells";
import { makePlan, rankVehicles, readPlanInputs } from "../src/core/plan";
import { toShortlistMultipliers } from "../src/core/toShortlist";
import { applyScenario, type ScenarioRow } from "../src/core/scenarios";
import { medianMs, printBench } from "./measure";

const CHANNELS = ["Events", "Digital", "Content", "Print", "Email", "Partners"];

export async function run(): Promise<void> {
  const rows = 200;
  const cells: CellValue[][] = [
    [
      "Vehicle",
      "Channel",
      "Investment",
      "Leads",
      "Conversion rate",
      "Average deal size",
      "Objectives",
      "Reach",
    ],
  ];
  for (let i = 0; i < rows; i++) {
    cells.push([
      `Vehicle ${i + 1}`,
      CHANNELS[i % CHANNELS.length],
      5_000 + ((i * 7919) % 50_000),
      50 + ((i * 31) % 900),
      0.01 + ((i * 13) % 20) / 100,
      2_000 + ((i * 101) % 20_000),
      i % 3 ? "Conversion" : "Awareness",
      ((i * 17) % 100) / 100,
    ]);
  }
  const inputs = readPlanInputs({
    vehicles: { sheet: "Vehicles", top: 1, left: 1, cells },
    overrides: { pipelineGoal: "$1m" },
  });
  if (!inputs.ok) throw new Error(inputs.message);
  let value = 0.05;
  const change = (): ScenarioRow => ({
    scenario: "What if",
    vehicle: "Vehicle 7",
    field: "Conversion rate",
    value: (value = value >= 0.3 ? 0.05 : value + 0.01),
    cells: { scenario: "A2", vehicle: "B2", field: "C2", value: "D2" },
  });
  const medianMsValue = medianMs(51, () => {
    const plan = makePlan(applyScenario(inputs.value, [change()]).inputs);
    if (!plan.ok) throw new Error(plan.message);
  });
  printBench({ bench: "what-if", rows, medianMs: medianMsValue });

  const ranked = rankVehicles(inputs.value);
  if (!ranked.ok) throw new Error(ranked.message);
  const { evaluation, settings, valid } = ranked.value;
  const column = medianMs(51, () => void toShortlistMultipliers(valid, evaluation, settings));
  printBench({ bench: "to-shortlist", rows, medianMs: column });
}
