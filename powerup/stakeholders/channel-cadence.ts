import type { Stakeholder } from "../../shared/loop/stakeholder";

/** "email · every 7 days": how and how often a stakeholder hears from us. */
export function channelCadence(stakeholder: Pick<Stakeholder, "channel" | "cadenceDays">): string {
  const every = stakeholder.cadenceDays === 1 ? "every day" : `every ${stakeholder.cadenceDays} days`;
  return `${stakeholder.channel} · ${every}`;
}
