import type { CommunicationLog } from "../../../shared/loop/communication-log";
import type { LoopRead } from "../../../shared/loop/read-loop-record";

/**
 * The card's communication log (pluginData) with the service's newest send added: the one "owed an update" rule
 * (stakeholderUpdateState) then counts an update the service sent even before the page wrote its log entry, or when
 * it could not (a schedule's send, a page closed mid-send). An unreadable log counts as none, as in the registry.
 */
export function logWithSends(
  read: LoopRead<"log"> | undefined,
  lastSentAt: string | undefined,
): CommunicationLog | undefined {
  const log = read?.status === "ok" ? read.value : undefined;
  if (!lastSentAt) return log;
  return {
    v: 1,
    entries: [
      ...(log?.entries ?? []),
      { id: "servicesend", at: lastSentAt, channel: "other", summary: "Sent by Stakeholder Loop" },
    ],
  };
}
