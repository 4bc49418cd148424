/** What an exception from a workbook says, for a message to the user (never a stack). */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return "an unexpected error occurred";
}
