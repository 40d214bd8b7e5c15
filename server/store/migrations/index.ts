import type { Migration } from "../migrate";
import { m0001Initial } from "./0001-initial";
import { m0002SyncState } from "./0002-sync-state";
import { m0003Connections } from "./0003-connections";
import { m0004PluginData } from "./0004-plugin-data";
import { m0005RetiredWebhooks } from "./0005-retired-webhooks";
import { m0006LoopHistory } from "./0006-loop-history";
import { m0007ReportSnapshots } from "./0007-report-snapshots";
import { m0008BoardCheckpoints } from "./0008-board-checkpoints";
import { m0009ReportAudiences } from "./0009-report-audiences";
import { m0010DeliveryIndex } from "./0010-delivery-index";
import { m0011ReplayIndex } from "./0011-replay-index";
import { m0013Deliveries } from "./0013-deliveries";
import { m0014ChatWebhooks } from "./0014-chat-webhooks";
import { m0015ShareLinks } from "./0015-share-links";
import { m0016ReviewCalendar } from "./0016-review-calendar";

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  m0001Initial,
  m0002SyncState,
  m0003Connections,
  m0004PluginData,
  m0005RetiredWebhooks,
  m0006LoopHistory,
  m0007ReportSnapshots,
  m0008BoardCheckpoints,
  m0009ReportAudiences,
  m0010DeliveryIndex,
  m0011ReplayIndex,
  m0013Deliveries,
  m0014ChatWebhooks,
  m0015ShareLinks,
  m0016ReviewCalendar,
];
