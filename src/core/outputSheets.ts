/** SPEC 6: the output tables every face writes (Shortlist, Vehicle Filter, Media Mix, Budget Curve, and Lead Health with a log), with the charts of SPEC 11. */
import { budgetCurveChart, mediaMixChart, withChart } from "./charts";
import type { LeadHealth } from "./leadHealth";
import type { BudgetCurveRow, MixRow, Plan, PlannedVehicle } from "./model";
import { finiteOrNull, formatPercentFixed } from "./numberText";
import type { ColumnFormat, OutputCell, OutputColumn, OutputSheet } from "./outputTable";
import { LEAD_HEALTH_BY_REP_TABLE, OUTPUT_SHEETS, OUTPUT_TABLES } from "./publicNames";

function column(header: string, format: ColumnFormat, width: number): OutputColumn {
  return { header, format, width: Math.max(width, header.length + 2) };
}

function proseColumn(header: string, width: number): OutputColumn {
  return { ...column(header, "text", width), prose: true };
}

const SHORTLIST_COLUMNS: OutputColumn[] = [
  column("Rank", "integer", 6),
  column("Vehicle", "text", 28),
  column("Channel", "text", 16),
  column("Investment", "money", 13),
  column("Recommended investment", "money", 14),
  column("Bound", "text", 8),
  column("Pipeline", "money", 13),
  column("Expected pipeline", "money", 14),
  column("Expected leads", "decimal", 10),
  column("Pipeline per lead", "money", 12),
  column("Marginal pipeline per $1k", "ratio", 14),
  column("Pipeline per $", "ratio", 10),
  column("Cost per lead", "moneyCents", 12),
  column("Efficiency", "ratio", 10),
  column("Rotting rate", "percent", 10),
  proseColumn("Why", 70),
];

export const QUESTION_HEADERS = [
  "Q1 Objective fit",
  "Q2 Reach & resonance",
  "Q3 Message fit",
  "Q4 Skills",
  "Q5 Impact",
  "Q6 Track record",
  "Q7 Efficiency",
];

const FILTER_COLUMNS: OutputColumn[] = [
  column("Vehicle", "text", 28),
  column("Channel", "text", 16),
  column("Status", "text", 16),
  ...QUESTION_HEADERS.map((header) => column(header, "text", 10)),
  column("Pipeline", "money", 13),
  column("Pipeline per $", "ratio", 10),
  column("Cost per lead", "moneyCents", 12),
  column("Efficiency", "ratio", 10),
  column("Rotting rate", "percent", 10),
  column("To make the shortlist", "text", 32),
  proseColumn("Reasons", 80),
];

const MIX_COLUMNS: OutputColumn[] = [
  column("Channel", "text", 20),
  column("Current investment", "money", 14),
  column("Current share", "percent", 10),
  column("Current pipeline", "money", 14),
  column("Pipeline per $", "ratio", 10),
  column("Recommended investment", "money", 14),
  column("Recommended share", "percent", 10),
  column("Expected pipeline", "money", 14),
  column("Change", "money", 13),
  column("Attention share", "percent", 10),
  column("Gap", "percent", 8),
];

const CURVE_COLUMNS: OutputColumn[] = [
  column("Budget", "money", 14),
  column("Expected pipeline", "money", 14),
  column("Expected leads", "decimal", 10),
  column("Marginal pipeline per $1k", "ratio", 14),
  column("Pipeline per $", "ratio", 10),
  column("Note", "text", 24),
];

function textCell(value: string): OutputCell {
  return value === "" ? null : value;
}

/** `×1.35 pipeline`, or `×1.35 pipeline (conversion 16.2%)` when P comes from a conversion rate that stays ≤ 100 %. */
export function toShortlistText(vehicle: PlannedVehicle): string {
  if (vehicle.toShortlist === null) return "";
  const multiplier = `×${vehicle.toShortlist.toFixed(2)} pipeline`;
  return vehicle.toShortlistConversion === null
    ? multiplier
    : `${multiplier} (conversion ${formatPercentFixed(vehicle.toShortlistConversion)})`;
}

/**
 * Per question, the reason it is n/a when every planned vehicle gets that same
 * n/a and reason (the table has no column for it), else null. Such a reason is
 * said once, in the pane's and the command line's summary, not on each row of
 * `Reasons`, where it would bury the reasons that tell rows apart.
 */
export function reasonsNotAskedOfAny(vehicles: readonly PlannedVehicle[]): (string | null)[] {
  const asked = vehicles.filter((vehicle) => vehicle.answers !== null);
  return QUESTION_HEADERS.map((_, index) => {
    const first = asked[0]?.answers?.at(index);
    if (first?.answer !== "n/a") return null;
    const reason = first.reason;
    const shared = asked.every(
      (vehicle) => vehicle.answers?.answer(index) === "n/a" && vehicle.answers.at(index).reason === reason,
    );
    return shared ? reason : null;
  });
}

/** The questions `reasonsNotAskedOfAny` finds, by their `Vehicle Filter` header, with the reason each shares. */
export function questionsNotAskedOfAny(
  vehicles: readonly PlannedVehicle[],
): { question: string; reason: string }[] {
  return reasonsNotAskedOfAny(vehicles).flatMap((reason, index) =>
    reason === null ? [] : [{ question: QUESTION_HEADERS[index], reason }],
  );
}

/**
 * The filter's `Reasons`: why the row is invalid, or the reasons of its
 * failing and n/a answers, leaving out the n/a reasons every row shares
 * (`notAskedOfAny`, from `reasonsNotAskedOfAny`).
 */
export function filterReasons(
  vehicle: PlannedVehicle,
  notAskedOfAny: readonly (string | null)[] = [],
): string {
  if (vehicle.answers === null) return vehicle.invalidReasons.join("; ");
  const reasons: string[] = [];
  vehicle.answers.list().forEach((answer, index) => {
    if (answer.answer === "Pass") return;
    if (answer.answer === "n/a" && (notAskedOfAny[index] ?? null) !== null) return;
    reasons.push(`Q${index + 1} ${answer.answer}: ${answer.reason}`);
  });
  return reasons.join("; ");
}

function shortlistRow(vehicle: PlannedVehicle): OutputCell[] {
  return [
    vehicle.rank,
    textCell(vehicle.vehicle),
    textCell(vehicle.channel),
    finiteOrNull(vehicle.investment),
    finiteOrNull(vehicle.recommendedInvestment),
    vehicle.bound,
    finiteOrNull(vehicle.pipeline),
    finiteOrNull(vehicle.expectedPipeline),
    finiteOrNull(vehicle.expectedLeads),
    finiteOrNull(vehicle.pipelinePerLead),
    finiteOrNull(vehicle.marginalPer1k),
    finiteOrNull(vehicle.pipelinePerDollar),
    finiteOrNull(vehicle.costPerLead),
    finiteOrNull(vehicle.efficiency),
    finiteOrNull(vehicle.rottingRate),
    textCell(vehicle.why),
  ];
}

function filterRow(vehicle: PlannedVehicle, notAskedOfAny: readonly (string | null)[]): OutputCell[] {
  const answers = vehicle.answers;
  return [
    textCell(vehicle.vehicle),
    textCell(vehicle.channel),
    vehicle.status,
    ...QUESTION_HEADERS.map((_, index) => (answers === null ? null : answers.answer(index))),
    finiteOrNull(vehicle.pipeline),
    finiteOrNull(vehicle.pipelinePerDollar),
    finiteOrNull(vehicle.costPerLead),
    finiteOrNull(vehicle.efficiency),
    finiteOrNull(vehicle.rottingRate),
    textCell(toShortlistText(vehicle)),
    textCell(filterReasons(vehicle, notAskedOfAny)),
  ];
}

function mixRow(row: MixRow): OutputCell[] {
  return [
    textCell(row.channel),
    finiteOrNull(row.currentInvestment),
    finiteOrNull(row.currentShare),
    finiteOrNull(row.currentPipeline),
    finiteOrNull(row.pipelinePerDollar),
    finiteOrNull(row.recommendedInvestment),
    finiteOrNull(row.recommendedShare),
    finiteOrNull(row.expectedPipeline),
    finiteOrNull(row.change),
    finiteOrNull(row.attentionShare),
    finiteOrNull(row.gap),
  ];
}

function curveRow(row: BudgetCurveRow): OutputCell[] {
  return [
    finiteOrNull(row.budget),
    finiteOrNull(row.expectedPipeline),
    finiteOrNull(row.expectedLeads),
    finiteOrNull(row.marginalPer1k),
    finiteOrNull(row.pipelinePerDollar),
    row.note,
  ];
}

const LEAD_HEALTH_BY_VEHICLE_COLUMNS: OutputColumn[] = [
  column("Vehicle", "text", 28),
  column("Leads", "integer", 8),
  column("In process", "integer", 10),
  column("Rotting", "integer", 8),
  column("Rotting rate", "percent", 10),
  column("Touched late", "integer", 10),
  column("Touched late rate", "percent", 10),
  column("Median hours to first touch", "ratio", 12),
];

const LEAD_HEALTH_BY_REP_COLUMNS: OutputColumn[] = [
  column("Owner", "text", 24),
  column("In process", "integer", 10),
  column("Rotting", "integer", 8),
  column("Rotting rate", "percent", 10),
  column("Leads per rep", "ratio", 10),
  { ...column("Load", "percent", 8), highlightAbove: 1 },
];

/** SPEC 10.2 `Lead Health`: the two tables side by side, each ending with its `Total` row. */
export function buildLeadHealthSheet(health: LeadHealth): OutputSheet {
  return {
    kind: "leadHealth",
    sheetName: OUTPUT_SHEETS.leadHealth,
    tableName: OUTPUT_TABLES.leadHealth,
    columns: LEAD_HEALTH_BY_VEHICLE_COLUMNS,
    rows: health.byVehicle.map((row) => [
      textCell(row.vehicle),
      row.leads,
      row.inProcess,
      row.rotting,
      finiteOrNull(row.rottingRate),
      row.touchedLate,
      finiteOrNull(row.touchedLateRate),
      finiteOrNull(row.medianHoursToFirstTouch),
    ]),
    moreTables: [
      {
        tableName: LEAD_HEALTH_BY_REP_TABLE,
        columns: LEAD_HEALTH_BY_REP_COLUMNS,
        rows: health.byRep.map((row) => [
          textCell(row.owner),
          row.inProcess,
          row.rotting,
          finiteOrNull(row.rottingRate),
          finiteOrNull(row.leadsPerRep),
          finiteOrNull(row.load),
        ]),
      },
    ],
  };
}

export function buildOutputSheets(plan: Plan): OutputSheet[] {
  const notAskedOfAny = reasonsNotAskedOfAny(plan.vehicles);
  const shortlisted = plan.vehicles
    .filter((vehicle) => vehicle.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const sheets: OutputSheet[] = [
    {
      kind: "shortlist",
      sheetName: OUTPUT_SHEETS.shortlist,
      tableName: OUTPUT_TABLES.shortlist,
      columns: SHORTLIST_COLUMNS,
      rows: shortlisted.map(shortlistRow),
    },
    {
      kind: "filter",
      sheetName: OUTPUT_SHEETS.filter,
      tableName: OUTPUT_TABLES.filter,
      columns: FILTER_COLUMNS,
      rows: plan.vehicles.map((vehicle) => filterRow(vehicle, notAskedOfAny)),
    },
    {
      kind: "mix",
      sheetName: OUTPUT_SHEETS.mix,
      tableName: OUTPUT_TABLES.mix,
      columns: MIX_COLUMNS,
      rows: plan.mix.map(mixRow),
      charts: [mediaMixChart(plan.mix)],
    },
    withChart(
      {
        kind: "budgetCurve",
        sheetName: OUTPUT_SHEETS.budgetCurve,
        tableName: OUTPUT_TABLES.budgetCurve,
        columns: CURVE_COLUMNS,
        rows: plan.budgetCurve.map(curveRow),
      },
      (sheet) =>
        budgetCurveChart(sheet, { budget: plan.settings.budget, pipelineGoal: plan.settings.pipelineGoal }),
    ),
  ];
  if (plan.leadHealth) sheets.push(buildLeadHealthSheet(plan.leadHealth));
  return sheets;
}
