import { isPartyAudience, type Audience } from "../../../shared/loop/audience";
import { sameParty } from "../../../shared/loop/parties";
import { readLoopRecord } from "../../../shared/loop/read-loop-record";
import type { Stakeholder } from "../../../shared/loop/stakeholder";
import { DELIVERY_CHANNELS, type DeliveryChannel } from "../../delivery/outgoing-message";
import { boardLoopData } from "../../loop/board-loop-data";
import type { Store } from "../../store/create-store";

/** A stakeholder of one party, with where their messages go, or why none can be sent to them. */
export type PartyRecipient = { cardId: string; name: string; stakeholder: Stakeholder } & (
  | { sendable: true; channel: DeliveryChannel; to: string }
  | { sendable: false; reason: string }
);

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Where one stakeholder's messages go: email to their contact address, chat through their card's stored webhook. */
function routeOf(cardId: string, s: Stakeholder): { channel: DeliveryChannel; to: string } | { reason: string } {
  if (!(DELIVERY_CHANNELS as readonly string[]).includes(s.channel)) {
    return { reason: `their channel is ${s.channel}: the service cannot send there, so send it yourself` };
  }
  const channel = s.channel as DeliveryChannel;
  if (channel !== "email") return { channel, to: cardId };
  const address = s.contact?.trim() ?? "";
  return EMAIL.test(address) ? { channel, to: address } : { reason: "their channel is email but their Contact is not an email address" };
}

/**
 * The client or partner stakeholders of one party on a board (same type as the audience, same organisation), not
 * released, in name order: who a party's report goes to.
 */
export function partyRecipients(store: Store, boardId: string, audience: Audience, party: string | undefined): PartyRecipient[] {
  if (!isPartyAudience(audience) || !party) return [];
  const recipients: PartyRecipient[] = [];
  for (const [cardId, record] of boardLoopData(store, boardId).cards) {
    const read = readLoopRecord("stakeholder", record.stakeholder);
    if (read.status !== "ok") continue;
    const s = read.value;
    if (s.type !== audience || !sameParty(s.org, party) || s.status === "released") continue;
    const route = routeOf(cardId, s);
    recipients.push("reason" in route ? { cardId, name: s.name, stakeholder: s, sendable: false, reason: route.reason } : { cardId, name: s.name, stakeholder: s, sendable: true, ...route });
  }
  return recipients.sort((a, b) => a.name.localeCompare(b.name));
}
