import type { TokenCipher } from "../../server/auth/token-cipher";
import type { Connection } from "../../server/store/connections-store";
import type { Store } from "../../server/store/create-store";
import type { TrelloClient } from "../../server/trello/create-trello-client";
import { TrelloApiError } from "../../server/trello/trello-api-error";
import type { TrelloWebhook } from "../../server/trello/trello-rest-schemas";

export interface WebhooksDeps {
  client: TrelloClient;
  store: Store;
  cipher: TokenCipher;
  /** PUBLIC_URL + /webhooks/trello: what every board's webhook must call. */
  callbackUrl: string;
}

/** A webhook as Trello has it. */
export interface WebhookView {
  id: string;
  idModel: string;
  callbackURL: string;
  active: boolean;
  consecutiveFailures: number;
  firstConsecutiveFailDate: string | null;
  description: string;
}

export type WebhookProblemCode =
  | "TOKEN_UNREADABLE"
  | "TOKEN_REFUSED"
  | "MISSING"
  | "STORED_ID_STALE"
  | "WRONG_CALLBACK"
  | "INACTIVE"
  | "RETIRED"
  | "FAILING";

export interface WebhookProblem {
  code: WebhookProblemCode;
  message: string;
  /** Whether `npm run webhooks -- repair` fixes it; the others need a person (reconnect, or a reachable service). */
  repairable: boolean;
}

/** A connected board: the webhook the service stored beside the one Trello has, and what is wrong. */
export interface BoardWebhook {
  boardId: string;
  /** The member whose token the board was connected with (the webhook belongs to that token). */
  connectedBy: string;
  stored: { webhookId: string | null };
  trello: WebhookView | null;
  problems: WebhookProblem[];
}

/** A webhook under a token the service holds that no connected board relies on. */
export interface OrphanWebhook extends WebhookView {
  /** True when it watches a connected board that has another webhook (a leftover duplicate). */
  watchesConnectedBoard: boolean;
}

export interface WebhooksReport {
  callbackUrl: string;
  boards: BoardWebhook[];
  orphans: OrphanWebhook[];
}

/** The report, plus the token each webhook belongs to (never printed). */
export interface WebhooksInspection {
  report: WebhooksReport;
  tokenOfWebhook: Map<string, string>;
  tokenOfBoard: Map<string, string>;
}

const view = (webhook: TrelloWebhook): WebhookView => ({
  id: webhook.id,
  idModel: webhook.idModel,
  callbackURL: webhook.callbackURL,
  // Trello's older answers had no `active`: a webhook was on until deleted.
  active: webhook.active ?? true,
  consecutiveFailures: webhook.consecutiveFailures ?? 0,
  firstConsecutiveFailDate: webhook.firstConsecutiveFailDate ?? null,
  description: webhook.description ?? "",
});

/**
 * The board's webhook among its token's: the stored one when it calls us, else any that watches the board and calls us,
 * else the stored one, else any on the board. A stored webhook with a wrong callback loses to a right one, which the
 * repair then adopts (pointing the wrong one at us would be refused as a duplicate).
 */
function boardWebhookOf(webhooks: WebhookView[], connection: Connection, callbackUrl: string): WebhookView | undefined {
  const onBoard = webhooks.filter((webhook) => webhook.idModel === connection.boardId);
  const stored = onBoard.find((webhook) => webhook.id === connection.webhookId);
  const callsUs = (webhook: WebhookView | undefined) => webhook?.callbackURL === callbackUrl;
  return (callsUs(stored) ? stored : undefined) ?? onBoard.find(callsUs) ?? stored ?? onBoard[0];
}

function problemsOf(deps: WebhooksDeps, connection: Connection, webhook: WebhookView | undefined): WebhookProblem[] {
  if (!webhook) {
    return [
      {
        code: "MISSING",
        message:
          "Trello has no webhook for this board: its changes reach the service only through the reconcile every 15 minutes",
        repairable: true,
      },
    ];
  }
  const problems: WebhookProblem[] = [];
  if (webhook.id !== connection.webhookId) {
    problems.push({
      code: "STORED_ID_STALE",
      message: `the service stored webhook ${connection.webhookId ?? "(none)"}, Trello's is ${webhook.id}`,
      repairable: true,
    });
  }
  if (webhook.callbackURL !== deps.callbackUrl) {
    problems.push({
      code: "WRONG_CALLBACK",
      message: `it calls ${webhook.callbackURL}, not ${deps.callbackUrl}`,
      repairable: true,
    });
  }
  if (!webhook.active) {
    problems.push({
      code: "INACTIVE",
      message: "Trello switched it off (after failing deliveries, or by request): nothing is delivered",
      repairable: true,
    });
  }
  if (deps.store.retiredWebhooks.isRetired(webhook.id)) {
    problems.push({
      code: "RETIRED",
      message: "the service answers its deliveries with 410, which makes Trello delete it",
      repairable: true,
    });
  }
  if (webhook.active && webhook.consecutiveFailures > 0) {
    problems.push({
      code: "FAILING",
      message: `${webhook.consecutiveFailures} failed deliveries in a row since ${webhook.firstConsecutiveFailDate ?? "?"}: check the service is reachable at ${webhook.callbackURL}`,
      repairable: false,
    });
  }
  return problems;
}

/** Opens each connection's token once; connections whose token cannot be used get their problem instead. */
function tokensOf(
  deps: WebhooksDeps,
  connections: Connection[],
): { byToken: Map<string, Connection[]>; unreadable: Connection[] } {
  const byToken = new Map<string, Connection[]>();
  const unreadable: Connection[] = [];
  for (const connection of connections) {
    let token: string;
    try {
      token = deps.cipher.decrypt(connection.tokenSealed);
    } catch {
      unreadable.push(connection);
      continue;
    }
    byToken.set(token, [...(byToken.get(token) ?? []), connection]);
  }
  return { byToken, unreadable };
}

/**
 * Every connected board's webhook as Trello has it beside what the service stored, and the orphans: webhooks under
 * the tokens the service holds that no connected board relies on. Webhooks belong to tokens on Trello, so each
 * token's list is read once (GET /1/tokens/{token}/webhooks). `onlyBoard` narrows the boards, not the orphans' search.
 */
export async function inspectWebhooks(deps: WebhooksDeps, onlyBoard?: string): Promise<WebhooksInspection> {
  const { byToken, unreadable } = tokensOf(deps, deps.store.connections.all());
  const boards: BoardWebhook[] = [];
  const tokenOfWebhook = new Map<string, string>();
  const tokenOfBoard = new Map<string, string>();
  const seen = new Map<string, WebhookView>();
  const used = new Set<string>();
  const entry = (connection: Connection, trello: WebhookView | null, problems: WebhookProblem[]): BoardWebhook => ({
    boardId: connection.boardId,
    connectedBy: connection.memberId,
    stored: { webhookId: connection.webhookId },
    trello,
    problems,
  });

  for (const connection of unreadable) {
    boards.push(
      entry(connection, null, [
        {
          code: "TOKEN_UNREADABLE",
          message:
            "the stored token cannot be decrypted with TOKEN_ENCRYPTION_KEY: restore the key, or connect the board again",
          repairable: false,
        },
      ]),
    );
  }
  for (const [token, connections] of byToken) {
    let webhooks: WebhookView[];
    try {
      webhooks = (await deps.client.listWebhooks(token)).map(view);
    } catch (err) {
      if (!(err instanceof TrelloApiError && err.status === 401)) throw err;
      for (const connection of connections) {
        boards.push(
          entry(connection, null, [
            {
              code: "TOKEN_REFUSED",
              message: "Trello no longer accepts the board's token (revoked or expired): connect the board again",
              repairable: false,
            },
          ]),
        );
      }
      continue;
    }
    for (const webhook of webhooks) {
      seen.set(webhook.id, webhook);
      tokenOfWebhook.set(webhook.id, token);
    }
    for (const connection of connections) {
      tokenOfBoard.set(connection.boardId, token);
      const webhook = boardWebhookOf(webhooks, connection, deps.callbackUrl);
      if (webhook) used.add(webhook.id);
      boards.push(entry(connection, webhook ?? null, problemsOf(deps, connection, webhook)));
    }
  }
  const connected = new Set(deps.store.connections.all().map((connection) => connection.boardId));
  const orphans = [...seen.values()]
    .filter((webhook) => !used.has(webhook.id))
    .map((webhook) => ({ ...webhook, watchesConnectedBoard: connected.has(webhook.idModel) }));
  return {
    report: {
      callbackUrl: deps.callbackUrl,
      boards: boards
        .filter((board) => !onlyBoard || board.boardId === onlyBoard)
        .sort((a, b) => a.boardId.localeCompare(b.boardId)),
      orphans: orphans.sort((a, b) => a.id.localeCompare(b.id)),
    },
    tokenOfWebhook,
    tokenOfBoard,
  };
}
