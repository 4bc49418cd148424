/** The files the command reads and writes: the input workbook, the plan written beside it, the bundled sample. */
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import { WorkbookFileError, XlsxWorkbook } from "../workbook/xlsx";
import { inflateWithZlib } from "./nodeInflate";
import { Stop } from "./stop";

export function readInput(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file" : (error as Error).message;
    throw new Stop(`Cannot read ${path}: ${reason}.`, 1);
  }
}

export function defaultOut(input: string): string {
  const extension = extname(input);
  return join(dirname(input), `${basename(input, extension)}-plan${extension || ".xlsx"}`);
}

/** Writes beside the target first, so a failed run leaves no half-written file. */
export function writeAtomically(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    if (existsSync(temporary)) unlinkSync(temporary);
    throw new Stop(`Cannot write ${path}: ${(error as Error).message}.`, 1);
  }
}

export async function openWorkbook(bytes: Uint8Array): Promise<XlsxWorkbook> {
  try {
    return await XlsxWorkbook.open(bytes, { inflate: inflateWithZlib });
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new Stop(error.message, 1);
    throw error;
  }
}

/** The package's own folder, found from this file whether it runs compiled (dist/cli/cli) or from source. */
export function packageRoot(): string {
  let folder = __dirname;
  while (!existsSync(join(folder, "package.json")) || !existsSync(join(folder, "assets"))) {
    const parent = dirname(folder);
    if (parent === folder)
      throw new Stop("The bundled sample workbook is missing from this installation.", 1);
    folder = parent;
  }
  return folder;
}
