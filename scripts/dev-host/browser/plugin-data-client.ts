import type { DevHostSession, FrameContext } from "./host-bridge";
import { simAdmin, SimRequestError } from "./sim-api";

export type Visibility = "shared" | "private";

/** The message Trello's client rejects with when a t.set would take a scope and visibility past 4,096 characters. */
export const PLUGIN_DATA_TOO_LONG = "PluginData length of 4096 characters exceeded. The data was not saved.";

interface Target {
  scope: "board" | "card" | "member";
  idModel: string;
}

/** 'board', 'card', 'member' or a card id, resolved against the frame's context the way Trello does. */
function targetOf(scope: string, context: FrameContext): Target {
  if (scope === "board") return { scope: "board", idModel: context.board };
  if (scope === "member") return { scope: "member", idModel: context.member };
  if (scope === "card") {
    if (!context.card) throw new Error("Invalid context: scope 'card' needs a card, and this frame has none");
    return { scope: "card", idModel: context.card };
  }
  if (scope === "organization") throw new Error("Invalid scope: the dev host has no organization");
  return { scope: "card", idModel: scope };
}

/** t.get / t.set / t.remove, stored in the simulator under this Power-Up and member. */
export function createPluginDataClient(session: DevHostSession, context: FrameContext) {
  const address = (scope: string, visibility: Visibility) => ({
    ...targetOf(scope, context),
    visibility,
    idPlugin: session.pluginId,
    idMember: context.member,
  });

  async function read(scope: string, visibility: Visibility): Promise<Record<string, unknown>> {
    return simAdmin<Record<string, unknown>>(session, "GET", "plugin-data", address(scope, visibility));
  }

  async function write(
    scope: string,
    visibility: Visibility,
    data: Record<string, unknown>,
    remove: string[] = [],
  ): Promise<void> {
    try {
      await simAdmin(session, "PUT", "plugin-data", { ...address(scope, visibility), data, remove });
    } catch (err) {
      if (err instanceof SimRequestError && err.status === 400 && /4096 characters/.test(err.message))
        throw new Error(PLUGIN_DATA_TOO_LONG, { cause: err });
      throw err;
    }
  }

  return { read, write };
}
