import { readAttentionTable } from "../../src/core/attention";
import { readLeadLog } from "../../src/core/leadLog";
import { noScenarioNamed, REQUIRED_HEADERS } from "../../src/core/messages";
import { readScenarioTable } from "../../src/core/scenarios";
import { readVehicleTable } from "../../src/core/vehicleTable";

const headerRow = (sheet: string, cells: (string | null)[]) => ({ sheet, top: 1, left: 1, cells: [cells] });

describe("SPEC 1.1 the headers a vehicle table needs, as every face words them", () => {
  test.each(["Vehicle", "Investment", "Leads", "Pipeline", "Conversion rate", "Average deal size"])(
    "SPEC 1.1 the required-headers text names %s",
    (header) => {
      expect(REQUIRED_HEADERS).toContain(header);
    },
  );

  test("SPEC 1.1 a header row without them names what it has and what it needs", () => {
    const read = readVehicleTable(headerRow("Data", ["Name", null, "Spend"]));
    expect(!read.ok && read.message).toBe(
      `No vehicle table found on Data: its header row has "Name", "Spend"; a vehicle table needs the headers ${REQUIRED_HEADERS}.`,
    );
  });

  test("SPEC 1.1 an empty header row says it has no headers", () => {
    const read = readVehicleTable(headerRow("Data", [null, "  "]));
    expect(!read.ok && read.message).toContain("its header row has no headers;");
  });
});

describe("the other tables' missing headers, worded alike", () => {
  test("SPEC 5 the attention sheet lists both headers and the ones it has", () => {
    const read = readAttentionTable(headerRow("Audience Attention", ["Channel"]));
    expect(!read.ok && read.message).toBe(
      'The attention sheet Audience Attention needs the headers Channel and Attention share in its first row; it has "Channel".',
    );
  });

  test("SPEC 8 the scenario table lists its four headers", () => {
    const read = readScenarioTable(headerRow("Planner Scenarios", ["Scenario", "Vehicle"]));
    expect(!read.ok && read.message).toBe(
      "Planner Scenarios needs the headers Scenario, Vehicle, Field and Value in its first row.",
    );
  });

  test("SPEC 10.2 the lead log names the headers it lacks and has no headers when blank", () => {
    const read = readLeadLog(headerRow("Lead Log", [null]), false);
    expect(!read.ok && read.message).toBe(
      "The lead log Lead Log needs the headers Vehicle, Owner and Handed off in its first row; it lacks Vehicle, Owner, Handed off and has no headers.",
    );
  });
});

describe("SPEC 1.1 a second column matching the same header, worded alike in every table", () => {
  test("SPEC 5 the attention sheet's second Channel column is named and ignored", () => {
    const read = readAttentionTable({
      sheet: "Audience Attention",
      top: 1,
      left: 1,
      cells: [
        ["Channel", "Media", "Attention share"],
        ["Events", "Radio", 0.5],
      ],
    });
    expect(read.ok && read.value.issues).toEqual([
      {
        severity: "warning",
        cell: "'Audience Attention'!B1",
        field: "Channel",
        message:
          '"Media" also matches Channel; the column "Channel" to its left is used and this one is ignored. Rename one of them to use the other.',
      },
    ]);
  });

  test("SPEC 10.2 the lead log's second Owner column is named and ignored", () => {
    const read = readLeadLog(
      { sheet: "Lead Log", top: 1, left: 1, cells: [["Vehicle", "Owner", "Rep", "Handed off"]] },
      false,
    );
    expect(read.ok && read.value.issues.map((issue) => [issue.cell, issue.message])).toEqual([
      [
        "'Lead Log'!C1",
        '"Rep" also matches Owner; the column "Owner" to its left is used and this one is ignored. Rename one of them to use the other.',
      ],
    ]);
  });
});

describe("SPEC 8 a scenario name the table does not hold", () => {
  test("SPEC 8 the message names the scenario and the ones the table has", () => {
    expect(noScenarioNamed("Moonshot", ["Lean", "Bold"])).toBe(
      'There is no scenario named "Moonshot" in Planner Scenarios (it has Lean, Bold).',
    );
  });

  test("SPEC 8 with no scenarios saved it says only that", () => {
    expect(noScenarioNamed("Moonshot", [])).toBe(
      'There is no scenario named "Moonshot" in Planner Scenarios.',
    );
  });
});
