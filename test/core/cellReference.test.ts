import fc from "fast-check";
import {
  cellReference,
  cellReferenceMaker,
  columnLetters,
  quoteSheetName,
} from "../../src/core/cellReference";

describe("columnLetters", () => {
  test.each([
    [1, "A"],
    [2, "B"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ])("column %i is %s", (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
  });

  test("every column from 1 to 20000 has its own letters, in Excel's order", () => {
    const seen = new Set<string>();
    let previous = "";
    for (let col = 1; col <= 20_000; col++) {
      const letters = columnLetters(col);
      expect(letters).toMatch(/^[A-Z]+$/);
      expect(seen.has(letters)).toBe(false);
      if (letters.length === previous.length) expect(letters > previous).toBe(true);
      else expect(letters.length).toBe(previous.length + 1);
      seen.add(letters);
      previous = letters;
    }
  });
});

describe("SPEC 1.1 row problems name the cell as Excel writes a reference", () => {
  test("a plain sheet name is not quoted: Vehicles!C7", () => {
    expect(cellReference("Vehicles", 7, 3)).toBe("Vehicles!C7");
  });

  test("a sheet name with a space is quoted: 'Vehicle List'!C7", () => {
    expect(cellReference("Vehicle List", 7, 3)).toBe("'Vehicle List'!C7");
  });

  test("an apostrophe in a sheet name is doubled inside the quotes: 'It''s'!A1", () => {
    expect(cellReference("It's", 1, 1)).toBe("'It''s'!A1");
  });

  test.each(["A1", "a1", "XFD1048576", "Q1", "ABC123"])(
    "a sheet named like an A1 reference (%s) is quoted",
    (sheet) => {
      expect(quoteSheetName(sheet)).toBe(`'${sheet}'`);
    },
  );

  test.each(["R2C3", "r2c3", "R", "C", "RC", "R1", "R1C", "RC1", "c"])(
    "a sheet named like an R1C1 reference (%s) is quoted",
    (sheet) => {
      expect(quoteSheetName(sheet)).toBe(`'${sheet}'`);
    },
  );

  test.each([
    "2024",
    "1Plan",
    "2026 plan",
    "Plan-B",
    "Plan (draft)",
    "Q1 Plan",
    "a+b",
    "",
    "Vehicles\u00a0List",
    "Sales×2",
  ])("a sheet name that starts with a digit or holds a space or sign (%j) is quoted", (sheet) => {
    expect(quoteSheetName(sheet)).toBe(`'${sheet}'`);
  });

  test.each([
    "Vehicles",
    "Sheet1",
    "ABCD1",
    "Plan_2024",
    "Plan.v2",
    "_hidden",
    "Véhicules",
    "車両",
    "Rate",
    "Cost",
  ])("a sheet name of letters, digits, _ and . that reads as no reference (%s) is not quoted", (sheet) => {
    expect(quoteSheetName(sheet)).toBe(sheet);
  });

  test("cellReferenceMaker names the same cells as cellReference", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 1, max: 1_048_576 }),
        fc.integer({ min: 1, max: 16_384 }),
        (sheet, row, col) => {
          expect(cellReferenceMaker(sheet)(row, col)).toBe(cellReference(sheet, row, col));
        },
      ),
    );
  });

  test("a quoted sheet name reads back to the name: strip the quotes and undouble the apostrophes", () => {
    fc.assert(
      fc.property(fc.string(), (sheet) => {
        const quoted = quoteSheetName(sheet);
        const back = quoted.startsWith("'") ? quoted.slice(1, -1).replace(/''/g, "'") : quoted;
        expect(back).toBe(sheet);
      }),
    );
  });
});
