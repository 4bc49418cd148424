/**
 * The sample workbook's `Lead Log` (SPEC 10.2): 3,000 leads handed to six
 * reps over five weeks, drawn from a seeded generator so every rebuild gives
 * the same log. Reps differ in how fast they follow up, and the busiest one
 * lets leads rot; four rows carry the problems the planner reports (a First
 * touch before the hand-off, a date that does not parse, an unknown status
 * and a vehicle the table does not have).
 */

export const LEAD_LOG_HEADERS = ["Lead", "Vehicle", "Owner", "Handed off", "First touch", "Status"];

type Cell = string | number | null;

/** Mulberry32: a small seeded generator, so the log is the same on every machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Excel serial (1900 date system) of 2026-11-02 00:00, the log's first day. */
const FIRST_DAY = 46328;
const DAYS = 35;
const MINUTE = 1 / 1440;

/** Rep, share of the leads, mean hours to first touch, chance a lead is never touched. */
const REPS: [string, number, number, number][] = [
  ["Maya Chen", 0.16, 3, 0.01],
  ["Jordan Ellis", 0.15, 6, 0.02],
  ["Priya Nair", 0.14, 9, 0.03],
  ["Sam Okafor", 0.27, 30, 0.12],
  ["Lee Martins", 0.14, 5, 0.02],
  ["Alex Romero", 0.14, 12, 0.04],
];

const OPEN = ["Working", "Contacted", "Attempting", "Nurturing"];
const ADVANCED = ["Qualified", "Opportunity", "SQL", "Converted"];
const CLOSED = ["Disqualified", "Lost", "Unqualified", "Recycled"];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function weighted<T>(random: () => number, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let left = random() * total;
  for (const item of items) {
    left -= weight(item);
    if (left < 0) return item;
  }
  return items[items.length - 1];
}

/** The log's rows: `vehicles` are [name, leads] of the vehicle table, drawn in proportion to their leads. */
export function leadLogRows(vehicles: readonly [string, number][], count = 3000): Cell[][] {
  const random = seeded(20261102);
  const asOf = FIRST_DAY + DAYS;
  const rows: Cell[][] = [];
  for (let i = 0; i < count; i++) {
    const [vehicle] = weighted(random, vehicles, ([, leads]) => leads);
    const [owner, , meanHours, neverTouched] = weighted(random, REPS, (rep) => rep[1]);
    // Hand-offs fall in working hours, 8:00 to 18:00, to the minute.
    const day = Math.floor(random() * DAYS);
    const handedOff = FIRST_DAY + day + Math.round(8 * 60 + random() * 600) * MINUTE;
    const hoursToTouch = -Math.log(1 - random()) * meanHours;
    const touchedAt = handedOff + Math.round(hoursToTouch * 60) * MINUTE;
    const touched = random() >= neverTouched && touchedAt <= asOf;
    const ageDays = asOf - handedOff;
    let status: string | null;
    if (!touched) status = random() < 0.5 ? "New" : null;
    else if (ageDays > 7) {
      const roll = random();
      status = roll < 0.35 ? pick(random, ADVANCED) : roll < 0.6 ? pick(random, CLOSED) : pick(random, OPEN);
    } else status = pick(random, OPEN);
    rows.push([`L-${10001 + i}`, vehicle, owner, handedOff, touched ? touchedAt : null, status]);
  }
  rows.sort((a, b) => (a[3] as number) - (b[3] as number));
  rows.forEach((row, i) => (row[0] = `L-${10001 + i}`));
  // The problems a real export has, one of each.
  rows[120][4] = (rows[120][3] as number) - 2 / 24;
  rows[480][3] = "next Tuesday";
  rows[900][5] = "Pending";
  rows[1500][1] = "Trade show 2025";
  return rows;
}
