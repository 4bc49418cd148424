import fc from "fast-check";
import type { CellValue } from "../../src/core/cells";
import { FIELDS, FIELD_KEYS, NUMBER_FIELDS, type FieldKey } from "../../src/core/fields";
import { FIELD_HEADERS, fieldForName, headerRowMatches, normaliseHeader } from "../../src/core/headers";
import type { ParsedVehicle } from "../../src/core/model";
import { parseFieldValue } from "../../src/core/values";
import { readVehicleTable } from "../../src/core/vehicleTable";

/**
 * SPEC 1.1's field table as the SPEC writes it (field, header, other accepted
 * names, kind, needed), so the expectations below come from the SPEC's text
 * and not from fields.ts.
 */
const SPEC_TABLE = `
| vehicle | \`Vehicle\` | name, vehiclename, tactic, program, leadsource, source | text | yes |
| channel | \`Channel\` | media, medium, mediatype, category | text | no: blank or missing is the vehicle's name |
| investment | \`Investment\` | spend, cost, budget, investmentusd | money ≥ 0 | yes |
| leads | \`Leads\` | leadcount, responses, inquiries, mqls, mql, marketingqualifiedleads | number ≥ 0 | yes |
| conversion | \`Conversion rate\` | conversion, convrate, leadtoopportunity, leadtoopp, opprate | rate | yes, unless Pipeline is given |
| dealSize | \`Average deal size\` | avgdealsize, dealsize, avgdeal, averagedeal | money ≥ 0 | yes, unless Pipeline is given |
| pipeline | \`Pipeline\` | pipelinedollars, pipelinevalue | money ≥ 0 | no |
| objectives | \`Objectives\` | objective, goals, funnelstage, stages, bestfor | list of stages | no |
| reach | \`Reach\` | segmentreach, targetreach | rate | no |
| resonance | \`Resonance\` | credibility | score 1–5 | no |
| messageLength | \`Message length\` | format, length, formatlength | Short, Medium or Long | no |
| skillToday | \`Skill today\` | capabilitytoday, skill, capability | score 1–5 | no |
| skillTomorrow | \`Skill tomorrow\` | capabilitytomorrow | score 1–5 | no |
| impactPotential | \`Impact potential\` | potentialpipeline, maxpipeline, impact | money ≥ 0 | no |
| priorInvestment | \`Prior investment\` | historicalinvestment, lastyearinvestment, previousinvestment | money ≥ 0 | no |
| priorPipeline | \`Prior pipeline\` | historicalpipeline, lastyearpipeline, previouspipeline | money ≥ 0 | no |
| hours | \`Hours\` | teamhours, efforthours, time | number ≥ 0 | no: blank is 0 |
| risk | \`Risk\` | executionrisk, riskofshortfall | rate | no: blank is 0 |
| minInvestment | \`Min investment\` | floor, minimuminvestment | money ≥ 0 | no |
| maxInvestment | \`Max investment\` | cap, ceiling, maximuminvestment | money ≥ 0 | no |
| q1 … q7 | \`Q1\` … \`Q7\` | \`q\` and the question's digit, then nothing or anything but a digit, e.g. \`q3messagefit\` | Yes or No | no: blank means "compute it" |
`;

interface SpecRow {
  field: string;
  header: string;
  otherNames: string[];
  kind: string;
  needed: string;
}

/** The SPEC's rows, with `q1 … q7` written out as its seven fields. */
const SPEC_ROWS: SpecRow[] = SPEC_TABLE.trim()
  .split("\n")
  .flatMap((line) => {
    const [field, header, names, kind, needed] = line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (field === "q1 … q7") {
      return [1, 2, 3, 4, 5, 6, 7].map((k) => ({
        field: `q${k}`,
        header: `Q${k}`,
        otherNames: [],
        kind,
        needed,
      }));
    }
    return [{ field, header: header.replace(/`/g, ""), otherNames: names.split(", "), kind, needed }];
  });

function specField(row: SpecRow): FieldKey {
  const field = FIELD_KEYS.find((key) => key === row.field);
  if (field === undefined) throw new Error(`the SPEC's field ${row.field} is not in the field table`);
  return field;
}

const HEADER_AND_NAMES = SPEC_ROWS.flatMap((row) =>
  [row.header, normaliseHeader(row.header), ...row.otherNames].map((name) => [name, row.field] as const),
);

function vehicleWith(headers: string[], cells: CellValue[]): ParsedVehicle {
  const read = readVehicleTable({ sheet: "Vehicles", top: 1, left: 1, cells: [headers, cells] });
  if (!read.ok) throw new Error(read.message);
  return read.value.vehicles[0];
}

describe("SPEC 1.1 the field table", () => {
  test("SPEC 1.1 the vehicle table has the SPEC's fields, in the SPEC's order, and no other", () => {
    expect(FIELD_KEYS).toEqual(SPEC_ROWS.map((row) => row.field));
  });

  test.each(SPEC_ROWS.map((row) => [row.field, row.header] as const))(
    "SPEC 1.1 the %s field's header is `%s`",
    (field, header) => {
      expect(FIELD_HEADERS[field as FieldKey]).toBe(header);
    },
  );

  test.each(HEADER_AND_NAMES)("SPEC 1.1 the header or other name %j names the %s field", (name, field) => {
    expect(fieldForName(name)).toBe(field);
  });

  test("SPEC 1.1 Leads also goes by mqls, mql and marketingqualifiedleads", () => {
    for (const name of ["MQLs", "MQL", "Marketing qualified leads"]) expect(fieldForName(name)).toBe("leads");
  });

  test("SPEC 1.1 no field has an other name the SPEC does not list", () => {
    for (const row of SPEC_ROWS) {
      const inTable = FIELDS.find((fieldRow) => fieldRow.key === row.field);
      expect([...(inTable?.otherNames ?? [])].sort()).toEqual(
        row.field.startsWith("q") ? [] : [...row.otherNames].sort(),
      );
    }
  });
});

describe("SPEC 1.1 the fields a header row needs", () => {
  const always = SPEC_ROWS.filter((row) => row.needed === "yes").map((row) => row.header);
  const unlessPipeline = SPEC_ROWS.filter((row) => row.needed === "yes, unless Pipeline is given").map(
    (row) => row.header,
  );

  test("SPEC 1.1 the needed fields are Vehicle, Investment and Leads, and Pipeline or the two it is computed from", () => {
    expect(always).toEqual(["Vehicle", "Investment", "Leads"]);
    expect(unlessPipeline).toEqual(["Conversion rate", "Average deal size"]);
  });

  test("SPEC 1.1 the needed headers with Pipeline match, and so do they with the fields Pipeline is computed from", () => {
    expect(headerRowMatches([...always, "Pipeline"])).toBe(true);
    expect(headerRowMatches([...always, ...unlessPipeline])).toBe(true);
  });

  test.each([...always, ...unlessPipeline])(
    "SPEC 1.1 a header row without %s (and no Pipeline) does not match",
    (missing) => {
      const headers = [...always, ...unlessPipeline].filter((header) => header !== missing);
      expect(headerRowMatches(headers)).toBe(false);
    },
  );

  test.each(always)("SPEC 1.1 a header row without %s does not match even with Pipeline", (missing) => {
    const headers = [...always, "Pipeline", ...unlessPipeline].filter((header) => header !== missing);
    expect(headerRowMatches(headers)).toBe(false);
  });
});

describe("SPEC 1.1 each field reads its kind", () => {
  const ofKind = (kind: string): FieldKey[] => SPEC_ROWS.filter((row) => row.kind === kind).map(specField);

  test.each(ofKind("money ≥ 0"))(
    "SPEC 1.1 %s is money ≥ 0: $1.2k is 1200, a negative amount an error",
    (field) => {
      expect(parseFieldValue(field, "$1.2k")).toEqual({ kind: "ok", value: 1200 });
      expect(parseFieldValue(field, -1)).toEqual({
        kind: "error",
        message: `-1 is negative: ${FIELD_HEADERS[field]} must be 0 or more`,
      });
    },
  );

  test.each(ofKind("number ≥ 0"))(
    "SPEC 1.1 %s is a number ≥ 0: 2k is 2000, a negative number an error",
    (field) => {
      expect(parseFieldValue(field, "2k")).toEqual({ kind: "ok", value: 2000 });
      expect(parseFieldValue(field, -3).kind).toBe("error");
    },
  );

  test.each(ofKind("rate"))("SPEC 1.1 %s is a rate: 12% is 0.12, 150% an error", (field) => {
    expect(parseFieldValue(field, "12%")).toEqual({ kind: "ok", value: 0.12 });
    expect(parseFieldValue(field, "150%").kind).toBe("error");
  });

  test.each(ofKind("score 1–5"))("SPEC 1.1 %s is a score 1–5: 5 reads, 0.5 and 6 are errors", (field) => {
    expect(parseFieldValue(field, 5)).toEqual({ kind: "ok", value: 5 });
    expect(parseFieldValue(field, 0.5).kind).toBe("error");
    expect(parseFieldValue(field, 6).kind).toBe("error");
  });

  test.each(ofKind("list of stages"))("SPEC 1.1 %s is a list of stages", (field) => {
    expect(parseFieldValue(field, "Close; referral")).toEqual({
      kind: "ok",
      value: ["Conversion", "Advocacy"],
    });
  });

  test.each(ofKind("Short, Medium or Long"))("SPEC 1.1 %s is Short, Medium or Long", (field) => {
    expect(parseFieldValue(field, "long-form")).toEqual({ kind: "ok", value: "Long" });
  });

  test.each(ofKind("Yes or No"))("SPEC 1.1 %s is Yes or No", (field) => {
    expect(parseFieldValue(field, "pass")).toEqual({ kind: "ok", value: true });
    expect(parseFieldValue(field, 0)).toEqual({ kind: "ok", value: false });
  });

  test.each(ofKind("text"))("SPEC 1.1 %s is text, trimmed", (field) => {
    expect(parseFieldValue(field, "  Webinar ")).toEqual({ kind: "ok", value: "Webinar" });
  });

  test("SPEC 1.1 every field's kind is one of the SPEC's kinds", () => {
    const kinds = [
      "money ≥ 0",
      "number ≥ 0",
      "rate",
      "score 1–5",
      "list of stages",
      "Short, Medium or Long",
      "Yes or No",
      "text",
    ];
    expect(SPEC_ROWS.flatMap((row) => (kinds.includes(row.kind) ? [] : [row.kind]))).toEqual([]);
  });

  test("SPEC 1.1 the engine keeps the money, number, rate and score fields as numbers", () => {
    const numeric = SPEC_ROWS.filter((row) =>
      ["money ≥ 0", "number ≥ 0", "rate", "score 1–5"].includes(row.kind),
    );
    expect(NUMBER_FIELDS).toEqual(numeric.map((row) => row.field));
  });
});

describe("SPEC 1.1 blanks", () => {
  const headers = [
    "Vehicle",
    "Investment",
    "Leads",
    "Pipeline",
    ...SPEC_ROWS.slice(7).map((row) => row.header),
  ];

  test("SPEC 1.1 a blank Hours or Risk is 0; every other blank optional field is not given", () => {
    const { values } = vehicleWith(headers, ["Webinar", 1000, 10, 5000]);
    const blankIsZero = SPEC_ROWS.filter((row) => row.needed === "no: blank is 0").map(specField);
    expect(blankIsZero).toEqual(["hours", "risk"]);
    expect(values.hours).toBe(0);
    expect(values.risk).toBe(0);
    const given = ["investment", "leads", "pipeline", ...blankIsZero];
    for (const field of NUMBER_FIELDS.filter((key) => !given.includes(key))) expect(values[field]).toBeNull();
    expect(values.objectives).toBeNull();
    expect(values.messageLength).toBeNull();
    expect(values.handAnswers).toEqual([null, null, null, null, null, null, null]);
  });
});

describe("SPEC 1.1 a number read from the sheet is the value its field's parser gives", () => {
  const headers = SPEC_ROWS.map((row) => row.header);
  /** A row with a name and `value` in `field`'s column, everything else blank. */
  const vehicleCells = (field: FieldKey, value: number): CellValue[] =>
    headers.map((header) =>
      header === FIELD_HEADERS[field] ? value : header === "Vehicle" ? "Webinar" : null,
    );

  test("SPEC 1.1 every number field: a number in the table reads as parseFieldValue reads it, or is the same error", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NUMBER_FIELDS),
        fc.oneof(fc.double({ min: -10, max: 200, noNaN: true }), fc.integer({ min: 0, max: 6 })),
        (field, value) => {
          const vehicle = vehicleWith(headers, vehicleCells(field, value));
          const parsed = parseFieldValue(field, value);
          if (parsed.kind === "ok") expect(vehicle.values[field]).toBe(parsed.value);
          if (parsed.kind === "error")
            expect(vehicle.errors.map((issue) => issue.message)).toContain(parsed.message);
        },
      ),
    );
  });
});
