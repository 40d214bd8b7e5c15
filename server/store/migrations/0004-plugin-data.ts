import type { Migration } from "../migrate";

/** pluginData as last read from Trello (the Power-Up writes it in the iframe; REST can only read it). */
export const m0004PluginData: Migration = {
  version: 4,
  name: "plugin-data",
  sql: `
    CREATE TABLE plugin_data (
      id TEXT PRIMARY KEY,
      board_id TEXT NOT NULL,
      id_plugin TEXT NOT NULL,
      scope TEXT NOT NULL,
      id_model TEXT NOT NULL,
      access TEXT,
      value TEXT NOT NULL,
      synced_at TEXT NOT NULL
    );
    CREATE INDEX plugin_data_board ON plugin_data (board_id);
    CREATE INDEX plugin_data_model ON plugin_data (id_model);
  `,
};
