import type { FaultConfig } from "./faults/fault-injector";
import { actionJson, REST_ACTION_OPTIONS } from "./json/action-json";
import { boardJson } from "./json/board-json";
import { cardJson } from "./json/card-json";
import { checklistJson, customFieldJson, labelJson, listJson, pluginDataJson, webhookJson } from "./json/model-json";
import type { MemberJwtInput } from "./jwt/jwt-key-ring";
import type { RateLimitConfig } from "./limits/rate-limiter";
import type { SimAction } from "./model/sim-model";
import { queryActions, type ActionQuery } from "./model/query-actions";
import type { ListChanges, NewBoard, NewCustomField } from "./operations/board-operations";
import type { CustomFieldValue, NewChecklist } from "./operations/card-detail-operations";
import type { CardChanges, NewCard } from "./operations/card-operations";
import type { Authorship } from "./operations/sim-context";
import type { SimCore } from "./sim-core";
import type { PluginDataTarget, SimInfo, TrelloActionJson, TrelloJson } from "./simulator-types";
import type { WebhookDeliveryConfig } from "./webhooks/webhook-deliverer";

/**
 * The simulator's own API, in-process and without HTTP: seeding (with explicit dates, for back-dated history),
 * what the Power-Up iframe does (t.set, t.jwt), and the controls tests need (faults, limits, deliveries).
 * Every helper returns Trello's JSON for what it made, or the actions it recorded.
 */
export function createSimulatorApi(core: SimCore, baseUrl: () => string | undefined) {
  const { store } = core;
  const restAction = (action: SimAction): TrelloActionJson =>
    actionJson(action, store, REST_ACTION_OPTIONS) as TrelloActionJson;
  const restActions = (actions: (SimAction | undefined)[]) =>
    actions.filter((action): action is SimAction => action !== undefined).map(restAction);
  const card = (idCard: string) => cardJson(core.cards.requireCard(idCard), store, { single: true }) as TrelloJson;
  const info = (): SimInfo => ({
    baseUrl: baseUrl() ?? "",
    key: core.apiKey,
    secret: core.apiSecret,
    token: core.defaultToken.token,
    memberId: core.defaultMember.id,
  });
  const pluginDataKey = (target: PluginDataTarget) => ({
    idPlugin: target.idPlugin ?? core.pluginId,
    scope: target.scope,
    idModel: target.idModel,
    access: target.visibility ?? "shared",
    idMember: target.idMember ?? core.defaultMember.id,
  });

  return {
    key: core.apiKey,
    secret: core.apiSecret,
    token: core.defaultToken.token,
    memberId: core.defaultMember.id,
    pluginId: core.pluginId,
    /** The base URL once listening (e.g. http://127.0.0.1:41234), else undefined. */
    get baseUrl(): string | undefined {
      return baseUrl();
    },
    info,

    createMember(input: { username?: string; fullName?: string } = {}) {
      const member = core.boards.createMember(input);
      return {
        id: member.id,
        username: member.username,
        fullName: member.fullName,
        token: core.boards.createToken(member.id).token,
      };
    },
    createToken: (idMember: string): string => core.boards.createToken(idMember).token,
    createBoard(input: NewBoard): TrelloJson & { lists: TrelloJson[] } {
      const board = core.boards.createBoard(input);
      return {
        ...boardJson(board, store.labelsOf(board.id), "all"),
        id: board.id,
        lists: store.listsOf(board.id).map(listJson) as TrelloJson[],
      };
    },
    addMemberToBoard: (
      idBoard: string,
      idMember: string,
      opts: Authorship & { memberType?: "admin" | "normal" | "observer" } = {},
    ) => restActions([core.boards.addMemberToBoard(idBoard, idMember, opts)]),
    createList: (idBoard: string, input: Authorship & { name: string; pos?: number }) =>
      listJson(core.boards.createList(idBoard, input)) as TrelloJson,
    updateList: (idList: string, changes: ListChanges) => restActions(core.boards.updateList(idList, changes)),
    createLabel: (idBoard: string, input: Authorship & { name: string; color?: string | null }) =>
      labelJson(core.boards.createLabel(idBoard, input)) as TrelloJson,
    addCustomField: (idBoard: string, input: NewCustomField) =>
      customFieldJson(core.boards.addCustomField(idBoard, input)) as TrelloJson,

    createCard: (idList: string, input: NewCard): TrelloJson => card(core.cards.createCard(idList, input).id),
    updateCard: (idCard: string, changes: CardChanges) => restActions(core.cards.updateCard(idCard, changes)),
    moveCard: (idCard: string, idList: string, auth: Authorship = {}) =>
      restActions(core.cards.updateCard(idCard, { ...auth, idList })),
    renameCard: (idCard: string, name: string, auth: Authorship = {}) =>
      restActions(core.cards.updateCard(idCard, { ...auth, name })),
    archiveCard: (idCard: string, auth: Authorship = {}) =>
      restActions(core.cards.updateCard(idCard, { ...auth, closed: true })),
    setDue: (idCard: string, due: string | null, auth: Authorship = {}) =>
      restActions(core.cards.updateCard(idCard, { ...auth, due })),
    moveCardToBoard: (idCard: string, idBoard: string, opts: Authorship & { idList?: string } = {}) =>
      restActions(core.cards.updateCard(idCard, { ...opts, idBoard })),
    deleteCard: (idCard: string, auth: Authorship = {}) => restAction(core.cards.deleteCard(idCard, auth)),
    addComment: (idCard: string, text: string, auth: Authorship = {}) =>
      restAction(core.details.addComment(idCard, text, auth)),
    addMemberToCard: (idCard: string, idMember: string, auth: Authorship = {}) =>
      restActions([core.details.addMemberToCard(idCard, idMember, auth)]),
    removeMemberFromCard: (idCard: string, idMember: string, auth: Authorship = {}) =>
      restActions([core.details.removeMemberFromCard(idCard, idMember, auth)]),
    addLabelToCard: (idCard: string, idLabel: string, auth: Authorship = {}) =>
      restActions([core.details.addLabelToCard(idCard, idLabel, auth)]),
    removeLabelFromCard: (idCard: string, idLabel: string, auth: Authorship = {}) =>
      restActions([core.details.removeLabelFromCard(idCard, idLabel, auth)]),
    addChecklist: (idCard: string, input: NewChecklist) =>
      checklistJson(core.details.addChecklist(idCard, input)) as TrelloJson,
    setCheckItemState: (idCard: string, idCheckItem: string, state: "complete" | "incomplete", auth: Authorship = {}) =>
      restActions([core.details.setCheckItemState(idCard, idCheckItem, state, auth)]),
    setCustomFieldItem: (idCard: string, idCustomField: string, value: CustomFieldValue, auth: Authorship = {}) =>
      restAction(core.details.setCustomFieldItem(idCard, idCustomField, value, auth)),

    /** t.set(scope, visibility, entries): writes pluginData as the Power-Up iframe does (never possible over REST). */
    setPluginData(target: PluginDataTarget, entries: Record<string, unknown>): TrelloJson {
      return pluginDataJson(core.pluginData.setPluginData(pluginDataKey(target), entries)) as TrelloJson;
    },
    /** t.get(scope, visibility): the object stored there, or {}. */
    getPluginData(target: PluginDataTarget): Record<string, unknown> {
      return core.pluginData.getPluginData(pluginDataKey(target));
    },

    /** The board's actions, newest first, as GET /1/boards/{id}/actions would page them (default: all of them). */
    boardActions(idBoard: string, query: Partial<ActionQuery> = {}): TrelloActionJson[] {
      const board = store.board(idBoard);
      if (!board) return [];
      return queryActions(store.actions.forBoard(board.id), { filter: null, limit: Infinity, ...query }).map(
        restAction,
      );
    },
    webhooks: () => [...store.webhooks.values()].map(webhookJson),

    /** A member JWT as t.jwt({state}) returns it, signed with the simulator's current key. */
    mintJwt: (input: Omit<MemberJwtInput, "idMember"> & { idMember?: string }) =>
      core.jwt.mint({ ...input, idMember: input.idMember ?? core.defaultMember.id }),
    rotateJwtKey: (rotation: { keepPrevious?: boolean } = {}) => core.jwt.rotate(rotation),
    jwtPublicKeys: () => core.jwt.publicKeys(),

    setFaults: (faults: FaultConfig) => core.faults.set(faults),
    clearFaults: () => core.faults.clear(),
    faults: () => core.faults.current,
    setRateLimits: (changes: Partial<RateLimitConfig>) => core.limiter.configure(changes),
    rateLimits: () => core.limiter.config,
    configureWebhookDelivery: (changes: Partial<WebhookDeliveryConfig>) => core.deliverer.configure(changes),
    webhookDelivery: () => core.deliverer.config,
    pauseDeliveries: () => core.deliverer.pause(),
    resumeDeliveries: (resume: { reverse?: boolean } = {}) => core.deliverer.resume(resume),
    pendingDeliveries: () => core.deliverer.pending(),
    /** Delivers an already recorded action again to the webhooks watching it (Trello sometimes does). */
    redeliver(idAction: string): void {
      const action = store.action(idAction);
      if (action) core.deliverer.redeliver(action);
    },
    /** Resolves once every queued webhook delivery has been made (or given up). */
    idle: () => core.deliverer.idle(),
  };
}

export type SimulatorApi = ReturnType<typeof createSimulatorApi>;
