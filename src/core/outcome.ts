import type { Issue } from "./issues";

/**
 * What an engine step gives back: a value, or the reason there is nothing to
 * plan (a message for the user, naming what was found and what was expected,
 * and the issues behind it). Faces show the message; they never see a throw.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string; issues: Issue[] };

export function success<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function failure<T>(message: string, issues: Issue[] = []): Outcome<T> {
  return { ok: false, message, issues };
}
