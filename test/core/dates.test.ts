import fc from "fast-check";
import {
  dayTimeToIso,
  isoToDayTime,
  parseDateTime,
  parseLeadExpiry,
  serialToDayTime,
} from "../../src/core/dates";

function ok(value: unknown): unknown {
  return { kind: "ok", value };
}

describe("SPEC 10.2 date-times: Excel serials in both date systems", () => {
  test("SPEC 10.2 a 1900-system serial: 46329.5 is 2026-11-03 12:00", () => {
    const parsed = parseDateTime(46329.5, false);
    expect(parsed).toEqual(ok(46329.5));
    expect(dayTimeToIso(46329.5)).toBe("2026-11-03T12:00:00");
  });

  test("SPEC 10.2 a 1904-system serial counts from 1904-01-01: 44867.5 is the same 2026-11-03 12:00", () => {
    const parsed = parseDateTime(44867.5, true);
    expect(parsed.kind).toBe("ok");
    expect(dayTimeToIso((parsed as { value: number }).value)).toBe("2026-11-03T12:00:00");
    expect(dayTimeToIso(serialToDayTime(0, true))).toBe("1904-01-01T00:00:00");
  });

  test("SPEC 10.2 the 1900 system's serial 1 is 1900-01-01 and 61 is 1900-03-01 (past Excel's 29 February 1900)", () => {
    expect(dayTimeToIso(serialToDayTime(1, false))).toBe("1900-01-01T00:00:00");
    expect(dayTimeToIso(serialToDayTime(59, false))).toBe("1900-02-28T00:00:00");
    expect(dayTimeToIso(serialToDayTime(61, false))).toBe("1900-03-01T00:00:00");
  });

  test("SPEC 10.2 a negative serial or one past 9999-12-31 is an error that says what to type", () => {
    for (const value of [-1, 2958466, Infinity]) {
      const parsed = parseDateTime(value, false);
      expect(parsed.kind).toBe("error");
      expect((parsed as { message: string }).message).toMatch(/type a date-time such as 2026-11-03 14:20/);
    }
  });
});

describe("SPEC 10.2 date-times: ISO 8601 text as local wall-clock time", () => {
  test.each([
    ["2026-11-03", "2026-11-03T00:00:00"],
    ["2026-11-03 14:20", "2026-11-03T14:20:00"],
    ["2026-11-03T14:20:00", "2026-11-03T14:20:00"],
    ["  2026-11-03T14:20:30.5 ", "2026-11-03T14:20:31"],
    ["2028-02-29 23:59", "2028-02-29T23:59:00"],
  ])("SPEC 10.2 %s reads as %s", (text, iso) => {
    const parsed = parseDateTime(text, false);
    expect(parsed.kind).toBe("ok");
    expect(dayTimeToIso((parsed as { value: number }).value)).toBe(iso);
  });

  test("SPEC 10.2 ISO text gives the serial Excel would store for the same wall-clock time", () => {
    expect(parseDateTime("2026-11-03 12:00", false)).toEqual(ok(46329.5));
    // The date system changes how numbers are read, not text.
    expect(parseDateTime("2026-11-03 12:00", true)).toEqual(ok(46329.5));
  });

  test.each([["2026-02-29"], ["2026-13-01"], ["2026-11-03 24:00"], ["2026-11-3"], ["03/11/2026"], ["soon"]])(
    "SPEC 10.2 %s is not a date-time: an error",
    (text) => {
      const parsed = parseDateTime(text, false);
      expect(parsed).toEqual({
        kind: "error",
        message: `"${text}" is not a date-time: type a date-time such as 2026-11-03 14:20 or an Excel date`,
      });
    },
  );

  test("SPEC 10.2 text with a time zone is an error: local wall-clock time has none", () => {
    const parsed = parseDateTime("2026-11-03T14:20:00Z", false);
    expect(parsed.kind).toBe("error");
    expect((parsed as { message: string }).message).toMatch(/has a time zone.*without a zone/);
  });

  test("SPEC 10.2 blank is blank; TRUE and Excel errors are errors", () => {
    expect(parseDateTime(null, false)).toEqual({ kind: "blank" });
    expect(parseDateTime("  ", false)).toEqual({ kind: "blank" });
    expect(parseDateTime(true, false).kind).toBe("error");
    expect(parseDateTime({ error: "#N/A" }, false)).toEqual({
      kind: "error",
      message: "the cell holds the Excel error #N/A: fix the formula or type the date",
    });
  });

  test("SPEC 10.2 property: any valid wall-clock time written as ISO text reads back to the same text", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        (year, month, day, hour, minute, second) => {
          const two = (n: number) => String(n).padStart(2, "0");
          const text = `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}`;
          const read = isoToDayTime(text);
          const real = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
          if (!real) expect(read).toBeNull();
          else expect(dayTimeToIso(read as number)).toBe(text);
        },
      ),
    );
  });

  test("SPEC 10.2 property: a serial read in either date system keeps its time of day and order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 61, max: 2_950_000 }),
        fc.integer({ min: 61, max: 2_950_000 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.boolean(),
        (dayA, dayB, minute, date1904) => {
          // Whole minutes, as CRM exports carry them: the sums stay exact enough to compare.
          const a = dayA + minute / 1440;
          const b = dayB;
          const da = parseDateTime(a, date1904);
          const db = parseDateTime(b, date1904);
          if (da.kind !== "ok" || db.kind !== "ok") throw new Error("a serial in range must parse");
          expect(Math.sign(da.value - db.value)).toBe(Math.sign(a - b));
          expect(da.value - db.value).toBeCloseTo(a - b, 6);
          // Past 1 March 1900 a 1900-system serial is the DayTime itself.
          if (!date1904) expect(da.value).toBe(a);
        },
      ),
    );
  });

  test("SPEC 10.2 property: the parser never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (text, date1904) => {
        const parsed = parseDateTime(text, date1904);
        expect(["ok", "error", "blank"]).toContain(parsed.kind);
        if (parsed.kind === "ok") expect(Number.isFinite(parsed.value)).toBe(true);
      }),
    );
  });
});

describe("SPEC 10.2 Lead expiry", () => {
  test.each<[string | number, number]>([
    [24, 24],
    ["24", 24],
    ["24h", 24],
    ["36 hours", 36],
    ["3d", 72],
    ["1 week", 168],
    ["2 Weeks", 336],
    ["1.5 days", 36],
    ["12 hrs", 12],
    ["1 Hour", 1],
  ])("SPEC 10.2 %p is %p hours", (value, hours) => {
    expect(parseLeadExpiry(value)).toEqual(ok(hours));
  });

  test.each<[string | number]>([[0], [-3], ["0h"], ["3 months"], ["a day"], ["1e3"]])(
    "SPEC 10.2 %p is an error: Lead expiry must be hours above 0",
    (value) => {
      const parsed = parseLeadExpiry(value);
      expect(parsed.kind).toBe("error");
      expect((parsed as { message: string }).message).toMatch(
        /type hours above 0, such as 24, 36 hours, 3d or 1 week/,
      );
    },
  );

  test("SPEC 10.2 property: a number n with a unit of days is 24n hours", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom("d", "day", "days", "D", " days"),
        (n, unit) => {
          expect(parseLeadExpiry(`${n}${unit}`)).toEqual(ok(n * 24));
        },
      ),
    );
  });
});
