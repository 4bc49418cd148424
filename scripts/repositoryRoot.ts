import { existsSync } from "fs";
import { dirname, join } from "path";

/**
 * The folder holding package.json above `start`: the benches also run
 * compiled into build/bench, where a path relative to the source file would
 * point inside the build.
 */
export function repositoryRoot(start: string): string {
  let folder = start;
  while (!existsSync(join(folder, "package.json"))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${start}`);
    folder = parent;
  }
  return folder;
}
