/**
 * Node's zlib as the workbook reader's inflater. It is native: on a
 * 1,000,000-row lead log it inflates the sheet in about a quarter of the time
 * fflate's JavaScript takes, and the CLI's time is mostly that sheet.
 */
import { createInflateRaw } from "zlib";
import type { Inflater } from "../workbook/xlsx";

/** Output pieces of 64 KB: each piece's text stays in V8's young generation. */
const PIECE = 1 << 16;

export const inflateWithZlib: Inflater = (raw, onData) =>
  new Promise((resolve, reject) => {
    const stream = createInflateRaw({ chunkSize: PIECE });
    stream.on("data", (chunk: Buffer) => {
      try {
        onData(chunk);
      } catch (error) {
        stream.destroy(error as Error);
      }
    });
    stream.on("error", reject);
    stream.on("end", resolve);
    stream.end(raw);
  });
