/** One full run of the add-in (read, plan, write) over the recording fake, as the bench and the tests measure it. */
import type { CellValue } from "../../../src/core/cells";
import { buildOutputSheets } from "../../../src/core/outputSheets";
import { makePlan, readPlanInputs } from "../../../src/core/plan";
import { FakeExcel, installExcelEnums, workbookOver } from "./fakeExcel";

const CHANNELS = ["Events", "Digital", "Content", "Print", "Email"];

export function vehicleRows(count: number): CellValue[][] {
  const rows: CellValue[][] = [
    ["Vehicle", "Channel", "Investment", "Leads", "Conversion rate", "Average deal size", "Hours"],
  ];
  for (let i = 0; i < count; i++) {
    rows.push([
      `Vehicle ${i + 1}`,
      CHANNELS[i % CHANNELS.length],
      5_000 + ((i * 7919) % 50_000),
      50 + ((i * 31) % 900),
      0.01 + ((i * 13) % 20) / 100,
      2_000 + ((i * 101) % 20_000),
      (i * 17) % 200,
    ]);
  }
  return rows;
}

export async function fullRun(
  rows: number,
): Promise<{ excel: FakeExcel; syncs: number; maxRequestBytes: number }> {
  installExcelEnums();
  const excel = new FakeExcel();
  excel.addSheet("Vehicles", vehicleRows(rows));
  excel.addSheet("Planner Settings", [
    ["Setting", "Value"],
    ["Bandwidth", 5],
    ["Pipeline goal", "$2m"],
  ]);
  excel.addSheet("Audience Attention", [
    ["Channel", "Attention share"],
    ["Events", 0.1],
    ["Digital", 0.4],
  ]);
  const workbook = workbookOver(excel);
  const [vehicles, settings, attention] = await workbook.readSources([
    { kind: "sheet", name: "Vehicles" },
    { kind: "sheet", name: "Planner Settings" },
    { kind: "sheet", name: "Audience Attention" },
  ]);
  if (!vehicles) throw new Error("no vehicles read");
  const inputs = readPlanInputs({ vehicles, settings, attention });
  if (!inputs.ok) throw new Error(inputs.message);
  const plan = makePlan(inputs.value);
  if (!plan.ok) throw new Error(plan.message);
  await workbook.writeOutputs(buildOutputSheets(plan.value));
  return { excel, syncs: excel.syncs.length, maxRequestBytes: excel.maxRequestBytes };
}

/**
 * The vehicle table read through a name over whole columns (`Vehicles!$C:$T`)
 * when the sheet uses `usedRows` rows: how many syncs and cells it takes.
 */
export async function wholeColumnRead(
  usedRows: number,
): Promise<{ syncs: number; cellsRead: number; usedCells: number }> {
  installExcelEnums();
  const excel = new FakeExcel();
  const rows = vehicleRows(usedRows);
  excel.addSheet("Vehicles", rows, "C1");
  excel.names.push({ name: "Vehicles_all", formula: "=Vehicles!$C:$T", visible: true });
  const [block] = await workbookOver(excel).readSources([{ kind: "name", name: "Vehicles_all" }]);
  if (block?.cells.length !== rows.length) throw new Error("the whole columns were not read");
  return { syncs: excel.syncs.length, cellsRead: excel.cellsRead, usedCells: rows.length * rows[0].length };
}
