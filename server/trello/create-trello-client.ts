import { z } from "zod";
import { firstIssue } from "../../shared/first-issue";
import { createTrelloTransport, type TrelloTransportOptions } from "./create-trello-transport";
import { pathWithoutToken, TrelloApiError } from "./trello-api-error";
import {
  boardSchema,
  cardSchema,
  labelSchema,
  listSchema,
  memberSchema,
  membershipSchema,
  pluginDataSchema,
  webhookSchema,
  type TrelloBoard,
  type TrelloCard,
  type TrelloLabel,
  type TrelloList,
  type TrelloMember,
  type TrelloMembership,
  type TrelloPluginData,
  type TrelloWebhook,
} from "./trello-rest-schemas";

/** Trello's largest page of actions. */
export const ACTIONS_PAGE_LIMIT = 1000;

export interface ActionsPageQuery {
  /** Only actions older than this action id. */
  before?: string;
  /** Only actions newer than this action id. */
  since?: string;
  limit?: number;
}

export interface TrelloClient {
  getMe(token: string): Promise<TrelloMember>;
  getBoard(token: string, boardId: string): Promise<TrelloBoard>;
  /** Who is on the board and as what (admin, normal, observer). */
  getBoardMemberships(token: string, boardId: string): Promise<TrelloMembership[]>;
  getLists(token: string, boardId: string): Promise<TrelloList[]>;
  getCards(token: string, boardId: string): Promise<TrelloCard[]>;
  getLabels(token: string, boardId: string): Promise<TrelloLabel[]>;
  /** A list at the board's right end ("bottom") or left end ("top"). */
  createList(token: string, list: { idBoard: string; name: string; pos: "top" | "bottom" }): Promise<TrelloList>;
  createLabel(token: string, label: { idBoard: string; name: string; color: string }): Promise<TrelloLabel>;
  /** One page of a board's actions, newest first, each as Trello sent it (validated by the caller). */
  getActionsPage(token: string, boardId: string, query: ActionsPageQuery): Promise<unknown[]>;
  /** The board a card is on now. */
  getCardBoardId(token: string, cardId: string): Promise<string>;
  getCardPluginData(token: string, cardId: string): Promise<TrelloPluginData[]>;
  getBoardPluginData(token: string, boardId: string): Promise<TrelloPluginData[]>;
  createWebhook(
    token: string,
    webhook: { callbackURL: string; idModel: string; description: string },
  ): Promise<TrelloWebhook>;
  listWebhooks(token: string): Promise<TrelloWebhook[]>;
  /** Switches a webhook back on or points it at another callback (Trello HEADs a new callback first). */
  updateWebhook(
    token: string,
    webhookId: string,
    changes: { active?: boolean; callbackURL?: string },
  ): Promise<TrelloWebhook>;
  deleteWebhook(token: string, webhookId: string): Promise<void>;
  /** Comments on a card as the token's member; returns the commentCard action's id. */
  addComment(token: string, cardId: string, text: string): Promise<string>;
}

function parse<T>(schema: z.ZodType<T>, path: string, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success)
    throw new TrelloApiError(200, path, `unexpected response shape: ${firstIssue(result.error, "response")}`);
  return result.data;
}

export interface TrelloClientOptions extends TrelloTransportOptions {
  /**
   * Our Power-Up's id (TRELLO_POWERUP_ID): pluginData of other Power-Ups on a board is left out when it is set. This
   * is the one place pluginData enters the service, so everything downstream (store, reports, registry) sees ours only.
   */
  pluginId?: string;
}

/** Typed calls for what the service reads and writes on Trello, over the rate-limited transport. */
export function createTrelloClient(options: TrelloClientOptions): TrelloClient {
  const transport = createTrelloTransport(options);
  // Trello answers every Power-Up's pluginData; another one's "settings" or "scope" key must not pass for ours.
  const ours = (records: TrelloPluginData[]) =>
    options.pluginId ? records.filter((r) => r.idPlugin === options.pluginId) : records;
  const get = async <T>(schema: z.ZodType<T>, token: string, path: string, query = {}) =>
    parse(schema, pathWithoutToken(path, token), await transport.request(token, "GET", path, query));
  return {
    getMe: (token) => get(memberSchema, token, "/members/me", { fields: "id,username,fullName" }),
    getBoard: (token, boardId) => get(boardSchema, token, `/boards/${boardId}`, { fields: "id,name,closed,prefs" }),
    getBoardMemberships: async (token, boardId) =>
      (
        await get(z.looseObject({ memberships: z.array(membershipSchema) }), token, `/boards/${boardId}`, {
          fields: "memberships",
        })
      ).memberships,
    getLists: (token, boardId) => get(z.array(listSchema), token, `/boards/${boardId}/lists`, { filter: "all" }),
    getCards: async (token, boardId) =>
      (await get(z.array(cardSchema), token, `/boards/${boardId}/cards`, { filter: "all", pluginData: true })).map(
        (card) => (card.pluginData ? { ...card, pluginData: ours(card.pluginData) } : card),
      ),
    getLabels: (token, boardId) => get(z.array(labelSchema), token, `/boards/${boardId}/labels`, { limit: 1000 }),
    createList: async (token, list) =>
      parse(listSchema, "/lists", await transport.request(token, "POST", "/lists", list)),
    createLabel: async (token, label) =>
      parse(labelSchema, "/labels", await transport.request(token, "POST", "/labels", label)),
    getActionsPage: (token, boardId, { before, since, limit = ACTIONS_PAGE_LIMIT }) =>
      get(z.array(z.unknown()), token, `/boards/${boardId}/actions`, { filter: "all", limit, before, since }),
    getCardBoardId: async (token, cardId) =>
      (await get(z.looseObject({ idBoard: z.string() }), token, `/cards/${cardId}`, { fields: "idBoard" })).idBoard,
    getCardPluginData: async (token, cardId) =>
      ours(await get(z.array(pluginDataSchema), token, `/cards/${cardId}/pluginData`)),
    getBoardPluginData: async (token, boardId) =>
      ours(await get(z.array(pluginDataSchema), token, `/boards/${boardId}/pluginData`)),
    createWebhook: async (token, webhook) =>
      parse(webhookSchema, "/webhooks", await transport.request(token, "POST", "/webhooks", {}, webhook)),
    listWebhooks: (token) => get(z.array(webhookSchema), token, `/tokens/${token}/webhooks`),
    updateWebhook: async (token, webhookId, changes) =>
      parse(
        webhookSchema,
        `/webhooks/${webhookId}`,
        await transport.request(token, "PUT", `/webhooks/${webhookId}`, {}, changes),
      ),
    deleteWebhook: async (token, webhookId) => {
      await transport.request(token, "DELETE", `/webhooks/${webhookId}`);
    },
    addComment: async (token, cardId, text) =>
      parse(
        z.looseObject({ id: z.string() }),
        "/cards/{id}/actions/comments",
        await transport.request(token, "POST", `/cards/${cardId}/actions/comments`, {}, { text }),
      ).id,
  };
}
