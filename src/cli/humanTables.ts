/** The plan as readable, aligned text tables for the terminal. */
import type { Plan } from "../core/model";
import type { ScenarioComparison } from "../core/scenarios";
import { dayTimeToIso } from "../core/dates";
import { formatLeads, formatMoney, formatPercentFixed, formatPlain, formatRatio } from "../core/numberText";
import { questionsNotAskedOfAny } from "../core/outputSheets";

type Align = "left" | "right";

function table(headers: string[], aligns: Align[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (aligns[i] === "right" ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

const money = (value: number | null) => (value === null ? "" : formatMoney(Math.round(value)));
const share = (value: number | null) => (value === null ? "" : formatPercentFixed(value));
const ratio = (value: number | null) => (value === null ? "" : formatRatio(value));
const leads = (value: number | null) => (value === null ? "" : formatLeads(value));

export function shortlistTable(plan: Plan): string {
  const rows = plan.vehicles
    .filter((vehicle) => vehicle.rank !== null)
    .sort((a, b) => (a.rank as number) - (b.rank as number))
    .map((vehicle) => [
      String(vehicle.rank),
      vehicle.vehicle,
      vehicle.channel,
      money(vehicle.investment),
      money(vehicle.recommendedInvestment),
      vehicle.bound ?? "",
      money(vehicle.expectedPipeline),
      leads(vehicle.expectedLeads),
      ratio(vehicle.efficiency),
    ]);
  if (rows.length === 0) return "No vehicle made the shortlist.";
  return table(
    [
      "Rank",
      "Vehicle",
      "Channel",
      "Investment",
      "Recommended",
      "Bound",
      "Expected pipeline",
      "Expected leads",
      "Efficiency",
    ],
    ["right", "left", "left", "right", "right", "left", "right", "right", "right"],
    rows,
  );
}

export function mixTable(plan: Plan): string {
  return table(
    ["Channel", "Current", "Share", "Recommended", "Share", "Attention", "Gap"],
    ["left", "right", "right", "right", "right", "right", "right"],
    plan.mix.map((row) => [
      row.channel,
      money(row.currentInvestment),
      share(row.currentShare),
      money(row.recommendedInvestment),
      share(row.recommendedShare),
      share(row.attentionShare),
      share(row.gap),
    ]),
  );
}

/** The questions n/a for every vehicle with one reason, said once here as Reasons leaves them out. */
function notAskedLines(plan: Plan): string[] {
  const notAsked = questionsNotAskedOfAny(plan.vehicles).map(
    ({ question, reason }) => `${question} (${reason})`,
  );
  return notAsked.length ? [`Not asked of any vehicle: ${notAsked.join("; ")}.`] : [];
}

/** SPEC 10.1's additions to the budget summary. */
function leadLines(plan: Plan): string[] {
  const { allocation } = plan;
  if (allocation.expectedLeads === null) return [];
  const parts = [`Expected leads ${leads(allocation.expectedLeads)}`];
  if (allocation.leadCapacity !== null) {
    parts.push(`lead capacity ${leads(allocation.leadCapacity)}`);
    parts.push(`held back for capacity ${money(allocation.heldBackForCapacity)}`);
  }
  if (allocation.leadsPerRep !== null) parts.push(`leads per rep ${leads(allocation.leadsPerRep)}`);
  return [`${parts.join("; ")}.`];
}

/** SPEC 11: what more or less budget would buy. */
export function budgetCurveTable(plan: Plan): string {
  if (plan.budgetCurve.length === 0) return "No vehicle made the shortlist, so there is no budget curve.";
  return table(
    ["Budget", "Expected pipeline", "Expected leads", "Marginal per $1k", "Pipeline per $", "Note"],
    ["right", "right", "right", "right", "right", "left"],
    plan.budgetCurve.map((row) => [
      money(row.budget),
      money(row.expectedPipeline),
      leads(row.expectedLeads),
      money(row.marginalPer1k),
      ratio(row.pipelinePerDollar),
      row.note ?? "",
    ]),
  );
}

export function summaryLines(plan: Plan): string[] {
  const { allocation } = plan;
  const eliminated = new Map<number, number>();
  let invalid = 0;
  for (const vehicle of plan.vehicles) {
    if (vehicle.eliminatedAt !== null)
      eliminated.set(vehicle.eliminatedAt, (eliminated.get(vehicle.eliminatedAt) ?? 0) + 1);
    if (vehicle.status === "Invalid input") invalid++;
  }
  const byQuestion = [...eliminated.entries()]
    .sort(([a], [b]) => a - b)
    .map(([question, count]) => `Q${question}: ${count}`)
    .join(", ");
  return [
    `Budget ${money(allocation.budget)}; allocated ${allocation.allocated === null ? "nothing (the floors exceed the budget)" : money(allocation.allocated)}; expected pipeline ${allocation.expectedPipeline === null ? "none" : money(allocation.expectedPipeline)}.`,
    ...leadLines(plan),
    `Pipeline goal ${money(allocation.pipelineGoal)}; budget for the goal ${allocation.budgetForGoal === null ? "out of reach for this shortlist" : money(allocation.budgetForGoal)}.`,
    `Eliminated by question: ${byQuestion || "none"}. Invalid rows: ${invalid}.`,
    ...notAskedLines(plan),
  ];
}

export function scenarioTable(comparisons: readonly ScenarioComparison[]): string {
  return table(
    ["Scenario", "Budget", "Expected pipeline", "Change", "Entered", "Left"],
    ["left", "right", "right", "right", "left", "left"],
    comparisons.map((row) => [
      row.scenario,
      money(row.budget),
      money(row.expectedPipeline),
      money(row.changeInExpectedPipeline),
      row.entered.join(", "),
      row.left.join(", "),
    ]),
  );
}

const count = (value: number) => value.toLocaleString("en-US");
const hours = (value: number | null) => (value === null ? "" : value.toFixed(1));

/** SPEC 10.2 lead health as two tables, each ending with its Total row; empty without a log. */
export function leadHealthTables(plan: Plan): string[] {
  const health = plan.leadHealth;
  if (!health) return [];
  const asOf = health.asOf === null ? "" : ` as of ${dayTimeToIso(health.asOf).replace("T", " ")}`;
  const byVehicle = table(
    [
      "Vehicle",
      "Leads",
      "In process",
      "Rotting",
      "Rotting rate",
      "Touched late",
      "Late rate",
      "Median hours",
    ],
    ["left", "right", "right", "right", "right", "right", "right", "right"],
    health.byVehicle.map((row) => [
      row.vehicle,
      count(row.leads),
      count(row.inProcess),
      count(row.rotting),
      share(row.rottingRate),
      count(row.touchedLate),
      share(row.touchedLateRate),
      hours(row.medianHoursToFirstTouch),
    ]),
  );
  const byRep = table(
    ["Owner", "In process", "Rotting", "Rotting rate", "Leads per rep", "Load"],
    ["left", "right", "right", "right", "right", "right"],
    health.byRep.map((row) => [
      row.owner,
      count(row.inProcess),
      count(row.rotting),
      share(row.rottingRate),
      row.leadsPerRep === null ? "" : formatPlain(row.leadsPerRep),
      share(row.load),
    ]),
  );
  return [`Lead health by vehicle${asOf}`, byVehicle, "", "Lead health by rep", byRep, ""];
}
