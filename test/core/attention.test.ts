import fc from "fast-check";
import type { CellBlock, CellValue } from "../../src/core/cells";
import { readAttentionTable } from "../../src/core/attention";
import type { AttentionRow } from "../../src/core/model";
import type { Issue } from "../../src/core/issues";

function attentionBlock(rows: CellValue[][], sheet = "Audience Attention", top = 1, left = 1): CellBlock {
  return { sheet, top, left, cells: rows };
}

function read(rows: CellValue[][], sheet?: string): { rows: AttentionRow[]; issues: Issue[] } {
  const outcome = readAttentionTable(attentionBlock(rows, sheet));
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

describe("SPEC 5 the attention table", () => {
  test("SPEC 5 attention table: Channel and Attention share, e.g. print 7 %, mobile 10 %", () => {
    expect(
      read([
        ["Channel", "Attention share"],
        ["Print", "7%"],
        [" Mobile ", 0.1],
      ]),
    ).toEqual({
      rows: [
        { channel: "Print", share: 0.07 },
        { channel: "Mobile", share: 0.1 },
      ],
      issues: [],
    });
  });

  const CHANNEL_HEADERS = ["Channel", "channel", "Media", "MEDIUM", "Medium:"];
  const SHARE_HEADERS = [
    "Attention share",
    "Attention",
    "Time share",
    "Media time",
    "Share of time",
    "attention_share (%)",
  ];

  test.each(CHANNEL_HEADERS)("SPEC 5 attention table headers: %j is the Channel column", (header) => {
    expect(
      read([
        [header, "Attention share"],
        ["TV", 0.3],
      ]).rows,
    ).toEqual([{ channel: "TV", share: 0.3 }]);
  });

  test.each(SHARE_HEADERS)("SPEC 5 attention table headers: %j is the Attention share column", (header) => {
    expect(
      read([
        ["Channel", header],
        ["TV", 0.3],
      ]).rows,
    ).toEqual([{ channel: "TV", share: 0.3 }]);
  });

  test("SPEC 5 attention table headers: in any order, with other columns between", () => {
    expect(
      read([
        ["Notes", "Share of time", "x", "Media"],
        ["n", "25%", 1, "Radio"],
      ]).rows,
    ).toEqual([{ channel: "Radio", share: 0.25 }]);
  });

  test.each([
    [["Channel", "Share"], '"Channel", "Share"'],
    [["Name", "Attention share"], '"Name", "Attention share"'],
    [[], "no headers"],
    [[null, { error: "#N/A" }], "no headers"],
  ] as [CellValue[], string][])(
    "SPEC 5 an attention sheet without its two headers is a failure naming the headers found: %j",
    (header, found) => {
      const outcome = readAttentionTable(attentionBlock([header, ["TV", 0.3]]));
      expect(outcome).toEqual({
        ok: false,
        message: `The attention sheet Audience Attention needs the headers Channel and Attention share in its first row; it has ${found}.`,
        issues: [],
      });
    },
  );

  test("SPEC 5 an empty attention sheet is a failure, not a crash", () => {
    expect(readAttentionTable(attentionBlock([])).ok).toBe(false);
  });

  test("a missing row in a face's array reads as a blank row, never a crash", () => {
    const rows = new Array<CellValue[]>(4);
    rows[0] = ["Channel", "Attention share"];
    rows[3] = ["TV", "30%"];
    expect(read(rows)).toEqual({ rows: [{ channel: "TV", share: 0.3 }], issues: [] });
  });

  test("SPEC 5 attention table: blank rows are skipped", () => {
    expect(read([["Channel", "Attention share"], [null, null], ["  ", ""], [], ["TV", 0.3]])).toEqual({
      rows: [{ channel: "TV", share: 0.3 }],
      issues: [],
    });
  });

  test.each([
    ["150%", '"150%" is not a rate: type a percentage between 0% and 100%'],
    [-0.1, "-0.1 is not a rate: type a share between 0 and 1 (0.12) or a percentage (12%)"],
    ["lots", '"lots" is not a rate: type a share such as 0.12 or a percentage such as 12%'],
    [{ error: "#DIV/0!" }, "the cell holds the Excel error #DIV/0!: fix the formula or type the value"],
    [null, "Attention share is blank: type the channel's share of media time, such as 7%"],
  ] as [CellValue, string][])(
    "SPEC 5 a bad share (%j) is an error at its cell, and the row is left out",
    (share, message) => {
      const { rows, issues } = read([
        ["Channel", "Attention share"],
        ["TV", 0.3],
        ["Print", share],
      ]);
      expect(rows).toEqual([{ channel: "TV", share: 0.3 }]);
      expect(issues).toEqual([
        { severity: "error", cell: "'Audience Attention'!B3", field: "Attention share", message },
      ]);
    },
  );

  test("SPEC 5 a share without its channel is an error at the Channel cell", () => {
    const { rows, issues } = read([
      ["Channel", "Attention share"],
      [null, 0.2],
    ]);
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      {
        severity: "error",
        cell: "'Audience Attention'!A2",
        field: "Channel",
        message: "Channel is blank: name the channel or clear the row",
      },
    ]);
  });

  test("SPEC 5 an Excel error as the channel is an error at its cell", () => {
    const { issues } = read([
      ["Channel", "Attention share"],
      [{ error: "#REF!" }, 0.2],
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ severity: "error", cell: "'Audience Attention'!A2", field: "Channel" }),
    ]);
  });

  test("SPEC 5 a share above 1 is read as a percentage with a warning at its cell", () => {
    const { rows, issues } = read([
      ["Channel", "Attention share"],
      ["Mobile", 10],
    ]);
    expect(rows).toEqual([{ channel: "Mobile", share: 0.1 }]);
    expect(issues).toEqual([
      {
        severity: "warning",
        cell: "'Audience Attention'!B2",
        field: "Attention share",
        message: "10 read as a percentage (10%)",
      },
    ]);
  });

  test("SPEC 5 cells are named where the block sits", () => {
    const outcome = readAttentionTable(
      attentionBlock(
        [
          ["Channel", "Attention share"],
          ["TV", "x"],
        ],
        "Attention",
        4,
        3,
      ),
    );
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.value.issues[0].cell).toBe("Attention!D5");
  });

  test("SPEC 5 matched like the vehicle table's: a second Channel column is a warning at its header cell", () => {
    const { rows, issues } = read([
      ["Channel", "Media", "Attention share"],
      ["TV", "ignored", 0.3],
    ]);
    expect(rows).toEqual([{ channel: "TV", share: 0.3 }]);
    expect(issues).toEqual([
      expect.objectContaining({ severity: "warning", cell: "'Audience Attention'!B1", field: "Channel" }),
    ]);
    expect(issues[0].message).toContain('the column "Channel" to its left is used');
  });

  test("a channel listed twice (trimmed, case-insensitive) keeps its first share; the other is a warning", () => {
    const { rows, issues } = read([
      ["Channel", "Attention share"],
      ["Print", 0.07],
      [" print ", 0.5],
    ]);
    expect(rows).toEqual([{ channel: "Print", share: 0.07 }]);
    expect(issues).toEqual([
      {
        severity: "warning",
        cell: "'Audience Attention'!A3",
        field: "Channel",
        message:
          '"print" is listed again (first in row 2), so this share is ignored: keep one row per channel',
      },
    ]);
  });

  test("never throws, whatever the cells; every row's problem names a cell in that row", () => {
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.double(),
      fc.string({ maxLength: 6 }),
      fc.constantFrom("TV", "7%", "150%", "12", " "),
      fc.record({ error: fc.constant("#N/A") }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 10 }), (rows) => {
        const outcome = readAttentionTable(attentionBlock([["Channel", "Attention share"], ...rows]));
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        for (const row of outcome.value.rows) {
          expect(row.share).toBeGreaterThanOrEqual(0);
          expect(row.share).toBeLessThanOrEqual(1);
          expect(row.channel).toBe(row.channel.trim());
        }
        for (const issue of outcome.value.issues) {
          const sheetRow = Number(/(\d+)$/.exec(issue.cell ?? "")?.[1]);
          expect(sheetRow).toBeGreaterThanOrEqual(2);
          expect(sheetRow).toBeLessThanOrEqual(rows.length + 1);
        }
      }),
    );
  });
});
