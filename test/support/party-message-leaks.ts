import { INTERNAL_TERMS } from "../../server/delivery/assert-party-safe";
import type { ReceivedMessage } from "../../scripts/outbox/create-outbox";
import { payloadText } from "../../scripts/outbox/chat-payload-schemas";

/**
 * Every internal term or value (besides INTERNAL_TERMS, the test's own: buy-in levels, difficult and escalation
 * reasons, PM notes) found in a message received for a client or partner. The suite's files that send call this on
 * everything their catchers received, so a leak anywhere in the pipeline fails the file that caused it.
 */
export function partyMessageLeaks(
  received: readonly ReceivedMessage[],
  internalValues: readonly string[] = [],
): string[] {
  const squash = (s: string) => s.replace(/\s+/g, " ").toLowerCase();
  const leaks: string[] = [];
  for (const message of received.filter((m) => m.audience === "client" || m.audience === "partner")) {
    const text = squash(
      [
        message.subject,
        message.text,
        message.html ?? "",
        payloadText(message.payload),
        ...message.attachments.map((a) => a.filename),
      ].join("\n"),
    );
    for (const value of [...INTERNAL_TERMS, ...internalValues]) {
      if (text.includes(squash(value)))
        leaks.push(`message ${message.id} (${message.audience}, ${message.transport}) shows "${value}"`);
    }
  }
  return leaks;
}
