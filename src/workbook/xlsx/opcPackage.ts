/**
 * The .xlsx file as a package of parts (an Open Packaging Conventions zip).
 * Parts the planner does not change keep their bytes exactly as they were.
 */
import { Inflate, inflateSync, strFromU8, strToU8 } from "fflate";
import { attributes } from "./xml";
import { readZip, writeZip, type ZipEntry, type ZipOutput } from "./zipArchive";

/** A message for the user when a file is not a workbook we can read. */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookFileError";
  }
}

export const DAMAGED =
  "This .xlsx file is damaged and cannot be read: open it in Excel, let Excel repair it, and save it again.";

export interface Relationship {
  id: string;
  type: string;
  /** The part it points to, as a package path without the leading slash. */
  target: string;
  external: boolean;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/**
 * Compressed bytes handed to fflate's inflater at a time when a part is
 * streamed. Small enough that each piece of text (about 100 KB of XML) lives
 * and dies in V8's young generation: pieces of 1.5 MB went to the
 * large-object space, and on a million-row sheet caused four times the full
 * collections.
 */
const STREAM_SLICE = 1 << 14;

/**
 * Inflates a part's raw deflate stream, handing each piece of what it holds
 * to `onData` in order, and settles once the last piece is handed over
 * (rejects when the stream is damaged).
 */
export type Inflater = (raw: Uint8Array, onData: (chunk: Uint8Array) => void) => Promise<void>;

/** fflate's inflater: plain JavaScript, so it runs wherever the package is read. */
export const inflateInPieces: Inflater = async (raw, onData) => {
  const inflater = new Inflate((chunk) => onData(chunk));
  for (let at = 0; at < raw.length; at += STREAM_SLICE) {
    inflater.push(raw.subarray(at, at + STREAM_SLICE), at + STREAM_SLICE >= raw.length);
  }
  if (raw.length === 0) inflater.push(raw, true);
};

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** An entry of the package: as read (still compressed) until the planner writes it. */
interface Entry {
  read: ZipEntry | null;
  written: Uint8Array<ArrayBuffer> | null;
}

function inflated(entry: ZipEntry): Uint8Array {
  return entry.method === 0 ? entry.raw : inflateSync(entry.raw, { out: new Uint8Array(entry.size) });
}

export class OpcPackage {
  private readonly texts = new Map<string, string>();

  /** Every entry by part path (no leading slash), in the file's order; folder entries end with `/`. */
  private constructor(
    private readonly entries: Map<string, Entry>,
    private readonly inflate: Inflater,
  ) {}

  /** Reads the package's zip; `inflate` streams large parts (the CLI passes Node's zlib, several times faster). */
  static open(bytes: Uint8Array, inflate: Inflater = inflateInPieces): OpcPackage {
    if (startsWith(bytes, OLE_MAGIC)) {
      throw new WorkbookFileError(
        "This file is password-protected or is an old-style .xls workbook: open it in Excel and save a copy as an .xlsx workbook without a password.",
      );
    }
    if (!startsWith(bytes, ZIP_MAGIC)) {
      throw new WorkbookFileError(
        "This file is not an .xlsx workbook: save it from Excel as an Excel Workbook (.xlsx).",
      );
    }
    let read: ZipEntry[];
    try {
      read = readZip(bytes);
    } catch {
      throw new WorkbookFileError(DAMAGED);
    }
    const entries = new Map<string, Entry>();
    for (const entry of read) entries.set(entry.name.replace(/^\//, ""), { read: entry, written: null });
    const pkg = new OpcPackage(entries, inflate);
    if (pkg.has("xl/workbook.bin")) {
      throw new WorkbookFileError(
        "This is a binary workbook (.xlsb): save it from Excel as an Excel Workbook (.xlsx).",
      );
    }
    if (!pkg.has("[Content_Types].xml")) {
      throw new WorkbookFileError(
        "This file is a zip archive but not an .xlsx workbook: save it from Excel as an Excel Workbook (.xlsx).",
      );
    }
    return pkg;
  }

  has(path: string): boolean {
    return !path.endsWith("/") && this.entries.has(path);
  }

  /** The parts, without folder entries. */
  paths(): string[] {
    return [...this.entries.keys()].filter((path) => !path.endsWith("/"));
  }

  private bytes(path: string): Uint8Array | null {
    const entry = this.has(path) ? this.entries.get(path) : undefined;
    if (entry === undefined) return null;
    if (entry.written) return entry.written;
    try {
      return inflated(entry.read as ZipEntry);
    } catch {
      throw new WorkbookFileError(DAMAGED);
    }
  }

  text(path: string): string | null {
    const cached = this.texts.get(path);
    if (cached !== undefined) return cached;
    const data = this.bytes(path);
    if (data === null) return null;
    const text = strFromU8(data);
    this.texts.set(path, text);
    return text;
  }

  /**
   * A part's text in pieces, inflated and decoded a piece at a time, so a
   * large worksheet is never held whole; false when there is no such part.
   */
  async streamText(path: string, onText: (text: string) => void): Promise<boolean> {
    const entry = this.has(path) ? this.entries.get(path) : undefined;
    if (entry === undefined) return false;
    const cached = this.texts.get(path);
    if (cached !== undefined || entry.written || entry.read?.method === 0) {
      onText(cached ?? strFromU8(this.bytes(path) as Uint8Array));
      return true;
    }
    const decoder = new TextDecoder();
    try {
      await this.inflate((entry.read as ZipEntry).raw, (chunk) => {
        const text = decoder.decode(chunk, { stream: true });
        if (text) onText(text);
      });
    } catch (error) {
      if (error instanceof WorkbookFileError) throw error;
      throw new WorkbookFileError(DAMAGED);
    }
    const rest = decoder.decode();
    if (rest) onText(rest);
    return true;
  }

  setText(path: string, text: string): void {
    this.texts.set(path, text);
    const entry = this.entries.get(path);
    if (entry) entry.written = strToU8(text);
    else this.entries.set(path, { read: null, written: strToU8(text) });
  }

  delete(path: string): void {
    this.texts.delete(path);
    this.entries.delete(path);
  }

  /** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`). */
  relationships(partPath: string): Relationship[] {
    const xml = this.text(relationshipsPath(partPath));
    if (xml === null) return [];
    return [...xml.matchAll(/<Relationship\b([^>]*)>/g)].map((match) => {
      const attrs = attributes(match[1]);
      const external = attrs.TargetMode === "External";
      return {
        id: attrs.Id,
        type: attrs.Type,
        target: external ? attrs.Target : resolvePath(partPath, attrs.Target),
        external,
      };
    });
  }

  /** The package as a zip: every entry of the file read, in its order, then the new ones. */
  toBytes(): Uint8Array {
    const outputs: ZipOutput[] = [];
    for (const [path, entry] of this.entries) {
      outputs.push(entry.written ? { name: path, data: entry.written } : { copy: entry.read as ZipEntry });
    }
    return writeZip(outputs);
  }
}

export function relationshipsPath(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** A relationship target made absolute from the part that holds it. */
export function resolvePath(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segments = fromPart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

/** The target of a relationship written in `fromPart`'s rels: relative to its folder. */
export function relativePath(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}
