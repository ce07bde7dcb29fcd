/** The app's API, exposed by the preload (or by the end-to-end test bridge). */
export const api = window.gazette;

/** A message for a person from whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
