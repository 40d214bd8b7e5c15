import { isPartyAudience, type Audience } from "../../../shared/loop/audience";
import { sameParty } from "../../../shared/loop/parties";
import { readLoopRecord } from "../../../shared/loop/read-loop-record";
import { DeliveryError } from "../../delivery/delivery-error";
import { stakeholderRoute, type StakeholderRoute } from "../../delivery/updates/stakeholder-route";
import { boardLoopData } from "../../loop/board-loop-data";
import type { Store } from "../../store/create-store";

/** A stakeholder of one party with their route (the pipeline's one rule for where a stakeholder's messages go), or why none can be used. */
export type PartyRecipient = { cardId: string; name: string; channel: string } & (
  { sendable: true; route: StakeholderRoute } | { sendable: false; reason: string }
);

/**
 * The client or partner stakeholders of one party on a board (same type as the audience, same organisation), not
 * released, in name order: who a party's report goes to.
 */
export function partyRecipients(
  store: Store,
  boardId: string,
  audience: Audience,
  party: string | undefined,
  now: Date,
): PartyRecipient[] {
  if (!isPartyAudience(audience) || !party) return [];
  const recipients: PartyRecipient[] = [];
  for (const [cardId, record] of boardLoopData(store, boardId).cards) {
    const read = readLoopRecord("stakeholder", record.stakeholder);
    if (read.status !== "ok") continue;
    const s = read.value;
    if (s.type !== audience || !sameParty(s.org, party) || s.status === "released") continue;
    const base = { cardId, name: s.name, channel: s.channel };
    try {
      const route = stakeholderRoute(store, boardId, cardId, now);
      recipients.push(
        route.ready ? { ...base, sendable: true, route } : { ...base, sendable: false, reason: route.missing! },
      );
    } catch (err) {
      if (!(err instanceof DeliveryError)) throw err;
      recipients.push({ ...base, sendable: false, reason: err.message });
    }
  }
  return recipients.sort((a, b) => a.name.localeCompare(b.name));
}
