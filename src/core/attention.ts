/**
 * SPEC 5 the attention table (`Channel`, `Attention share`): the share of the
 * target audience's media time each channel gets.
 */
import type { CellBlock } from "./cells";
import { cellReference } from "./cellReference";
import { headerText, normaliseHeader } from "./headers";
import type { Issue } from "./issues";
import { columnUsedTwice, needsHeaders, quotedHeaders } from "./messages";
import type { AttentionRow } from "./model";
import { failure, success, type Outcome } from "./outcome";
import { parseRate, parseText } from "./values";

const CHANNEL_HEADER = "Channel";
const SHARE_HEADER = "Attention share";
const CHANNEL_NAMES = new Set(["channel", "media", "medium"]);
const SHARE_NAMES = new Set(["attentionshare", "attention", "timeshare", "mediatime", "shareoftime"]);

/** Like the vehicle table's: the leftmost column that matches is used, another is a warning at its header cell. */
function matchColumn(block: CellBlock, names: ReadonlySet<string>, header: string, issues: Issue[]): number {
  const texts = (block.cells[0] ?? []).map(headerText);
  let used = -1;
  texts.forEach((text, column) => {
    if (!names.has(normaliseHeader(text))) return;
    if (used < 0) {
      used = column;
      return;
    }
    issues.push({
      severity: "warning",
      cell: cellReference(block.sheet, block.top, block.left + column),
      field: header,
      message: columnUsedTwice(text, header, texts[used]),
    });
  });
  return used;
}

export function readAttentionTable(block: CellBlock): Outcome<{ rows: AttentionRow[]; issues: Issue[] }> {
  const issues: Issue[] = [];
  const channelColumn = matchColumn(block, CHANNEL_NAMES, CHANNEL_HEADER, issues);
  const shareColumn = matchColumn(block, SHARE_NAMES, SHARE_HEADER, issues);
  if (channelColumn < 0 || shareColumn < 0) {
    return failure(
      `${needsHeaders(`The attention sheet ${block.sheet}`, [CHANNEL_HEADER, SHARE_HEADER])}; it has ${quotedHeaders(block.cells[0] ?? [])}.`,
    );
  }
  const rows: AttentionRow[] = [];
  const firstRows = new Map<string, number>();
  for (let index = 1; index < block.cells.length; index++) {
    const cells = block.cells[index] ?? [];
    const row = block.top + index;
    const channel = parseText(cells[channelColumn] ?? null);
    const share = parseRate(cells[shareColumn] ?? null);
    if (channel.kind === "blank" && share.kind === "blank") continue;
    const channelCell = cellReference(block.sheet, row, block.left + channelColumn);
    const shareCell = cellReference(block.sheet, row, block.left + shareColumn);
    if (channel.kind !== "ok") {
      const message =
        channel.kind === "error" ? channel.message : "Channel is blank: name the channel or clear the row";
      issues.push({ severity: "error", cell: channelCell, field: "Channel", message });
      continue;
    }
    if (share.kind !== "ok") {
      const message =
        share.kind === "error"
          ? share.message
          : "Attention share is blank: type the channel's share of media time, such as 7%";
      issues.push({ severity: "error", cell: shareCell, field: "Attention share", message });
      continue;
    }
    if (share.warning !== undefined)
      issues.push({ severity: "warning", cell: shareCell, field: "Attention share", message: share.warning });
    const key = channel.value.toLowerCase();
    const firstRow = firstRows.get(key);
    if (firstRow !== undefined) {
      issues.push({
        severity: "warning",
        cell: channelCell,
        field: "Channel",
        message: `"${channel.value}" is listed again (first in row ${firstRow}), so this share is ignored: keep one row per channel`,
      });
      continue;
    }
    firstRows.set(key, row);
    rows.push({ channel: channel.value, share: share.value });
  }
  return success({ rows, issues });
}
