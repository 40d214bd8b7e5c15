import { readScope } from "../lib/loop-data";
import { badgeContext } from "./badge-context";
import { loopBadges } from "./loop-badges";

/** card-badges: the card front shows what needs attention (overdue updates, out of scope, change requests, …). */
export async function cardBadges(t: Trello.PowerUp.CallbackHandler): Promise<Trello.PowerUp.CardBadge[]> {
  const data = await readScope(t, "card");
  if (!Object.keys(data).length) return [];
  const badges = loopBadges(data, await badgeContext(t, data));
  return badges
    .filter((b) => b.front)
    .map((b) => ({ text: b.text, color: b.color ?? undefined }) as Trello.PowerUp.CardBadge);
}
