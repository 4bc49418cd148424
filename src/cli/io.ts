/** What the command prints to: its output, its problems, and a progress line on a terminal. */
import type { Issue } from "../core/issues";
import { describeIssue } from "../core/plan";
import { Stop } from "./stop";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A progress line is shown only on a terminal. */
  stderrIsTTY: boolean;
}

export function progress(io: CliIo): (step: string | null) => void {
  if (!io.stderrIsTTY) return () => undefined;
  return (step) => io.stderr(step === null ? "\r\x1b[K" : `\r\x1b[K${step}…`);
}

export function printIssues(io: CliIo, issues: readonly Issue[]): void {
  for (const issue of issues) io.stderr(`${issue.severity}: ${describeIssue(issue)}\n`);
}

/** Prints the problems the stop message does not already say, then stops: each one is printed once. */
export function stopWith(io: CliIo, message: string, issues: readonly Issue[]): never {
  printIssues(
    io,
    issues.filter((issue) => !message.includes(describeIssue(issue))),
  );
  throw new Stop(message, 1);
}
