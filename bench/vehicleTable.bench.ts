/**
 * SPEC 1.1 reading alone: readVehicleTable on a table with all 27 columns,
 * every row filled, mixing plain numbers with the text users type ("$1.2k",
 * "12%", "Yes", stage lists), so both the parsers and the row loop are timed.
 */
import type { CellBlock, CellValue } from "../src/core/cells";
import { FIELD_HEADERS } from "../src/core/headers";
import { FIELD_KEYS } from "../src/core/model";
import { readVehicleTable } from "../src/core/vehicleTable";
import { medianMs, printBench } from "./measure";

const CHANNELS = ["Events", "Digital", "Search", "Social", "Print"];
const OBJECTIVES = ["Awareness, Consideration", "Conversion", "Adoption / Value", "Close; referral"];
const LENGTHS = ["Short", "medium", "Long-form"];

function row(i: number): CellValue[] {
  const investment = 1_000 + ((i * 7919) % 60_000);
  return [
    `Vehicle ${i + 1}`,
    CHANNELS[i % CHANNELS.length],
    i % 5 === 0 ? `$${(investment / 1000).toFixed(1)}k` : investment,
    (i * 37) % 800,
    i % 3 === 0 ? `${(i % 20) + 1}%` : ((i * 13) % 20) / 100,
    i % 4 === 0 ? "2,500" : 500 + ((i * 101) % 5_000),
    i % 2 === 0 ? null : (i * 97) % 400_000,
    OBJECTIVES[i % OBJECTIVES.length],
    ((i * 17) % 100) / 100,
    1 + (i % 5),
    LENGTHS[i % LENGTHS.length],
    1 + ((i * 3) % 5),
    1 + ((i * 7) % 5),
    (i * 31) % 500_000,
    1_000 + ((i * 53) % 50_000),
    (i * 71) % 300_000,
    (i * 11) % 200,
    ((i * 7) % 30) / 100,
    Math.round(investment * 0.8),
    i % 50 === 0 ? { error: "#N/A" } : Math.round(investment * 1.5),
    i % 7 === 0 ? "Yes" : null,
    i % 11 === 0 ? "no" : null,
    i % 13 === 0 ? true : null,
    null,
    i % 17 === 0 ? 1 : null,
    null,
    i % 19 === 0 ? "FAIL" : null,
  ];
}

function vehicleBlock(rows: number): CellBlock {
  const cells: CellValue[][] = [FIELD_KEYS.map((field) => FIELD_HEADERS[field])];
  for (let i = 0; i < rows; i++) cells.push(row(i));
  return { sheet: "Vehicle List", top: 1, left: 1, cells };
}

export async function run(): Promise<void> {
  for (const [rows, runs] of [
    [10_000, 21],
    [100_000, 5],
  ]) {
    const block = vehicleBlock(rows);
    const medianMsValue = medianMs(runs, () => {
      const read = readVehicleTable(block);
      if (!read.ok || read.value.vehicles.length !== rows) throw new Error("the bench table did not read");
    });
    printBench({ bench: "vehicleTable", rows, columns: FIELD_KEYS.length, medianMs: medianMsValue });
  }
}
