import type { CellBlock } from "../../src/core/cells";
import {
  FIELD_HEADERS,
  fieldForName,
  headerRowMatches,
  matchHeaders,
  normaliseHeader,
} from "../../src/core/headers";
import { FIELD_KEYS, type FieldKey } from "../../src/core/model";

const SYNONYMS: [FieldKey, string[]][] = [
  ["vehicle", ["name", "vehiclename", "tactic", "program", "leadsource", "source"]],
  ["channel", ["media", "medium", "mediatype", "category"]],
  ["investment", ["spend", "cost", "budget", "investmentusd"]],
  ["leads", ["leadcount", "responses", "inquiries"]],
  ["conversion", ["conversion", "convrate", "leadtoopportunity", "leadtoopp", "opprate"]],
  ["dealSize", ["avgdealsize", "dealsize", "avgdeal", "averagedeal"]],
  ["pipeline", ["pipelinedollars", "pipelinevalue"]],
  ["objectives", ["objective", "goals", "funnelstage", "stages", "bestfor"]],
  ["reach", ["segmentreach", "targetreach"]],
  ["resonance", ["credibility"]],
  ["messageLength", ["format", "length", "formatlength"]],
  ["skillToday", ["capabilitytoday", "skill", "capability"]],
  ["skillTomorrow", ["capabilitytomorrow"]],
  ["impactPotential", ["potentialpipeline", "maxpipeline", "impact"]],
  ["priorInvestment", ["historicalinvestment", "lastyearinvestment", "previousinvestment"]],
  ["priorPipeline", ["historicalpipeline", "lastyearpipeline", "previouspipeline"]],
  ["hours", ["teamhours", "efforthours", "time"]],
  ["risk", ["executionrisk", "riskofshortfall"]],
  ["minInvestment", ["floor", "minimuminvestment"]],
  ["maxInvestment", ["cap", "ceiling", "maximuminvestment"]],
];

function block(headers: string[]): CellBlock {
  return { sheet: "Vehicles", top: 1, left: 1, cells: [headers] };
}

test('SPEC 1.1 header matching: "Conv. Rate (%)" normalises to convrate and "Investment ($)" to investment', () => {
  expect(normaliseHeader("Conv. Rate (%)")).toBe("convrate");
  expect(normaliseHeader("Investment ($)")).toBe("investment");
  expect(normaliseHeader("Coût unitaire")).toBe("coûtunitaire");
});

test.each(SYNONYMS)("SPEC 1.1 every accepted name of %s matches it", (field, names) => {
  for (const name of names) expect(fieldForName(name)).toBe(field);
});

test.each(FIELD_KEYS)("SPEC 1.1 the header of %s, normalised, is accepted too", (field) => {
  expect(fieldForName(FIELD_HEADERS[field].toUpperCase())).toBe(field);
});

test("SPEC 1.1 Q columns: q and the question's digit, then nothing or anything but a digit", () => {
  expect(fieldForName("Q3 Message fit")).toBe("q3");
  expect(fieldForName("q7")).toBe("q7");
  expect(fieldForName("Q12")).toBeNull();
  expect(fieldForName("Q8")).toBeNull();
});

test("SPEC 1.1 when two columns match one field the leftmost is used and the other is a warning at its header cell", () => {
  const match = matchHeaders(block(["Vehicle", "Spend", "Cost", "Leads", "Pipeline"]));
  expect(match.mapping.investment).toBe(1);
  expect(match.issues).toEqual([
    expect.objectContaining({ severity: "warning", cell: "Vehicles!C1", field: "Investment" }),
  ]);
});

test("SPEC 1.1 unmatched columns are ignored; a hand-made mapping changes any match", () => {
  const match = matchHeaders(block(["Vehicle", "Notes", "Spend", "Leads", "Pipeline", "Money"]), {
    investment: 5,
    channel: 1,
  });
  expect(match.mapping).toMatchObject({ vehicle: 0, channel: 1, investment: 5, leads: 3, pipeline: 4 });
  expect(match.headers[2].field).toBeNull();
});

test("SPEC 1.1 a header row matches with Vehicle, Investment, Leads and Pipeline or both Conversion rate and Average deal size", () => {
  expect(headerRowMatches(["Vehicle", "Investment", "Leads", "Pipeline"])).toBe(true);
  expect(headerRowMatches(["Tactic", "Spend", "Responses", "Conv rate", "Avg deal"])).toBe(true);
  expect(headerRowMatches(["Vehicle", "Investment", "Leads", "Conversion rate"])).toBe(false);
  expect(headerRowMatches(["Vehicle", "Investment", "Pipeline"])).toBe(false);
});
