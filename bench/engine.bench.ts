/**
 * `engine`: what issue 2 times, match + parse (readPlanInputs) and metrics,
 * the seven questions and the ranking (rankVehicles), on generated vehicle
 * tables. The whole plan is the `plan` bench.
 */
import { rankVehicles } from "../src/core/plan";
import { timeEachSize } from "./generatedTable";

export async function run(): Promise<void> {
  timeEachSize("engine", rankVehicles);
}
