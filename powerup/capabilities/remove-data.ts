import { restApiOf } from "../lib/rest-api";

/** remove-data: forgets this member's REST token and anything private to them; the board's shared data stays the team's. */
export async function removeData(t: Trello.PowerUp.CallbackHandler): Promise<void> {
  await restApiOf(t).clearToken();
  const mine = (await t.get<Record<string, unknown> | undefined>("member", "private")) ?? {};
  if (Object.keys(mine).length) await t.remove("member", "private", Object.keys(mine));
}
