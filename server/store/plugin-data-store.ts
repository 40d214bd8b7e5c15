import type { TrelloPluginData } from "../trello/trello-rest-schemas";
import type { Db } from "./open-database";

export interface StoredPluginData {
  id: string;
  idPlugin: string;
  scope: string;
  idModel: string;
  access: string | null;
  /** Trello's value: a JSON string, parsed (with the shared schemas) by whoever reads it. */
  value: string;
}

export interface PluginDataStore {
  /** Replaces everything stored for a board with a full read of it (so data removed on Trello goes here too). */
  replaceBoard(boardId: string, records: TrelloPluginData[], syncedAt: string): void;
  /** Replaces what is stored for one model (a card, or the board itself) with a read of that model's pluginData. */
  replaceModel(boardId: string, idModel: string, records: TrelloPluginData[], syncedAt: string): void;
  listBoard(boardId: string): StoredPluginData[];
  /** Deletes every record of another Power-Up (stored before our id was known); returns how many went. */
  removeOtherPowerUps(powerUpId: string): number;
}

/** SQL for the plugin_data table. */
export function createPluginDataStore(db: Db): PluginDataStore {
  const clear = db.prepare("DELETE FROM plugin_data WHERE board_id = ?");
  const clearModel = db.prepare("DELETE FROM plugin_data WHERE board_id = ? AND id_model = ?");
  const insert = db.prepare(
    `INSERT INTO plugin_data (id, board_id, id_plugin, scope, id_model, access, value, synced_at)
     VALUES (@id, @boardId, @idPlugin, @scope, @idModel, @access, @value, @syncedAt)
     ON CONFLICT (id) DO UPDATE SET board_id = excluded.board_id, value = excluded.value, access = excluded.access, synced_at = excluded.synced_at`,
  );
  const select = db.prepare(
    "SELECT id, id_plugin AS idPlugin, scope, id_model AS idModel, access, value FROM plugin_data WHERE board_id = ? ORDER BY id",
  );
  const removeOthers = db.prepare("DELETE FROM plugin_data WHERE id_plugin <> ?");
  const insertAll = (boardId: string, records: TrelloPluginData[], syncedAt: string) => {
    for (const record of records) insert.run({ ...record, access: record.access ?? null, boardId, syncedAt });
  };
  const replace = db.transaction((boardId: string, records: TrelloPluginData[], syncedAt: string) => {
    clear.run(boardId);
    insertAll(boardId, records, syncedAt);
  });
  const replaceOne = db.transaction(
    (boardId: string, idModel: string, records: TrelloPluginData[], syncedAt: string) => {
      clearModel.run(boardId, idModel);
      insertAll(boardId, records, syncedAt);
    },
  );
  return {
    replaceBoard: (boardId, records, syncedAt) => replace(boardId, records, syncedAt),
    replaceModel: (boardId, idModel, records, syncedAt) => replaceOne(boardId, idModel, records, syncedAt),
    listBoard: (boardId) => select.all(boardId) as StoredPluginData[],
    removeOtherPowerUps: (powerUpId) => removeOthers.run(powerUpId).changes,
  };
}
