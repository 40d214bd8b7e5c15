import express, { Router } from "express";
import { z } from "zod";
import type { VerifyMemberJwt } from "../auth/create-jwt-verifier";
import { memberOf, requireMemberJwt } from "../auth/require-member-jwt";
import { AppError, ErrorCode } from "../http/app-error";
import type { Store } from "../store/create-store";
import type { BoardSyncRunner } from "../sync/create-board-sync-runner";
import { connectBoard, type ConnectDeps } from "../sync/connect-board";
import { connectionView } from "./connection-view";

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
  const view = (boardId: string) => {
    const connection = store.connections.get(boardId);
    if (!connection) throw new AppError(404, ErrorCode.NotConnected, "This board is not connected to Stakeholder Loop");
    return connectionView(connection, store.syncState.get(boardId));
  };

  router.post(path, auth, express.json({ limit: "16kb" }), async (req, res) => {
    if (!connect || !runner) {
      throw new AppError(503, ErrorCode.NotConfigured, "Connecting boards needs TRELLO_API_KEY, TRELLO_API_SECRET and TOKEN_ENCRYPTION_KEY");
    }
    const body = connectBody.safeParse(req.body);
    if (!body.success) throw new AppError(400, ErrorCode.InvalidPayload, `body.${body.error.issues[0]!.path.join(".") || "token"}: ${body.error.issues[0]!.message}`);
    const boardId = String(req.params.boardId);
    await connectBoard(connect, { boardId, memberId: memberOf(req).idMember, token: body.data.token });
    void runner.sync(boardId);
    res.status(202).json(view(boardId));
  });

  router.get(path, auth, (req, res) => {
    res.json(view(String(req.params.boardId)));
  });

  router.delete(path, auth, async (req, res) => {
    const boardId = String(req.params.boardId);
    const connection = store.connections.get(boardId);
    if (!connection) throw new AppError(404, ErrorCode.NotConnected, "This board is not connected to Stakeholder Loop");
    let webhookDeleted = false;
    if (connect && connection.webhookId) {
      webhookDeleted = await connect.client
        .deleteWebhook(connect.cipher.decrypt(connection.tokenSealed), connection.webhookId)
        .then(() => true)
        .catch((err: unknown) => {
          req.log.warn({ boardId, err: (err as Error).message }, "could not delete the board's webhook on Trello");
          return false;
        });
    }
    await runner?.idle();
    store.connections.remove(boardId);
    const deleteData = req.query.deleteData === "true";
    if (deleteData) store.boardData.deleteBoard(boardId);
    res.json({ boardId, disconnected: true, webhookDeleted, dataDeleted: deleteData });
  });

  return router;
}
