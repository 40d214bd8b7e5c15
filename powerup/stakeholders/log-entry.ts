import { LOG_ENTRIES_KEPT, type CommunicationLog, type LogEntry } from "../../shared/loop/communication-log";

/** A log entry id: 8 random base-36 characters. */
export function newLogEntryId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => (b % 36).toString(36)).join("");
}

/** The log with `entry` added, newest first, keeping the newest LOG_ENTRIES_KEPT (a back-dated entry sorts in place). */
export function withEntry(log: CommunicationLog | undefined, entry: LogEntry): CommunicationLog {
  const entries = [entry, ...(log?.entries ?? [])].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { v: 1, entries: entries.slice(0, LOG_ENTRIES_KEPT) };
}
