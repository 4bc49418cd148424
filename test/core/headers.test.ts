import fc from "fast-check";
import type { CellBlock, CellValue } from "../../src/core/cells";
import {
  FIELD_HEADERS,
  fieldForName,
  headerRowMatches,
  headerText,
  matchHeaders,
  normaliseHeader,
} from "../../src/core/headers";
import { FIELD_KEYS, type FieldKey } from "../../src/core/model";

function headerBlock(headers: CellValue[], sheet = "Vehicles"): CellBlock {
  return { sheet, top: 1, left: 1, cells: [headers] };
}

/** SPEC 1.1's table: each field's header and its other accepted names, as the SPEC writes them. */
const SPEC_NAMES: [FieldKey, string, string[]][] = [
  ["vehicle", "Vehicle", ["name", "vehiclename", "tactic", "program", "leadsource", "source"]],
  ["channel", "Channel", ["media", "medium", "mediatype", "category"]],
  ["investment", "Investment", ["spend", "cost", "budget", "investmentusd"]],
  ["leads", "Leads", ["leadcount", "responses", "inquiries", "mqls", "mql", "marketingqualifiedleads"]],
  ["conversion", "Conversion rate", ["conversion", "convrate", "leadtoopportunity", "leadtoopp", "opprate"]],
  ["dealSize", "Average deal size", ["avgdealsize", "dealsize", "avgdeal", "averagedeal"]],
  ["pipeline", "Pipeline", ["pipelinedollars", "pipelinevalue"]],
  ["objectives", "Objectives", ["objective", "goals", "funnelstage", "stages", "bestfor"]],
  ["reach", "Reach", ["segmentreach", "targetreach"]],
  ["resonance", "Resonance", ["credibility"]],
  ["messageLength", "Message length", ["format", "length", "formatlength"]],
  ["skillToday", "Skill today", ["capabilitytoday", "skill", "capability"]],
  ["skillTomorrow", "Skill tomorrow", ["capabilitytomorrow"]],
  ["impactPotential", "Impact potential", ["potentialpipeline", "maxpipeline", "impact"]],
  [
    "priorInvestment",
    "Prior investment",
    ["historicalinvestment", "lastyearinvestment", "previousinvestment"],
  ],
  ["priorPipeline", "Prior pipeline", ["historicalpipeline", "lastyearpipeline", "previouspipeline"]],
  ["hours", "Hours", ["teamhours", "efforthours", "time"]],
  ["risk", "Risk", ["executionrisk", "riskofshortfall"]],
  ["minInvestment", "Min investment", ["floor", "minimuminvestment"]],
  ["maxInvestment", "Max investment", ["cap", "ceiling", "maximuminvestment"]],
  ["q1", "Q1", []],
  ["q2", "Q2", []],
  ["q3", "Q3", []],
  ["q4", "Q4", []],
  ["q5", "Q5", []],
  ["q6", "Q6", []],
  ["q7", "Q7", []],
];

const OTHER_NAME_CASES = SPEC_NAMES.flatMap(([field, , names]) =>
  names.map((name) => [name, field] as const),
);

describe("SPEC 1.1 header matching: normalising", () => {
  test.each([
    ["Conv. Rate (%)", "convrate"],
    ["Investment ($)", "investment"],
    ["  Average Deal-Size  ", "averagedealsize"],
    ["Lead→Opp", "leadopp"],
    ["Q3: Message fit?", "q3messagefit"],
    ["Coût unitaire", "coûtunitaire"],
    ["ÉTAPE", "étape"],
    ["Lead_Count", "leadcount"],
    ["", ""],
  ])("SPEC 1.1 header matching: %j normalises to %j", (header, normalised) => {
    expect(normaliseHeader(header)).toBe(normalised);
  });

  test('SPEC 1.1 header matching: "Conv. Rate (%)" normalises to convrate and matches Conversion rate', () => {
    expect(fieldForName("Conv. Rate (%)")).toBe("conversion");
  });

  test('SPEC 1.1 header matching: "Investment ($)" matches Investment', () => {
    expect(fieldForName("Investment ($)")).toBe("investment");
  });

  test("SPEC 1.1 header matching: a normalised header holds only lower-case letters and digits", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const normalised = normaliseHeader(text);
        expect(normalised).toMatch(/^[\p{L}\p{N}]*$/u);
        expect(normaliseHeader(normalised)).toBe(normalised);
      }),
    );
  });
});

describe("SPEC 1.1 header matching: every accepted name of every field", () => {
  test("SPEC 1.1 the canonical headers are the SPEC's", () => {
    expect(FIELD_HEADERS).toEqual(Object.fromEntries(SPEC_NAMES.map(([field, header]) => [field, header])));
  });

  test.each(SPEC_NAMES.map(([field, header]) => [header, field] as const))(
    "SPEC 1.1 header matching: the header %j, normalised, matches %s",
    (header, field) => {
      expect(fieldForName(header)).toBe(field);
      expect(fieldForName(header.toUpperCase())).toBe(field);
      expect(fieldForName(normaliseHeader(header))).toBe(field);
    },
  );

  test.each(OTHER_NAME_CASES)(
    "SPEC 1.1 header matching: the other accepted name %j matches %s",
    (name, field) => {
      expect(fieldForName(name)).toBe(field);
      const { mapping } = matchHeaders(headerBlock(["Unrelated", name.toUpperCase()]));
      expect(mapping[field]).toBe(1);
    },
  );

  test.each([
    ["Average Deal Size", "dealSize"],
    ["averagedealsize", "dealSize"],
    ["Conversion Rate", "conversion"],
    ["conversionrate", "conversion"],
    ["Message Length", "messageLength"],
    ["Min. Investment", "minInvestment"],
    ["Prior Pipeline ($)", "priorPipeline"],
    ["Investment (USD)", "investment"],
    ["Lead-to-Opp %", "conversion"],
    ["Avg. Deal", "dealSize"],
  ] as const)(
    "SPEC 1.1 header matching: %j (the header or a name, with case and signs) matches %s",
    (header, field) => {
      expect(fieldForName(header)).toBe(field);
    },
  );

  test("SPEC 8: a field's key (dealSize, impactPotential) names the field too", () => {
    for (const field of FIELD_KEYS) expect(fieldForName(field)).toBe(field);
  });

  test.each(["Notes", "Owner", "Investments", "Lead", "Deal", "Pipeline goal", "Status", "Q", ""])(
    "SPEC 1.1 header matching: %j matches no field and is ignored",
    (header) => {
      expect(fieldForName(header)).toBeNull();
      const { mapping, headers } = matchHeaders(headerBlock([header]));
      expect(mapping).toEqual({});
      expect(headers[0].field).toBeNull();
    },
  );
});

describe("SPEC 1.1 header matching: Q1 … Q7", () => {
  test.each([
    ["Q1", "q1"],
    ["q7", "q7"],
    ["Q3 Message fit", "q3"],
    ["q3messagefit", "q3"],
    ["Q5: Impact", "q5"],
    ["Q2 - Reach & resonance", "q2"],
    ["Q4 skills (hand)", "q4"],
    ["Q 6", "q6"],
  ] as const)(
    "SPEC 1.1 header matching: %j matches %s (q, its digit, then nothing or not a digit)",
    (header, field) => {
      expect(fieldForName(header)).toBe(field);
    },
  );

  test.each(["q12", "Q10", "Q1 2", "Q0", "Q8", "q71", "Question 1", "1Q", "q1\u0662"])(
    "SPEC 1.1 header matching: %j matches no question (a digit follows, or not q1…q7)",
    (header) => {
      expect(fieldForName(header)).toBeNull();
    },
  );

  test("SPEC 1.1 header matching: `q3messagefit` matches Q3 and `q12` does not match Q1", () => {
    const { mapping } = matchHeaders(headerBlock(["q3messagefit", "q12"]));
    expect(mapping).toEqual({ q3: 0 });
  });
});

describe("SPEC 1.1 two columns for one field", () => {
  test("SPEC 1.1 the leftmost column is used and the other is a warning at its header cell", () => {
    const { mapping, issues, headers } = matchHeaders({
      sheet: "Vehicle List",
      top: 3,
      left: 2,
      cells: [["Vehicle", "Spend", "Investment", "Leads", "Cost"]],
    });
    expect(mapping.investment).toBe(1);
    expect(headers.map((header) => header.field)).toEqual(["vehicle", "investment", null, "leads", null]);
    expect(issues).toEqual([
      {
        severity: "warning",
        cell: "'Vehicle List'!D3",
        field: "Investment",
        message: expect.stringContaining('"Investment" also matches Investment'),
      },
      {
        severity: "warning",
        cell: "'Vehicle List'!F3",
        field: "Investment",
        message: expect.stringContaining('"Cost" also matches Investment'),
      },
    ]);
    expect(issues[0].message).toContain('the column "Spend" to its left is used');
    expect(issues[0].message).toContain("Rename one of them");
  });

  test("SPEC 1.1 two question columns for one question: the leftmost is used, the other warned", () => {
    const { mapping, issues } = matchHeaders(headerBlock(["Q3", "Q3 message fit"]));
    expect(mapping.q3).toBe(0);
    expect(issues).toHaveLength(1);
    expect(issues[0].cell).toBe("Vehicles!B1");
    expect(issues[0].field).toBe("Q3");
  });

  test("headers lists every header cell with its text, field and reference", () => {
    const { headers } = matchHeaders({ sheet: "S", top: 5, left: 3, cells: [["Vehicle", null, 2024, true]] });
    expect(headers).toEqual([
      { column: 0, text: "Vehicle", field: "vehicle", cell: "S!C5" },
      { column: 1, text: "", field: null, cell: "S!D5" },
      { column: 2, text: "2024", field: null, cell: "S!E5" },
      { column: 3, text: "TRUE", field: null, cell: "S!F5" },
    ]);
  });

  test("an empty block has no headers and no mapping", () => {
    expect(matchHeaders({ sheet: "S", top: 1, left: 1, cells: [] })).toEqual({
      mapping: {},
      headers: [],
      issues: [],
    });
  });
});

describe("SPEC 1.1 the user can change any match by hand", () => {
  const HEADER = ["Vehicle", "Spend", "Cost", "Leads", "Notes"];

  test("SPEC 1.1 hand-made override: a field set to another column uses that column", () => {
    const { mapping, headers } = matchHeaders(headerBlock(HEADER), { investment: 2 });
    expect(mapping.investment).toBe(2);
    expect(headers.map((header) => header.field)).toEqual(["vehicle", null, "investment", "leads", null]);
  });

  test("SPEC 1.1 hand-made override: a field chosen by hand has no two-columns warning left", () => {
    expect(matchHeaders(headerBlock(HEADER)).issues).toHaveLength(1);
    expect(matchHeaders(headerBlock(HEADER), { investment: 1 }).issues).toEqual([]);
    expect(matchHeaders(headerBlock(HEADER), { channel: 4 }).issues).toHaveLength(1);
  });

  test("SPEC 1.1 hand-made override: null unmatches a field", () => {
    const { mapping, headers } = matchHeaders(headerBlock(HEADER), { leads: null });
    expect(mapping.leads).toBeUndefined();
    expect(headers[3].field).toBeNull();
  });

  test("SPEC 1.1 hand-made override: an unmatched column can be given a field, the others keep theirs", () => {
    const { mapping } = matchHeaders(headerBlock(HEADER), { channel: 4 });
    expect(mapping).toEqual({ vehicle: 0, investment: 1, leads: 3, channel: 4 });
  });

  test("SPEC 1.1 hand-made override: a column taken by hand leaves the field it matched before", () => {
    const { mapping, headers } = matchHeaders(headerBlock(HEADER), { channel: 3 });
    expect(mapping.channel).toBe(3);
    expect(mapping.leads).toBeUndefined();
    expect(headers[3].field).toBe("channel");
  });

  test.each([-1, 5, 99, 1.5, Number.NaN])(
    "SPEC 1.1 hand-made override: a column %p outside the header row unmatches the field",
    (column) => {
      const { mapping } = matchHeaders(headerBlock(HEADER), { investment: column });
      expect(mapping.investment).toBeUndefined();
    },
  );
});

describe("SPEC 1.1 a header row matches", () => {
  test.each([
    [["Vehicle", "Investment", "Leads", "Pipeline"], true],
    [["Vehicle", "Investment", "Leads", "Conversion rate", "Average deal size"], true],
    [["Tactic", "Spend", "Responses", "Conv. Rate (%)", "Avg Deal Size ($)"], true],
    [["Tactic", "Spend", "Responses", "Conv rate", "Avg deal"], true],
    [["Vehicle", "Investment", "Leads", "Conversion rate"], false],
    [["Vehicle", "Investment", "Leads", "Average deal size"], false],
    [["Vehicle", "Investment", "Pipeline"], false],
    [["Vehicle", "Leads", "Pipeline"], false],
    [["Investment", "Leads", "Pipeline"], false],
    [[null, "Vehicle", { error: "#N/A" }, "Investment", 7, "Leads", true, "Pipeline"], true],
    [[], false],
  ] as [CellValue[], boolean][])(
    "SPEC 1.1 a header row matches with Vehicle, Investment, Leads, and Pipeline or both rate and deal size: %j → %p",
    (row, matches) => {
      expect(headerRowMatches(row)).toBe(matches);
    },
  );
});

describe("headerText", () => {
  test.each([
    [null, ""],
    [{ error: "#REF!" }, ""],
    [true, "TRUE"],
    [false, "FALSE"],
    [2024, "2024"],
    ["  Leads  ", "Leads"],
  ] as [CellValue, string][])("the header cell %j reads as %j", (value, text) => {
    expect(headerText(value)).toBe(text);
  });
});
