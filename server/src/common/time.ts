/** A time as the API writes it (ISO-8601 UTC), or null. */
export function isoOrNull(time: Date | string | null): string | null {
  return time ? new Date(time).toISOString() : null;
}
