import type { CellValue } from "../../src/core/cells";
import { readAttentionTable } from "../../src/core/attention";

function read(rows: CellValue[][]) {
  return readAttentionTable({ sheet: "Audience Attention", top: 1, left: 1, cells: rows });
}

test("SPEC 5 the attention table: Channel and Attention share by any accepted name, shares as rates", () => {
  const table = read([
    ["Medium", "Share of time"],
    ["Print", "7%"],
    [" Mobile ", 0.1],
    [null, null],
  ]);
  expect(table.ok && table.value.rows).toEqual([
    { channel: "Print", share: 0.07 },
    { channel: "Mobile", share: 0.1 },
  ]);
});

test("SPEC 5 an attention sheet without its two headers is a failure naming them", () => {
  const table = read([["Channel", "Eyeballs"]]);
  expect(!table.ok && table.message).toContain("Channel and Attention share");
});

test("SPEC 5 its problems are issues like the vehicle table's: a bad share is an error at its cell", () => {
  const table = read([
    ["Channel", "Attention share"],
    ["Print", "lots"],
    ["Mobile", 12],
  ]);
  expect(table.ok && table.value.issues.map((issue) => [issue.severity, issue.cell])).toEqual([
    ["error", "'Audience Attention'!B2"],
    ["warning", "'Audience Attention'!B3"],
  ]);
  expect(table.ok && table.value.rows).toEqual([{ channel: "Mobile", share: 0.12 }]);
});
