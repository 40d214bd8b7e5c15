import { readScope } from "../lib/loop-data";
import { iconUrl } from "./icon-url";

type T = Trello.PowerUp.CallbackHandler;

function popupButton(text: string, url: string, height: number): Trello.PowerUp.CardButton {
  return {
    icon: iconUrl(),
    text,
    callback: (t: T) => t.popup({ title: text, url, height }),
  } as Trello.PowerUp.CardButton;
}

/** card-buttons: Roles, Scope, Milestone and Invoice on every card; Log update and Sprint review where they apply. */
export async function cardButtons(t: T): Promise<Trello.PowerUp.CardButton[]> {
  const data = await readScope(t, "card");
  const buttons = [
    popupButton("Roles", "./roles.html", 420),
    popupButton("Scope", "./scope.html", 520),
    popupButton("Milestone", "./milestone.html", 380),
    popupButton("Invoice", "./invoice.html", 420),
  ];
  if (data.stakeholder !== undefined) buttons.push(popupButton("Log update", "./log-update.html", 420));
  if (data.sprint !== undefined) {
    buttons.push({
      icon: iconUrl(),
      text: "Sprint review",
      callback: (tt: T) => tt.modal({ title: "Sprint review", url: "./sprint-review.html", height: 640 }),
    } as Trello.PowerUp.CardButton);
  }
  return buttons;
}
