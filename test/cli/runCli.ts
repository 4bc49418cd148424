/** The CLI run in-process, as the CLI tests drive it: its exit code and what it printed. */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "../../src/cli/main";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stderrIsTTY: false,
  });
  return { code, stdout, stderr };
}

/** A fresh folder under the system's temporary folder. */
export function tempDir(prefix = "vp-cli-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
