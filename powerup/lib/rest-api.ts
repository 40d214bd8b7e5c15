/**
 * The member's Trello REST access. Trello's client gives every `t` (pages and capability callbacks alike, once the
 * connector was initialised with an app key) `getRestApi()`; the typings only declare it on iframes.
 */
export function restApiOf(t: Trello.PowerUp.HostHandlers): Trello.PowerUp.Api {
  return (t as unknown as Trello.PowerUp.IFrame).getRestApi();
}
