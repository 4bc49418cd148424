import fc from "fast-check";
import type { CellValue } from "../../src/core/cells";
import { FIELD_KEYS, type FieldKey } from "../../src/core/model";
import {
  parseComplexity,
  parseFieldValue,
  parseMessageLength,
  parseMoney,
  parseNumber,
  parseRate,
  parseScore,
  parseStage,
  parseStages,
  parseText,
  parseYesNo,
  type Parsed,
} from "../../src/core/values";

function okValue<T>(parsed: Parsed<T>): T {
  if (parsed.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(parsed)}`);
  return parsed.value;
}

function errorMessage<T>(parsed: Parsed<T>): string {
  if (parsed.kind !== "error") throw new Error(`expected an error, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

const EXCEL_ERRORS = [
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
];

const PARSERS: [string, (value: CellValue) => Parsed<unknown>][] = [
  ["money", parseMoney],
  ["number", parseNumber],
  ["rate", parseRate],
  ["score", parseScore],
  ["stage", parseStage],
  ["stages", parseStages],
  ["message length", parseMessageLength],
  ["complexity", parseComplexity],
  ["Yes/No", parseYesNo],
  ["text", parseText],
];

describe("SPEC 1.1 values: blank", () => {
  test.each(PARSERS)(
    "SPEC 1.1 %s: an empty cell, empty text and text of only white space are blank",
    (_, parse) => {
      for (const value of [null, "", " ", "   ", "\t", "\n", "\u00a0", " \r\n "]) {
        expect(parse(value)).toEqual({ kind: "blank" });
      }
    },
  );

  test.each(FIELD_KEYS)("SPEC 1.1 the %s field reads white space only as blank", (field) => {
    expect(parseFieldValue(field, "  ")).toEqual({ kind: "blank" });
  });
});

describe("SPEC 1.1 values: Excel error values", () => {
  const cases = PARSERS.flatMap(([name, parse]) =>
    EXCEL_ERRORS.map((error) => [name, error, parse] as const),
  );
  test.each(cases)(
    "SPEC 1.1 %s: the Excel error %s is an error that names it and the fix",
    (_, error, parse) => {
      const message = errorMessage(parse({ error }));
      expect(message).toContain(`Excel error ${error}`);
      expect(message).toContain("fix the formula or type the value");
    },
  );

  test.each(FIELD_KEYS)("SPEC 1.1 the %s field: an Excel error value is an error", (field) => {
    expect(parseFieldValue(field, { error: "#N/A" }).kind).toBe("error");
  });
});

describe("SPEC 1.1 money / number", () => {
  test.each([
    [1200, 1200],
    [0, 0],
    [-3.5, -3.5],
    [0.1, 0.1],
    ["1200", 1200],
    ["-3.5", -3.5],
    ["+7", 7],
    [".5", 0.5],
    ["5.", 5],
    ["$1.2k", 1200],
    ["$1.2K", 1200],
    ["1.2 k", 1200],
    ["0.29k", 290],
    ["2M", 2_000_000],
    ["2m", 2_000_000],
    ["$2.5M", 2_500_000],
    ["1,200", 1200],
    ["$1,200.50", 1200.5],
    ["(1,200)", -1200],
    ["($1,200)", -1200],
    ["$(1,200)", -1200],
    ["(1.2k)", -1200],
    ["-$1,200", -1200],
    ["$-1,200", -1200],
    ["€ 1 200", 1200],
    ["1 200 €", 1200],
    ["£99", 99],
    ["¥10,000", 10_000],
    ["1\u00a0200", 1200],
    ["  42  ", 42],
    ["1,5", 15],
    ["1,2,3", 123],
  ] as [CellValue, number][])("SPEC 1.1 money: %j is %p", (value, expected) => {
    expect(parseMoney(value)).toEqual({ kind: "ok", value: expected });
    expect(parseNumber(value)).toEqual({ kind: "ok", value: expected });
  });

  test('SPEC 1.1 money: "1,5" is 15, because thousands separators are dropped and there is no decimal comma', () => {
    expect(okValue(parseMoney("1,5"))).toBe(15);
  });

  test.each([
    "1e3",
    "1E3",
    "2.5e-1",
    "1.200,50x",
    "abc",
    "$",
    "k",
    "1.2.3",
    "1kk",
    "1 million",
    "0x10",
    "Infinity",
    "NaN",
    "(-5)",
    "(5",
    "5)",
    "--5",
    "1/2",
    "12%",
    "one",
    "()",
  ])("SPEC 1.1 money: %j does not parse, and the message says what to type", (text) => {
    const message = errorMessage(parseMoney(text));
    expect(message).toContain(`"${text.trim()}" is not an amount`);
    expect(message).toContain("type a plain number such as 1200");
  });

  test.each([true, false])("SPEC 1.1 money: the boolean %p is not an amount", (value) => {
    expect(errorMessage(parseMoney(value))).toBe(
      `${value ? "TRUE" : "FALSE"} is not an amount: type a number such as 1200`,
    );
  });

  test.each([Number.NaN, Infinity, -Infinity])(
    "SPEC 1.1 money: the number %p is an error, never a value",
    (value) => {
      expect(errorMessage(parseMoney(value))).toContain("type a plain number");
    },
  );

  test("SPEC 1.1 money: digits too many to store are an error, not Infinity", () => {
    expect(parseMoney("9".repeat(400)).kind).toBe("error");
  });

  test("SPEC 1.1 money: -0 is 0", () => {
    expect(Object.is(okValue(parseMoney(-0)), 0)).toBe(true);
    expect(Object.is(okValue(parseMoney("-0")), 0)).toBe(true);
  });

  test("a long cell is shortened in the message", () => {
    const message = errorMessage(parseMoney("x".repeat(10_000)));
    expect(message.length).toBeLessThan(200);
    expect(message).toContain("…");
  });
});

describe("SPEC 1.1 money ≥ 0: a negative value is an error that says so", () => {
  const NON_NEGATIVE: [FieldKey, string][] = [
    ["investment", "Investment"],
    ["leads", "Leads"],
    ["dealSize", "Average deal size"],
    ["pipeline", "Pipeline"],
    ["impactPotential", "Impact potential"],
    ["priorInvestment", "Prior investment"],
    ["priorPipeline", "Prior pipeline"],
    ["hours", "Hours"],
    ["minInvestment", "Min investment"],
    ["maxInvestment", "Max investment"],
  ];

  test.each(NON_NEGATIVE)(
    "SPEC 1.1 %s: a negative value is an error saying it must be 0 or more",
    (field, header) => {
      expect(errorMessage(parseFieldValue(field, -5))).toBe(`-5 is negative: ${header} must be 0 or more`);
      expect(errorMessage(parseFieldValue(field, "(1,200)"))).toBe(
        `-1200 is negative: ${header} must be 0 or more`,
      );
      expect(parseFieldValue(field, 0)).toEqual({ kind: "ok", value: 0 });
      expect(parseFieldValue(field, "$1.2k")).toEqual({ kind: "ok", value: 1200 });
    },
  );

  test("SPEC 1.1 a tiny negative amount is still shown in the message as negative", () => {
    expect(errorMessage(parseFieldValue("investment", -1e-9))).toBe(
      "-1e-9 is negative: Investment must be 0 or more",
    );
  });
});

describe("SPEC 1.1 rate", () => {
  test.each([
    [0, 0],
    [0.12, 0.12],
    [1, 1],
    [0.005, 0.005],
    ["0.12", 0.12],
    [".5", 0.5],
    ["1", 1],
    ["12%", 0.12],
    ["12 %", 0.12],
    [" 7% ", 0.07],
    ["16.2%", 0.162],
    ["0%", 0],
    ["100%", 1],
    ["0.5%", 0.005],
  ] as [CellValue, number][])("SPEC 1.1 rate: %j is %p with no warning", (value, expected) => {
    expect(parseRate(value)).toEqual({ kind: "ok", value: expected });
  });

  test("SPEC 1.1 rate: a typed 1 is 100 %", () => {
    expect(parseRate(1)).toEqual({ kind: "ok", value: 1 });
  });

  test.each([
    [12, 0.12, "12 read as a percentage (12%)"],
    ["12", 0.12, "12 read as a percentage (12%)"],
    [16.2, 0.162, "16.2 read as a percentage (16.2%)"],
    [100, 1, "100 read as a percentage (100%)"],
    [1.5, 0.015, "1.5 read as a percentage (1.5%)"],
  ] as [CellValue, number, string][])(
    'SPEC 1.1 rate: %j above 1 and up to 100 is %p with the warning "read as a percentage"',
    (value, expected, warning) => {
      expect(parseRate(value)).toEqual({ kind: "ok", value: expected, warning });
    },
  );

  test.each([101, 150, -0.1, -1, 1e9, Number.NaN, Infinity, -Infinity, "101", "-0.1", "-5"] as CellValue[])(
    "SPEC 1.1 rate: %p is an error saying how to type a rate",
    (value) => {
      expect(errorMessage(parseRate(value))).toContain("is not a rate: type a share between 0 and 1 (0.12)");
    },
  );

  test.each(["150%", "-5%", "101%", "%", "abc%", "1,5%"])(
    "SPEC 1.1 rate: %j with a trailing %% outside 0…100 %% or not a number is an error",
    (text) => {
      expect(errorMessage(parseRate(text))).toBe(
        `"${text}" is not a rate: type a percentage between 0% and 100%`,
      );
    },
  );

  test.each(["abc", "12 percent", "1e-1", "$0.5", "0,5", "twelve"])(
    "SPEC 1.1 rate: %j is an error",
    (text) => {
      expect(errorMessage(parseRate(text))).toBe(
        `"${text}" is not a rate: type a share such as 0.12 or a percentage such as 12%`,
      );
    },
  );

  test.each([true, false])("SPEC 1.1 rate: the boolean %p is not a rate", (value) => {
    expect(errorMessage(parseRate(value))).toContain("is not a rate");
  });

  test.each(["conversion", "reach", "risk"] as FieldKey[])(
    "SPEC 1.1 the %s field is read as a rate",
    (field) => {
      expect(parseFieldValue(field, "12%")).toEqual({ kind: "ok", value: 0.12 });
      expect(parseFieldValue(field, 12)).toEqual({
        kind: "ok",
        value: 0.12,
        warning: "12 read as a percentage (12%)",
      });
      expect(parseFieldValue(field, 150).kind).toBe("error");
    },
  );
});

describe("SPEC 1.1 score 1–5", () => {
  test.each([
    [1, 1],
    [3, 3],
    [5, 5],
    [2.5, 2.5],
    ["4", 4],
    [" 3.5 ", 3.5],
  ] as [CellValue, number][])("SPEC 1.1 score: %j is %p", (value, expected) => {
    expect(parseScore(value)).toEqual({ kind: "ok", value: expected });
  });

  test.each([
    [0, "0 is not a score: type a number from 1 to 5"],
    [6, "6 is not a score: type a number from 1 to 5"],
    [0.99, "0.99 is not a score: type a number from 1 to 5"],
    [5.01, "5.01 is not a score: type a number from 1 to 5"],
    [Number.NaN, "NaN is not a score: type a number from 1 to 5"],
    ["high", '"high" is not a score: type a number from 1 to 5'],
    ["3/5", '"3/5" is not a score: type a number from 1 to 5'],
    [true, "TRUE is not a score: type a number from 1 to 5"],
  ] as [CellValue, string][])(
    "SPEC 1.1 score: %j outside 1…5 or not a number is an error",
    (value, message) => {
      expect(errorMessage(parseScore(value))).toBe(message);
    },
  );

  test.each(["resonance", "skillToday", "skillTomorrow"] as FieldKey[])(
    "SPEC 1.1 the %s field is a score",
    (field) => {
      expect(parseFieldValue(field, 4)).toEqual({ kind: "ok", value: 4 });
      expect(parseFieldValue(field, 7).kind).toBe("error");
    },
  );
});

describe("SPEC 1.1 stages", () => {
  test.each([
    ["Awareness", "Awareness"],
    ["awareness", "Awareness"],
    ["Brand Awareness", "Awareness"],
    ["brand  awareness", "Awareness"],
    ["Consideration", "Consideration"],
    ["Conversion", "Conversion"],
    ["close", "Conversion"],
    ["Closing", "Conversion"],
    ["SALES", "Conversion"],
    ["purchase", "Conversion"],
    ["Adoption", "Adoption"],
    ["Increased adoption", "Adoption"],
    ["usage", "Adoption"],
    ["Value", "Value"],
    ["Increased understanding of value", "Value"],
    ["Advocacy", "Advocacy"],
    ["advocate", "Advocacy"],
    ["Referral", "Advocacy"],
  ])("SPEC 1.1 stages: %j names the stage %s", (text, stage) => {
    expect(parseStages(text)).toEqual({ kind: "ok", value: [stage] });
    expect(parseStage(text)).toEqual({ kind: "ok", value: stage });
  });

  test.each([",", ";", "/", "|"])("SPEC 1.1 stages: text is split on %j", (separator) => {
    expect(okValue(parseStages(`Awareness${separator} consideration ${separator}Close`))).toEqual([
      "Awareness",
      "Consideration",
      "Conversion",
    ]);
  });

  test("SPEC 1.1 stages: separators mix, empty parts are skipped, a stage named twice is listed once", () => {
    expect(parseStages("awareness; sales | close /, referral,,")).toEqual({
      kind: "ok",
      value: ["Awareness", "Conversion", "Advocacy"],
    });
  });

  test("SPEC 1.1 stages: an unknown part is a warning and is ignored", () => {
    expect(parseStages("Awareness, Retention")).toEqual({
      kind: "ok",
      value: ["Awareness"],
      warning:
        '"Retention" is not a lifecycle stage and is ignored: use Awareness, Consideration, Conversion, Adoption, Value or Advocacy',
    });
  });

  test("SPEC 1.1 stages: several unknown parts are named in one warning", () => {
    const parsed = parseStages("Loyalty; Retention");
    expect(parsed).toEqual({
      kind: "ok",
      value: [],
      warning: expect.stringContaining('"Loyalty", "Retention" are not lifecycle stages and are ignored'),
    });
  });

  test("SPEC 1.1 stages: an unknown stage is only a warning, never an error", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(parseStages(text).kind).not.toBe("error");
      }),
    );
  });

  test("SPEC 1.1 the Objectives field is read as stages", () => {
    expect(parseFieldValue("objectives", "Awareness | Value")).toEqual({
      kind: "ok",
      value: ["Awareness", "Value"],
    });
  });

  test("SPEC 1.2 Objective: an unknown stage is an error naming the stages", () => {
    expect(errorMessage(parseStage("Retention"))).toBe(
      '"Retention" is not a lifecycle stage: use Awareness, Consideration, Conversion, Adoption, Value or Advocacy',
    );
    expect(parseStage("Awareness, Value").kind).toBe("error");
  });
});

describe("SPEC 1.1 message length", () => {
  test.each([
    ["Short", "Short"],
    ["short", "Short"],
    ["S", "Short"],
    ["s", "Short"],
    ["Brief", "Short"],
    ["Medium", "Medium"],
    ["MEDIUM", "Medium"],
    ["m", "Medium"],
    ["Long", "Long"],
    ["l", "Long"],
    ["L", "Long"],
    ["Long-form", "Long"],
    ["LONGFORM", "Long"],
    ["  long  ", "Long"],
  ])("SPEC 1.1 message length: %j is %s", (text, length) => {
    expect(parseMessageLength(text)).toEqual({ kind: "ok", value: length });
    expect(parseFieldValue("messageLength", text)).toEqual({ kind: "ok", value: length });
  });

  test.each(["Tiny", "long form", "xl", "3"])(
    "SPEC 1.1 message length: %j is an error naming the choices",
    (text) => {
      expect(errorMessage(parseMessageLength(text))).toBe(
        `"${text}" is not a message length: use Short, Medium or Long`,
      );
    },
  );

  test("SPEC 1.1 message length: a number is an error", () => {
    expect(errorMessage(parseMessageLength(2))).toBe(
      '"2" is not a message length: use Short, Medium or Long',
    );
  });
});

describe("SPEC 1.2 message complexity", () => {
  test.each([
    ["Simple", "Simple"],
    ["simple", "Simple"],
    ["MODERATE", "Moderate"],
    [" Complex ", "Complex"],
  ])("SPEC 1.2 Message complexity: %j is %s", (text, complexity) => {
    expect(parseComplexity(text)).toEqual({ kind: "ok", value: complexity });
  });

  test("SPEC 1.2 Message complexity: another word is an error naming the choices", () => {
    expect(errorMessage(parseComplexity("Hard"))).toBe(
      '"Hard" is not a message complexity: use Simple, Moderate or Complex',
    );
  });
});

describe("SPEC 1.1 Yes/No", () => {
  test.each([
    ["yes", true],
    ["Yes", true],
    ["YES", true],
    ["y", true],
    ["Y", true],
    ["true", true],
    ["TRUE", true],
    ["1", true],
    ["pass", true],
    ["Pass", true],
    ["no", false],
    ["No", false],
    ["NO", false],
    ["n", false],
    ["N", false],
    ["false", false],
    ["False", false],
    ["0", false],
    ["fail", false],
    ["FAIL", false],
    [" yes ", true],
    [1, true],
    [0, false],
    [true, true],
    [false, false],
  ] as [CellValue, boolean][])("SPEC 1.1 Yes/No: %j is %p", (value, answer) => {
    expect(parseYesNo(value)).toEqual({ kind: "ok", value: answer });
  });

  test.each(["maybe", "yep", "2", "ok", "x"])("SPEC 1.1 Yes/No: %j is an error", (text) => {
    expect(errorMessage(parseYesNo(text))).toBe(`"${text}" is not Yes or No: type Yes or No`);
  });

  test.each([2, 0.5, -1])("SPEC 1.1 Yes/No: the number %p (not 1 or 0) is an error", (value) => {
    expect(errorMessage(parseYesNo(value))).toBe(`${value} is not Yes or No: type Yes or No (or 1 / 0)`);
  });

  test.each(["q1", "q2", "q3", "q4", "q5", "q6", "q7"] as FieldKey[])(
    "SPEC 1.1 the %s field is Yes/No, and blank means compute it",
    (field) => {
      expect(parseFieldValue(field, "Yes")).toEqual({ kind: "ok", value: true });
      expect(parseFieldValue(field, "fail")).toEqual({ kind: "ok", value: false });
      expect(parseFieldValue(field, null)).toEqual({ kind: "blank" });
    },
  );
});

describe("text", () => {
  test.each([
    ["  Webinar  ", "Webinar"],
    [2024, "2024"],
    [true, "TRUE"],
    [false, "FALSE"],
    ["=SUM(A1)", "=SUM(A1)"],
  ] as [CellValue, string][])("the vehicle and channel text of %j is %j", (value, text) => {
    expect(parseText(value)).toEqual({ kind: "ok", value: text });
    expect(parseFieldValue("vehicle", value)).toEqual({ kind: "ok", value: text });
    expect(parseFieldValue("channel", value)).toEqual({ kind: "ok", value: text });
  });

  test("a number Excel cannot store is an error naming the fix", () => {
    expect(errorMessage(parseText(Number.NaN))).toContain("type the name as text");
  });
});

describe("every parser on any cell value (property)", () => {
  const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.constantFrom(
      Number.NaN,
      Infinity,
      -Infinity,
      -0,
      0,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      1e300,
      -1e300,
      1e-300,
    ),
    fc.integer(),
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.string({ unit: "grapheme" }),
    fc.string({ maxLength: 10_000, minLength: 10_000 }),
    fc.constantFrom(
      "",
      " ",
      "%",
      "()",
      "$",
      "k",
      "1e3",
      "(1,200)",
      "12%",
      "1,5",
      ".",
      "-",
      "+",
      "-0",
      "9".repeat(400),
    ),
    fc.stringMatching(/^[-+$€£¥(),. 0-9kKmM%]{0,12}$/),
    fc.record({ error: fc.oneof(fc.constantFrom(...EXCEL_ERRORS), fc.string()) }),
  );

  function sane(parsed: Parsed<unknown>): void {
    expect(["blank", "ok", "error"]).toContain(parsed.kind);
    if (parsed.kind === "error") {
      expect(typeof parsed.message).toBe("string");
      expect(parsed.message.length).toBeGreaterThan(0);
      expect(parsed.message.length).toBeLessThan(400);
    }
    if (parsed.kind === "ok" && typeof parsed.value === "number") {
      expect(Number.isFinite(parsed.value)).toBe(true);
      expect(Object.is(parsed.value, -0)).toBe(false);
    }
  }

  test.each(PARSERS)("the %s parser never throws and never gives NaN or Infinity as a value", (_, parse) => {
    fc.assert(
      fc.property(cellValue, (value) => {
        sane(parse(value));
      }),
      { numRuns: 500 },
    );
  });

  test("parseFieldValue of every field never throws and never gives NaN or Infinity as a value", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELD_KEYS), cellValue, (field, value) => {
        sane(parseFieldValue(field, value));
      }),
      { numRuns: 2_000 },
    );
  });

  test("SPEC 1.1 rate: every ok rate lies in 0…1", () => {
    fc.assert(
      fc.property(cellValue, (value) => {
        const parsed = parseRate(value);
        if (parsed.kind === "ok") {
          expect(parsed.value).toBeGreaterThanOrEqual(0);
          expect(parsed.value).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  test("SPEC 1.1 money: a number is read as itself", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(parseMoney(value)).toEqual({ kind: "ok", value: value === 0 ? 0 : value });
      }),
    );
  });

  test("SPEC 1.1 money: a whole amount written with $ and thousands separators reads back to itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (amount) => {
        const grouped = Math.abs(amount)
          .toString()
          .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
        expect(okValue(parseMoney(`${amount < 0 ? "-" : ""}$${grouped}`))).toBe(amount === 0 ? 0 : amount);
        if (amount < 0) expect(okValue(parseMoney(`($${grouped})`))).toBe(amount);
      }),
    );
  });

  test("SPEC 1.1 rate: a percentage of two decimals reads as the decimal it was typed as", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (hundredths) => {
        const typed = (hundredths / 100).toString();
        expect(okValue(parseRate(`${typed}%`))).toBe(Number(`${typed}e-2`));
      }),
    );
  });
});
