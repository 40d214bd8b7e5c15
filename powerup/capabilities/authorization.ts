import { restApiOf } from "../lib/rest-api";

/** authorization-status: whether this member has given the Power-Up a REST token (needed to connect the board). */
export async function authorizationStatus(t: Trello.PowerUp.CallbackHandler): Promise<{ authorized: boolean }> {
  return { authorized: await restApiOf(t).isAuthorized() };
}

/** show-authorization: connect the board (REST token and member JWT go to the service's connect flow). */
export async function showAuthorization(t: Trello.PowerUp.CallbackHandler): Promise<void> {
  await t.popup({ title: "Connect Stakeholder Loop", url: "./authorize.html", height: 360 });
}
