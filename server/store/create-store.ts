import { createActionsStore } from "./actions-store";
import { createBoardCheckpointsStore } from "./board-checkpoints-store";
import { createBoardDataStore } from "./board-data-store";
import { createBoardSettingsStore } from "./board-settings-store";
import { createBoardsStore } from "./boards-store";
import { createCardMembersStore } from "./card-members-store";
import { createCardsStore } from "./cards-store";
import { createChatWebhooksStore } from "./chat-webhooks-store";
import { createConnectionsStore } from "./connections-store";
import { createDeliveriesStore } from "./deliveries-store";
import { createListsStore } from "./lists-store";
import { createLoopHistoryStore } from "./loop-history-store";
import { createMembersStore } from "./members-store";
import type { Db } from "./open-database";
import { createPluginDataStore } from "./plugin-data-store";
import { createReportSnapshotsStore } from "./report-snapshots-store";
import { createRetiredWebhooksStore } from "./retired-webhooks-store";
import { createReviewCalendarStore } from "./review-calendar-store";
import { createShareLinksStore } from "./share-links-store";
import { createSyncStateStore } from "./sync-state-store";

/** Every table's prepared statements over one database: the only way the rest of the service touches SQL. */
export function createStore(db: Db) {
  return {
    db,
    actions: createActionsStore(db),
    boards: createBoardsStore(db),
    boardSettings: createBoardSettingsStore(db),
    lists: createListsStore(db),
    cards: createCardsStore(db),
    members: createMembersStore(db),
    cardMembers: createCardMembersStore(db),
    syncState: createSyncStateStore(db),
    connections: createConnectionsStore(db),
    boardData: createBoardDataStore(db),
    pluginData: createPluginDataStore(db),
    loopHistory: createLoopHistoryStore(db),
    retiredWebhooks: createRetiredWebhooksStore(db),
    reportSnapshots: createReportSnapshotsStore(db),
    checkpoints: createBoardCheckpointsStore(db),
    deliveries: createDeliveriesStore(db),
    chatWebhooks: createChatWebhooksStore(db),
    shareLinks: createShareLinksStore(db),
    reviewCalendar: createReviewCalendarStore(db),
  };
}

export type Store = ReturnType<typeof createStore>;
