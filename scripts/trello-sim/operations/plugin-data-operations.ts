import type { PluginDataAccess, PluginDataScope, SimPluginData } from "../model/sim-model";
import { invalidValue, notFound } from "./sim-error";
import type { SimContext } from "./sim-context";

/** Trello refuses a t.set that would make one scope and visibility's JSON longer than this. */
export const PLUGIN_DATA_MAX_CHARS = 4096;

export interface PluginDataKey {
  idPlugin: string;
  scope: PluginDataScope;
  idModel: string;
  /** `visibility` in t.set; "private" data is per member. */
  access: PluginDataAccess;
  /** The member writing or reading: owns private data. */
  idMember: string;
}

/** What the Power-Up iframe does with t.set / t.get / t.remove. pluginData records no action, as on Trello. */
export function createPluginDataOperations(ctx: SimContext) {
  const { store } = ctx;

  /** The model's id (boards and cards may be named by short link), or undefined when there is no such model. */
  function resolveModel(scope: PluginDataScope, idModel: string): string | undefined {
    if (scope === "board") return store.board(idModel)?.id;
    if (scope === "card") return store.card(idModel)?.id;
    if (scope === "member") return store.members.has(idModel) ? idModel : undefined;
    return idModel;
  }

  function find(target: PluginDataKey): SimPluginData | undefined {
    return store
      .pluginDataOfModel(target.idModel)
      .find(
        (record) =>
          record.idPlugin === target.idPlugin &&
          record.scope === target.scope &&
          record.access === target.access &&
          (record.access === "shared" || record.idMember === target.idMember),
      );
  }

  /** t.set(scope, visibility, {key: value, …}); a value of undefined removes the key (t.remove). */
  function setPluginData(target: PluginDataKey, entries: Record<string, unknown>): SimPluginData {
    const idModel = resolveModel(target.scope, target.idModel);
    if (!idModel) throw notFound(target.scope);
    const resolved = { ...target, idModel };
    const existing = find(resolved);
    const value = { ...(existing?.value ?? {}) };
    for (const [key, entry] of Object.entries(entries)) {
      if (entry === undefined) delete value[key];
      else value[key] = entry;
    }
    if (JSON.stringify(value).length > PLUGIN_DATA_MAX_CHARS) {
      throw invalidValue(
        "value",
        `pluginData is limited to ${PLUGIN_DATA_MAX_CHARS} characters per scope and visibility`,
      );
    }
    const record: SimPluginData = existing ?? {
      id: ctx.newId(ctx.now()),
      idPlugin: resolved.idPlugin,
      scope: resolved.scope,
      idModel,
      access: resolved.access,
      idMember: resolved.access === "private" ? resolved.idMember : null,
      value,
    };
    record.value = value;
    if (!existing) store.addPluginData(record);
    return record;
  }

  /** t.get(scope, visibility): the stored object, or {} when nothing was set. */
  function getPluginData(target: PluginDataKey): Record<string, unknown> {
    const idModel = resolveModel(target.scope, target.idModel);
    return { ...(idModel ? find({ ...target, idModel })?.value : undefined) };
  }

  /** The records REST serves for a model: shared ones, and the private ones of the asking member. */
  function pluginDataOf(idModel: string, idMember: string, idPlugin?: string): SimPluginData[] {
    return store
      .pluginDataOfModel(idModel)
      .filter(
        (record) =>
          (idPlugin === undefined || record.idPlugin === idPlugin) &&
          (record.access === "shared" || record.idMember === idMember),
      );
  }

  return { setPluginData, getPluginData, pluginDataOf };
}
