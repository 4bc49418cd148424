import { cellReference, columnLetters, quoteSheetName } from "../../src/core/cellReference";

test("SPEC 1.1 cells are named as Excel writes a reference: Vehicles!C7, 'Vehicle List'!C7", () => {
  expect(cellReference("Vehicles", 7, 3)).toBe("Vehicles!C7");
  expect(cellReference("Vehicle List", 7, 3)).toBe("'Vehicle List'!C7");
  expect(cellReference("It's", 1, 1)).toBe("'It''s'!A1");
});

test("sheet names that look like references or start with a digit are quoted", () => {
  expect(quoteSheetName("A1")).toBe("'A1'");
  expect(quoteSheetName("R2C3")).toBe("'R2C3'");
  expect(quoteSheetName("2026 plan")).toBe("'2026 plan'");
  expect(quoteSheetName("Plan_2026")).toBe("Plan_2026");
});

test("columns past Z use two and three letters", () => {
  expect([1, 26, 27, 52, 703, 16384].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "AAA", "XFD"]);
});
