import { LOG_ENTRIES_KEPT, type CommunicationLog, type LogEntry } from "../../shared/loop/communication-log";

/** A log entry id: 8 random base-36 characters. */
export function newLogEntryId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => (b % 36).toString(36)).join("");
}

const newestFirst = (a: LogEntry, b: LogEntry) => Date.parse(b.at) - Date.parse(a.at);

/**
 * The log with `entry` added, newest first. The new entry is always kept, even back-dated: the oldest others make
 * room (LOG_ENTRIES_KEPT at most, and fewer while `fits` says the card's data would be too long). The service keeps
 * every update it has seen, so what leaves the card is not lost to the report.
 */
export function withEntry(
  log: CommunicationLog | undefined,
  entry: LogEntry,
  fits: (log: CommunicationLog) => boolean = () => true,
): CommunicationLog {
  const others = [...(log?.entries ?? [])].sort(newestFirst).slice(0, LOG_ENTRIES_KEPT - 1);
  let candidate: CommunicationLog = { v: 1, entries: [entry, ...others].sort(newestFirst) };
  while (!fits(candidate) && others.length > 0) {
    others.pop();
    candidate = { v: 1, entries: [entry, ...others].sort(newestFirst) };
  }
  return candidate;
}
