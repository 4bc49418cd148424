/**
 * Builds assets/vehicle-planner-sample.xlsx, the bundled sample workbook:
 * 24 B2B marketing vehicles with every column the planner reads, plan
 * settings, the audience's share of attention by channel, and a lead log. Deterministic,
 * so rebuilding gives the same plan. Run: npm run sample:build
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { LEAD_LOG_HEADERS, leadLogRows } from "./sampleLeadLog";

const OUT = join(__dirname, "..", "assets", "vehicle-planner-sample.xlsx");
const FIXED_DATE = new Date(Date.UTC(2026, 0, 5, 9, 0, 0));

const HEADERS = [
  "Vehicle",
  "Channel",
  "Investment",
  "Leads",
  "Conversion rate",
  "Average deal size",
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
  "Q1",
  "Q2",
  "Q3",
  "Q4",
  "Q5",
  "Q6",
  "Q7",
];

type Row = (string | number | null)[];

// Vehicle, Channel, Investment, Leads, Conv, Deal, Pipeline, Objectives, Reach, Resonance, Length, Skill today, Skill tomorrow,
// Impact potential, Prior inv, Prior pipe, Hours, Risk, Min, Max
// prettier-ignore
const VEHICLES: Row[] = [
  ["Industry trade show", "Events", 90000, 450, 0.08, 24000, null, "Awareness, Consideration, Conversion", 0.45, 4, "Long", 4, 4, null, 80000, 700000, 320, 0.15, null, 150000],
  ["User conference", "Events", 120000, 380, 0.14, 26000, null, "Conversion, Adoption, Advocacy", 0.3, 5, "Long", 4, 5, null, 110000, 1150000, 600, 0.1, 80000, null],
  ["Executive dinners", "Events", 45000, 60, 0.25, 30000, null, "Conversion", 0.12, 5, "Medium", 3, 4, null, null, null, 120, 0.2, null, null],
  ["Webinar series", "Content", 30000, 900, 0.06, 15000, null, "Consideration; Conversion", 0.35, 4, "Long", 5, 5, null, 25000, 700000, 200, 0.05, null, null],
  ["White papers", "Content", 20000, 700, 0.04, 14000, null, "Consideration", 0.3, 4, "Long", 4, 4, null, 18000, 350000, 160, 0.05, null, null],
  ["SEO content", "Content", 25000, 1100, 0.03, 12000, null, "Awareness / Consideration / Conversion", 0.5, 3, "Long", 3, 4, null, 20000, 330000, 240, 0.1, null, null],
  ["Content syndication", "Content", 35000, 1400, 0.02, 13000, null, "Consideration, Conversion", 0.4, 3, "Medium", 4, 4, null, 30000, 300000, 40, 0.1, null, null],
  ["Paid search", "Digital ads", 60000, 2400, 0.025, 11000, null, "Conversion", 0.55, 3, "Short", 5, 5, null, 50000, 600000, 80, 0.05, null, 90000],
  ["Banner ads", "Digital ads", 40000, 800, 0.015, 10000, null, "Awareness", 0.6, 2, "Short", 4, 4, null, 40000, 130000, 30, 0.1, null, null],
  ["LinkedIn ads", "Digital ads", 50000, 1200, 0.03, 16000, null, "Consideration, Conversion", 0.5, 4, "Medium", 4, 5, null, 35000, 420000, 60, 0.1, null, null],
  ["Retargeting", "Digital ads", 22000, 650, 0.04, 12000, null, "Conversion", 0.25, 3, "Medium", 4, 4, null, 20000, 260000, 20, 0.05, null, null],
  ["Mobile ads", "Mobile", 28000, 900, 0.015, 9000, null, "Awareness, Conversion", 0.45, 3, "Short", 3, 3, null, null, null, 25, 0.15, null, null],
  ["Email nurture", "Email", 15000, 1600, 0.035, 12000, null, "Consideration, Conversion, Adoption", 0.6, 3, "Medium", 5, 5, null, 12000, 580000, 150, 0.05, null, 30000],
  ["Outbound calling", "Sales development", 80000, 700, 0.09, 18000, null, "Conversion", 0.4, 3, "Medium", 4, 5, null, 85000, 1050000, 900, 0.2, null, null],
  ["Direct mail", "Print", 30000, 300, 0.05, 20000, null, "Consideration; Conversion", 0.3, 3, "Medium", 3, 3, null, 30000, 240000, 60, 0.1, null, null],
  ["Print ads", "Print", 35000, 250, 0.03, 15000, null, "Awareness", 0.1, 3, "Short", 3, 3, null, null, null, 20, 0.1, null, null],
  ["Press releases", "PR", 12000, 150, 0.02, 15000, null, "Awareness", 0.4, 3, "Short", 4, 4, null, null, null, 60, 0.05, null, null],
  ["Analyst relations", "PR", 70000, 90, null, null, 600000, "Consideration, Conversion", 0.2, 5, "Long", 2, 2, null, 60000, 500000, 200, 0.25, null, null],
  ["Podcast sponsorship", "Audio", 25000, 200, 0.03, 14000, null, "Awareness", 0.15, 4, "Long", 3, 3, null, null, null, 40, 0.2, null, null],
  ["Partner co-marketing", "Partners", 40000, 500, 0.1, 22000, null, "Consideration, Conversion, Advocacy", 0.35, 4, "Medium", 3, 4, null, 30000, 700000, 180, 0.15, null, null],
  ["Customer referral program", "Partners", 10000, 120, 0.2, 25000, null, "Advocacy, Conversion", 0.15, 5, "Medium", 4, 4, 250000, 8000, 480000, 100, 0.1, null, null],
  ["Landing-page forms", "Web", 8000, 500, 0.05, 11000, null, "Conversion", 0.3, 3, "Short", 5, 5, 60000, 8000, 250000, 40, 0.05, null, null],
  ["Trade magazine sponsorship", "Print", 26000, 140, 0.04, 17000, null, "Awareness, Consideration, Conversion", 0.2, 3, "Medium", 3, 3, 700000, 26000, 120000, 30, 0.1, null, null],
  ["Account-based ads", "Digital ads", 45000, 300, 0.12, 28000, null, "Conversion", 0.25, 4, "Medium", 3, 4, null, 30000, 520000, 90, 0.15, 40000, 60000],
];

const SETTINGS: [string, string | number | null][] = [
  ["Objective", "Conversion"],
  ["Bandwidth", 5],
  ["Budget", 260000],
  ["Pipeline goal", 6000000],
  ["Message complexity", "Complex"],
  ["Minimum reach", 0.2],
  ["Minimum resonance", 3],
  ["Minimum skill", 3],
  ["Count skill tomorrow", "Yes"],
  ["Minimum impact share", 0.5],
  ["Minimum relative return", 0.5],
  ["Require track record", "No"],
  ["Hourly rate", 100],
  ["Returns elasticity", 0.7],
  ["Floor factor", 0.5],
  ["Ceiling factor", 2],
  ["Sales reps", 6],
  ["Leads per rep", 650],
];

const ATTENTION: [string, number][] = [
  ["Events", 0.08],
  ["Content", 0.2],
  ["Digital ads", 0.25],
  ["Mobile", 0.1],
  ["Email", 0.12],
  ["Print", 0.07],
  ["PR", 0.05],
  ["Partners", 0.06],
  ["Social video", 0.07],
];

const SCENARIOS: [string, string | null, string, string | number][] = [
  ["Webinars convert at 15%", "Webinar series", "Conversion rate", 0.15],
  ["Cut the budget by a fifth", null, "Budget", 208000],
  ["Six vehicles", null, "Bandwidth", 6],
  ["Bigger trade show", "Industry trade show", "Investment", 130000],
  ["Bigger trade show", "Industry trade show", "Leads", 700],
];

const MONEY = '"$"#,##0';
const PERCENT = "0.0%";

async function main(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Vehicle Planner";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;

  const vehicles = workbook.addWorksheet("Vehicles", { views: [{ state: "frozen", ySplit: 1 }] });
  const rows = VEHICLES.map((row) => [
    ...row,
    null,
    null,
    null,
    null,
    null,
    row[0] === "Customer referral program" ? "Yes" : null,
    null,
  ]);
  vehicles.addTable({
    name: "tblVehicles",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: HEADERS.map((name) => ({ name, filterButton: true })),
    rows,
  });
  const moneyColumns = [3, 6, 7, 14, 15, 16, 19, 20];
  const percentColumns = [5, 9, 18];
  moneyColumns.forEach((column) => (vehicles.getColumn(column).numFmt = MONEY));
  percentColumns.forEach((column) => (vehicles.getColumn(column).numFmt = PERCENT));
  HEADERS.forEach((header, i) => (vehicles.getColumn(i + 1).width = Math.max(10, header.length + 4)));
  vehicles.getColumn(1).width = 28;
  vehicles.getColumn(8).width = 38;

  const settings = workbook.addWorksheet("Planner Settings");
  settings.addTable({
    name: "tblPlannerSettings",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: [{ name: "Setting" }, { name: "Value" }],
    rows: SETTINGS,
  });
  settings.getColumn(1).width = 26;
  settings.getColumn(2).width = 16;

  const attention = workbook.addWorksheet("Audience Attention");
  attention.addTable({
    name: "tblAudienceAttention",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: [{ name: "Channel" }, { name: "Attention share" }],
    rows: ATTENTION,
  });
  attention.getColumn(1).width = 20;
  attention.getColumn(2).width = 16;
  attention.getColumn(2).numFmt = PERCENT;

  const scenarios = workbook.addWorksheet("Planner Scenarios");
  scenarios.addTable({
    name: "tblPlannerScenarios",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: [{ name: "Scenario" }, { name: "Vehicle" }, { name: "Field" }, { name: "Value" }],
    rows: SCENARIOS,
  });
  [28, 24, 18, 12].forEach((width, i) => (scenarios.getColumn(i + 1).width = width));

  const leadLog = workbook.addWorksheet("Lead Log", { views: [{ state: "frozen", ySplit: 1 }] });
  leadLog.addRow(LEAD_LOG_HEADERS);
  leadLog.addRows(leadLogRows(VEHICLES.map((row) => [row[0] as string, row[3] as number])));
  [10, 28, 16, 18, 18, 14].forEach((width, i) => (leadLog.getColumn(i + 1).width = width));
  [4, 5].forEach((column) => (leadLog.getColumn(column).numFmt = "yyyy-mm-dd hh:mm"));

  await workbook.xlsx.writeFile(OUT);
  console.log(`Wrote ${OUT}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
