import { restApiOf } from "../lib/rest-api";

/** authorization-status: whether this member has given the Power-Up their own REST token (to make cards, connect). */
export async function authorizationStatus(t: Trello.PowerUp.CallbackHandler): Promise<{ authorized: boolean }> {
  return { authorized: await restApiOf(t).isAuthorized() };
}

/** show-authorization: the board's connection (who made it) and this member's own authorization, side by side. */
export async function showAuthorization(t: Trello.PowerUp.CallbackHandler): Promise<void> {
  await t.popup({ title: "Stakeholder Loop access", url: "./authorize.html", height: 480 });
}
