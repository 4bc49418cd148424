/**
 * `plan`: the whole plan (makePlan) on generated vehicle tables: match and
 * parse, metrics, the seven questions and the ranking, then the allocation,
 * the media mix, what it would take and the planned rows every face renders.
 * The line to watch: it is what a user waits for.
 */
import { makePlan } from "../src/core/plan";
import { timeEachSize } from "./generatedTable";

export async function run(): Promise<void> {
  timeEachSize("plan", makePlan);
}
