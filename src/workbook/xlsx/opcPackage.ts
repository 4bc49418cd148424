/**
 * The .xlsx file as a package of parts (an Open Packaging Conventions zip).
 * Parts the planner does not change keep their bytes exactly as they were.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { attributes } from "./xml";

/** A message for the user when a file is not a workbook we can read. */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookFileError";
  }
}

export interface Relationship {
  id: string;
  type: string;
  /** The part it points to, as a package path without the leading slash. */
  target: string;
  external: boolean;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

export class OpcPackage {
  private readonly texts = new Map<string, string>();

  private constructor(private readonly parts: Map<string, Uint8Array>) {}

  static open(bytes: Uint8Array): OpcPackage {
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
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch {
      throw new WorkbookFileError(
        "This .xlsx file is damaged and cannot be read: open it in Excel, let Excel repair it, and save it again.",
      );
    }
    const parts = new Map<string, Uint8Array>();
    for (const [name, data] of Object.entries(entries)) {
      if (!name.endsWith("/")) parts.set(name.replace(/^\//, ""), data);
    }
    if (parts.has("xl/workbook.bin")) {
      throw new WorkbookFileError(
        "This is a binary workbook (.xlsb): save it from Excel as an Excel Workbook (.xlsx).",
      );
    }
    if (!parts.has("[Content_Types].xml")) {
      throw new WorkbookFileError(
        "This file is a zip archive but not an .xlsx workbook: save it from Excel as an Excel Workbook (.xlsx).",
      );
    }
    return new OpcPackage(parts);
  }

  has(path: string): boolean {
    return this.parts.has(path);
  }

  paths(): string[] {
    return [...this.parts.keys()];
  }

  text(path: string): string | null {
    const cached = this.texts.get(path);
    if (cached !== undefined) return cached;
    const data = this.parts.get(path);
    if (data === undefined) return null;
    const text = strFromU8(data);
    this.texts.set(path, text);
    return text;
  }

  setText(path: string, text: string): void {
    this.texts.set(path, text);
    this.parts.set(path, strToU8(text));
  }

  delete(path: string): void {
    this.texts.delete(path);
    this.parts.delete(path);
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

  toBytes(): Uint8Array {
    const files: Zippable = {};
    for (const [path, data] of this.parts) files[path] = data;
    return zipSync(files, { level: 6 });
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
