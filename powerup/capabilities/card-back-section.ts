import { iconUrl } from "./icon-url";

/** card-back-section: the card's Loop record, readable at a glance on the back of the card. */
export async function cardBackSection(t: Trello.PowerUp.CallbackHandler): Promise<Trello.PowerUp.CardBackSection> {
  return {
    title: "Stakeholder Loop",
    icon: iconUrl(),
    content: { type: "iframe", url: t.signUrl("./card-back.html"), height: 160 },
  };
}
