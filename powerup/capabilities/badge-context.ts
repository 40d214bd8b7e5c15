import { isDoneList } from "../../shared/is-done-list";
import { calendarDay } from "../../shared/loop/calendar-day";
import { readLoopRecord } from "../../shared/loop/read-loop-record";
import type { BadgeContext } from "./loop-badges";
import { boardTimeZone } from "../../shared/time-zone";

type T = Trello.PowerUp.HostHandlers;

/**
 * Today in the board's zone, the names of the stakeholders a card's roles name (from pluginData), and, for a milestone
 * card, whether it sits in one of the board's done lists.
 */
export async function badgeContext(t: T, data: Record<string, unknown>): Promise<BadgeContext> {
  const settings = readLoopRecord("settings", await t.get("board", "shared", "settings"));
  const timeZone = boardTimeZone(settings.status === "ok" ? settings.value : undefined);
  const roles = readLoopRecord("roles", data.roles);
  const ids =
    roles.status === "ok"
      ? [
          ...new Set([
            ...roles.value.responsible,
            ...(roles.value.accountable ? [roles.value.accountable] : []),
            ...roles.value.consulted,
            ...roles.value.informed,
          ]),
        ]
      : [];
  const names = new Map<string, string>();
  await Promise.all(
    ids.map(async (id) => {
      const read = readLoopRecord("stakeholder", await t.get(id, "shared", "stakeholder"));
      if (read.status === "ok") names.set(id, read.value.name);
    }),
  );
  // Only a milestone's state depends on the card's list, so other cards cost no extra read.
  const list = data.milestone !== undefined ? await t.list("id", "name") : undefined;
  const doneLists = settings.status === "ok" ? settings.value.doneLists : null;
  return {
    today: calendarDay(new Date(), timeZone),
    timeZone,
    stakeholderNames: names,
    inDoneList: !!list && isDoneList(list, doneLists),
  };
}
