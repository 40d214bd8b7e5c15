import type { FaultConfig } from "./faults/fault-injector";
import type { RateLimitConfig } from "./limits/rate-limiter";
import type { WebhookDeliveryConfig } from "./webhooks/webhook-deliverer";

/** What `npm run trello-sim` prints as its first line, and what `listen()` resolves with. */
export interface SimInfo {
  baseUrl: string;
  key: string;
  secret: string;
  token: string;
  memberId: string;
}

export interface TrelloSimulatorOptions {
  /** The Power-Up's API key (32 hex); random unless given. */
  apiKey?: string;
  /** The secret webhooks are signed with (64 hex); random unless given. */
  apiSecret?: string;
  /** The default member's token (64 hex); random unless given. */
  token?: string;
  /** The Power-Up id put in member JWTs (`idPlugin`); random unless given. */
  pluginId?: string;
  /** The default member: the one the printed token belongs to, and who acts when a seed names nobody. */
  member?: { username?: string; fullName?: string };
  /** The clock (ms since the epoch) used for "now"; tests may fix it. */
  now?: () => number;
  /** Trello's limits unless changed; `false` switches them off. */
  rateLimits?: Partial<RateLimitConfig> | false;
  /** Trello's delivery behaviour unless changed (tests shorten the retry delays). */
  webhooks?: Partial<WebhookDeliveryConfig>;
  /** RSA modulus length of the JWT signing keys (default 2048). */
  jwtModulusLength?: number;
  /** Faults to inject from the start. */
  faults?: FaultConfig;
}

/** Any Trello JSON object (a board, list, card, label, checklist, custom field, pluginData record). */
export type TrelloJson = { id: string } & Record<string, unknown>;

/** An action as Trello serves it. */
export interface TrelloActionJson extends Record<string, unknown> {
  id: string;
  idMemberCreator: string;
  type: string;
  date: string;
  data: Record<string, unknown>;
}

/** Where t.set / t.get write and read: `visibility` is Trello's word for shared or private data. */
export interface PluginDataTarget {
  scope: "board" | "card" | "member" | "organization";
  idModel: string;
  visibility?: "shared" | "private";
  /** Defaults to the simulator's Power-Up id. */
  idPlugin?: string;
  /** The member in the iframe; owns private data. Defaults to the simulator's member. */
  idMember?: string;
}
