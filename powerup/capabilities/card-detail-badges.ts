import { readScope } from "../lib/loop-data";
import { badgeContext } from "./badge-context";
import { loopBadges } from "./loop-badges";

/** card-detail-badges: every Loop fact about the card, each titled, in the card's detail view. */
export async function cardDetailBadges(t: Trello.PowerUp.CallbackHandler): Promise<Trello.PowerUp.CardDetailBadge[]> {
  const data = await readScope(t, "card");
  if (!Object.keys(data).length) return [];
  const badges = loopBadges(data, await badgeContext(t, data));
  return badges.map(
    (b) => ({ title: b.title, text: b.text, color: b.color ?? undefined }) as Trello.PowerUp.CardDetailBadge,
  );
}
