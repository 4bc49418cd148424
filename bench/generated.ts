/** A generated vehicle workbook of any size, written with ExcelJS, for the benches. */
import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const CHANNELS = ["Events", "Digital", "Search", "Social", "Print", "Email", "Partners", "Content"];
const OBJECTIVES = [
  "Awareness, Consideration",
  "Conversion",
  "Consideration; Conversion",
  "Adoption / Value",
  "",
];

export async function generatedWorkbook(rows: number): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Vehicles");
  sheet.addRow([
    "Vehicle",
    "Channel",
    "Investment",
    "Leads",
    "Conversion rate",
    "Average deal size",
    "Objectives",
    "Reach",
    "Resonance",
    "Hours",
    "Risk",
  ]);
  for (let i = 0; i < rows; i++) {
    sheet.addRow([
      `Vehicle ${i + 1}`,
      CHANNELS[i % CHANNELS.length],
      1_000 + ((i * 7919) % 60_000),
      (i * 37) % 800,
      ((i * 13) % 20) / 100 + 0.01,
      500 + ((i * 101) % 5_000),
      OBJECTIVES[i % OBJECTIVES.length],
      ((i * 17) % 100) / 100,
      1 + (i % 5),
      (i * 11) % 200,
      ((i * 7) % 30) / 100,
    ]);
  }
  const settings = book.addWorksheet("Planner Settings");
  settings.addRow(["Setting", "Value"]);
  settings.addRow(["Pipeline goal", 2_000_000]);
  const path = join(mkdtempSync(join(tmpdir(), "vp-bench-")), `vehicles-${rows}.xlsx`);
  await book.xlsx.writeFile(path);
  return path;
}
