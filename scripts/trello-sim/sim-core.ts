import { FaultInjector } from "./faults/fault-injector";
import { actionJson, DELIVERY_ACTION_OPTIONS } from "./json/action-json";
import { boardJson } from "./json/board-json";
import { cardJson } from "./json/card-json";
import { listJson, memberJson } from "./json/model-json";
import { createJwtKeyRing } from "./jwt/jwt-key-ring";
import { RateLimiter, type RateLimitConfig } from "./limits/rate-limiter";
import { createIdFactory } from "./model/object-id";
import type { SimMember, SimToken } from "./model/sim-model";
import { SimStore } from "./model/sim-store";
import { createBoardOperations } from "./operations/board-operations";
import { createCardDetailOperations } from "./operations/card-detail-operations";
import { createCardOperations } from "./operations/card-operations";
import { createPluginDataOperations } from "./operations/plugin-data-operations";
import { createSimContext } from "./operations/sim-context";
import { createHttpAgents } from "./webhooks/send-http";
import {
  createWebhookDeliverer,
  TRELLO_WEBHOOK_DELIVERY,
  type WebhookDeliveryConfig,
} from "./webhooks/webhook-deliverer";

export interface SimCoreOptions {
  apiKey: string;
  apiSecret: string;
  pluginId: string;
  now: () => number;
  member: { username?: string; fullName?: string };
  /** The default member's token; random unless given. */
  token?: string;
  rateLimits: Partial<RateLimitConfig>;
  webhooks: Partial<WebhookDeliveryConfig>;
  jwtModulusLength: number;
}

/** Everything the simulator is, short of HTTP: state, operations, webhook delivery, JWT keys, limits, faults. */
export function createSimCore(options: SimCoreOptions) {
  const store = new SimStore();
  // The acting member's id is read only when an operation runs, after the member below exists.
  const ctx = createSimContext(store, createIdFactory(), options.now, () => defaultMember.id);
  const boards = createBoardOperations(ctx);
  const cards = createCardOperations(ctx);
  const details = createCardDetailOperations(ctx, cards);
  const pluginData = createPluginDataOperations(ctx);
  const defaultMember: SimMember = boards.createMember(options.member);
  const defaultToken: SimToken = boards.createToken(defaultMember.id, { token: options.token });

  /** The watched model as a webhook delivery carries it. */
  function modelJson(idModel: string): unknown {
    const board = store.boards.get(idModel);
    if (board) return boardJson(board, store.labelsOf(board.id));
    const card = store.cards.get(idModel);
    if (card) return cardJson(card, store, { single: true });
    const list = store.lists.get(idModel);
    if (list) return listJson(list);
    const member = store.members.get(idModel);
    if (member) return memberJson(member, boardsOf(member.id));
    return { id: idModel };
  }

  function boardsOf(idMember: string): string[] {
    return [...store.boards.values()]
      .filter((board) => board.memberships.some((m) => m.idMember === idMember))
      .map((board) => board.id);
  }

  const agents = createHttpAgents();
  const deliverer = createWebhookDeliverer({
    store,
    secret: options.apiSecret,
    agents,
    now: options.now,
    config: { ...TRELLO_WEBHOOK_DELIVERY, ...options.webhooks },
    modelJson,
    actionJson: (action) => actionJson(action, store, DELIVERY_ACTION_OPTIONS),
  });
  ctx.onAction(deliverer.onAction);

  return {
    store,
    ctx,
    boards,
    cards,
    details,
    pluginData,
    deliverer,
    agents,
    jwt: createJwtKeyRing({ modulusLength: options.jwtModulusLength, pluginId: options.pluginId, now: options.now }),
    limiter: new RateLimiter(options.rateLimits),
    faults: new FaultInjector(),
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    pluginId: options.pluginId,
    now: options.now,
    defaultMember,
    defaultToken,
    modelJson,
    boardsOf,
  };
}

export type SimCore = ReturnType<typeof createSimCore>;
