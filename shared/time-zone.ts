/**
 * True when the runtime (Node or the browser) knows the IANA zone (e.g. "Pacific/Chatham"): the one test of a zone
 * name, for the Power-Up's forms, the service's requests and the CLIs alike.
 */
export function isKnownTimeZone(zone: string): boolean {
  if (zone === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone of a board with no (or an unusable) time zone setting. */
export const DEFAULT_TIME_ZONE = "UTC";

/** The zone a board's days and months are read in: its setting when the runtime knows the zone, else UTC. */
export function boardTimeZone(settings: { timezone?: string | null } | null | undefined): string {
  const zone = settings?.timezone;
  return zone && isKnownTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}
