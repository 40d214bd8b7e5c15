import { Router } from "express";
import { z } from "zod";
import { firstIssue } from "../../shared/first-issue";
import type { VerifyMemberJwt } from "../auth/create-jwt-verifier";
import { memberOf, requireMemberJwt } from "../auth/require-member-jwt";
import { AppError, ErrorCode } from "../http/app-error";
import { jsonBody } from "../http/json-body";
import type { Store } from "../store/create-store";
import { assertMayManage } from "../sync/assert-may-manage";
import type { BoardSyncRunner } from "../sync/create-board-sync-runner";
import { connectBoard, type ConnectDeps } from "../sync/connect-board";
import { dropConnectionWebhook } from "../sync/drop-connection-webhook";
import { connectionView } from "./connection-view";
import { createKeyedLock } from "./keyed-lock";

const connectBody = z.object({ token: z.string().trim().min(1, "token is required").max(512) });

export interface ConnectionsRouterDeps {
  verifyJwt: VerifyMemberJwt;
  /** Absent when the service has no Trello credentials or encryption key: connecting is then refused clearly. */
  connect: ConnectDeps | undefined;
  runner: BoardSyncRunner | undefined;
  store: Store;
}

/** POST/GET/DELETE /api/boards/:boardId/connection, all authenticated with the member's t.jwt token. */
export function createConnectionsRouter({ verifyJwt, connect, runner, store }: ConnectionsRouterDeps): Router {
  const router = Router();
  const path = "/api/boards/:boardId/connection";
  const auth = requireMemberJwt(verifyJwt);
  // Connect and disconnect of one board never interleave (each awaits Trello several times).
  const boardLock = createKeyedLock();
  const connectionOf = (boardId: string) => {
    const connection = store.connections.get(boardId);
    if (!connection) throw new AppError(404, ErrorCode.NotConnected, "This board is not connected to Stakeholder Loop");
    return connection;
  };
  const view = (boardId: string) =>
    connectionView(connectionOf(boardId), store.syncState.get(boardId), connect?.cipher);
  const configured = () => {
    if (!connect || !runner) {
      throw new AppError(
        503,
        ErrorCode.NotConfigured,
        "Connecting boards needs TRELLO_API_KEY, TRELLO_API_SECRET and TOKEN_ENCRYPTION_KEY",
      );
    }
    return { connect, runner };
  };

  router.post(path, auth, ...jsonBody(16 * 1024), async (req, res) => {
    const deps = configured();
    const body = connectBody.safeParse(req.body);
    if (!body.success) throw new AppError(400, ErrorCode.InvalidPayload, firstIssue(body.error, "body"));
    const boardId = String(req.params.boardId);
    await boardLock(boardId, () =>
      connectBoard(deps.connect, { boardId, memberId: memberOf(req).idMember, token: body.data.token }),
    );
    void deps.runner.sync(boardId);
    res.status(202).json(view(boardId));
  });

  router.get(path, auth, (req, res) => {
    res.json(view(String(req.params.boardId)));
  });

  router.delete(path, auth, async (req, res) => {
    const deps = configured();
    const boardId = String(req.params.boardId);
    const deleteData = req.query.deleteData === "true";
    const webhookDeleted = await boardLock(boardId, async () => {
      const connection = connectionOf(boardId);
      await assertMayManage(deps.connect.client, connection, memberOf(req).idMember, () =>
        deps.connect.cipher.decrypt(connection.tokenSealed),
      );
      await deps.runner.cancel(boardId);
      const deleted = await dropConnectionWebhook(deps.connect, connection);
      store.connections.remove(boardId);
      if (deleteData) store.boardData.deleteBoard(boardId);
      return deleted;
    });
    res.json({ boardId, disconnected: true, webhookDeleted, dataDeleted: deleteData });
  });

  return router;
}
