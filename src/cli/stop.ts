/** Why the command stopped: the message for stderr and the exit code (1 nothing to plan, 2 bad usage). */
export class Stop extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}
