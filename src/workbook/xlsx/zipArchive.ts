/**
 * The zip container of an .xlsx package, read from its central directory so
 * that each entry stays compressed until a part is asked for: a worksheet of
 * a million rows is inflated as a stream, never held whole. Written back with
 * every entry of the input (folder entries too) in its order, an entry the
 * planner did not change copied as its compressed bytes.
 */
import { strFromU8, Zip, ZipDeflate, type ZipInputFile } from "fflate";

export interface ZipEntry {
  /** The name as stored, e.g. `xl/worksheets/sheet1.xml` or the folder `xl/`. */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  /** The uncompressed size. */
  size: number;
  /** The compressed bytes, a view into the file read. */
  raw: Uint8Array;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const UTF8_NAMES = 0x0800;
const ENCRYPTED = 0x0001;
const FULL32 = 0xffffffff;

/** Thrown for a zip this reader cannot take apart; the package reports it as damaged. */
export class ZipFormatError extends Error {}

class Reader {
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u16(at: number): number {
    this.check(at + 2);
    return this.view.getUint16(at, true);
  }

  u32(at: number): number {
    this.check(at + 4);
    return this.view.getUint32(at, true);
  }

  u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 0x100000000;
  }

  private check(end: number): void {
    if (end > this.bytes.length) throw new ZipFormatError("zip structure runs past the end of the file");
  }
}

function endOfDirectory(reader: Reader): number {
  const last = reader.bytes.length - 22;
  // The end record is followed by a comment of at most 65,535 bytes.
  for (let at = last; at >= Math.max(0, last - 0xffff); at--) {
    if (reader.u32(at) === END_OF_DIRECTORY) return at;
  }
  throw new ZipFormatError("no end of central directory");
}

/** Where the central directory starts and how many entries it has (Zip64 when the 32-bit fields overflow). */
function directory(reader: Reader): { offset: number; count: number } {
  const end = endOfDirectory(reader);
  const count = reader.u16(end + 10);
  const offset = reader.u32(end + 16);
  if (count !== 0xffff && offset !== FULL32) return { offset, count };
  const locator = end - 20;
  if (locator < 0 || reader.u32(locator) !== ZIP64_LOCATOR) return { offset, count };
  const end64 = reader.u64(locator + 8);
  if (reader.u32(end64) !== ZIP64_END) throw new ZipFormatError("bad Zip64 end record");
  return { offset: reader.u64(end64 + 48), count: reader.u64(end64 + 32) };
}

/** Every entry of a zip file, in the central directory's order. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const reader = new Reader(bytes);
  const { offset, count } = directory(reader);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (reader.u32(at) !== DIRECTORY_ENTRY) throw new ZipFormatError("bad central directory entry");
    const flags = reader.u16(at + 8);
    const method = reader.u16(at + 10);
    const crc = reader.u32(at + 16);
    let compressed = reader.u32(at + 20);
    let size = reader.u32(at + 24);
    const nameLength = reader.u16(at + 28);
    const extraLength = reader.u16(at + 30);
    const commentLength = reader.u16(at + 32);
    let local = reader.u32(at + 42);
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength), !(flags & UTF8_NAMES));
    // Zip64 keeps, in this order, whichever of the three fields overflowed.
    for (let extra = at + 46 + nameLength; extra < at + 46 + nameLength + extraLength;) {
      const id = reader.u16(extra);
      const length = reader.u16(extra + 2);
      if (id === ZIP64_EXTRA) {
        let field = extra + 4;
        if (size === FULL32) {
          size = reader.u64(field);
          field += 8;
        }
        if (compressed === FULL32) {
          compressed = reader.u64(field);
          field += 8;
        }
        if (local === FULL32) local = reader.u64(field);
      }
      extra += 4 + length;
    }
    if (flags & ENCRYPTED) throw new ZipFormatError(`${name} is encrypted`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`${name} uses compression method ${method}`);
    if (reader.u32(local) !== LOCAL_HEADER) throw new ZipFormatError(`bad local header for ${name}`);
    const start = local + 30 + reader.u16(local + 26) + reader.u16(local + 28);
    if (start + compressed > bytes.length) throw new ZipFormatError(`${name} runs past the end of the file`);
    entries.push({ name, method, crc, size, raw: bytes.subarray(start, start + compressed) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** What goes into a written zip: an entry copied as it was, or new bytes to compress. */
export type ZipOutput = { copy: ZipEntry } | { name: string; data: Uint8Array<ArrayBuffer> };

/** An entry whose compressed bytes are already known, added to fflate's Zip as they are. */
function copiedFile(entry: ZipEntry): ZipInputFile {
  return { filename: entry.name, size: entry.size, crc: entry.crc, compression: entry.method };
}

export function writeZip(outputs: readonly ZipOutput[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const output of outputs) {
    if ("copy" in output) {
      const file = copiedFile(output.copy);
      zip.add(file);
      // fflate's types ask for an ArrayBuffer-backed array; it only copies the bytes out.
      file.ondata?.(null, output.copy.raw as Uint8Array<ArrayBuffer>, true);
    } else {
      const file = new ZipDeflate(output.name, { level: 6 });
      zip.add(file);
      file.push(output.data, true);
    }
  }
  zip.end();
  if (failure) throw failure;
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
