import { Router } from "express";
import { defaultBoardSettings } from "../../shared/loop/board-settings";
import { calendarDay } from "../../shared/loop/calendar-day";
import { readLoopRecord } from "../../shared/loop/read-loop-record";
import { stakeholderRegistry } from "../../shared/loop/stakeholder-registry";
import type { VerifyMemberJwt } from "../auth/create-jwt-verifier";
import { requireMemberJwt } from "../auth/require-member-jwt";
import { AppError, ErrorCode } from "../http/app-error";
import { boardLoopData } from "../loop/board-loop-data";
import type { Store } from "../store/create-store";

export interface StakeholdersRouterDeps {
  verifyJwt: VerifyMemberJwt;
  store: Store;
  now?: () => Date;
}

/** GET /api/boards/:boardId/stakeholders: the stakeholder registry from the store (what the last sync read). */
export function createStakeholdersRouter({ verifyJwt, store, now = () => new Date() }: StakeholdersRouterDeps): Router {
  const router = Router();
  router.get("/api/boards/:boardId/stakeholders", requireMemberJwt(verifyJwt), (req, res) => {
    const boardId = String(req.params.boardId);
    if (!store.connections.get(boardId)) throw new AppError(404, ErrorCode.NotConnected, "This board is not connected to Stakeholder Loop");
    const data = boardLoopData(store, boardId);
    const settingsRead = readLoopRecord("settings", data.board.settings);
    const settings = settingsRead.status === "ok" ? settingsRead.value : defaultBoardSettings();
    const timeZone = settings.timezone ?? "UTC";
    const today = calendarDay(now(), timeZone);
    // Archived and deleted stakeholder cards leave the registry, as they leave the board.
    const cards = [...data.cards.keys()]
      .map((id) => ({ id, fields: store.cards.get(id)?.fields }))
      .filter(({ fields }) => !fields?.closed && !fields?.deleted)
      .map(({ id, fields }) => ({ id, name: fields?.name ?? "(card not synced yet)" }));
    const entries = stakeholderRegistry(
      cards,
      (card) => ({ stakeholder: readLoopRecord("stakeholder", data.cards.get(card.id)?.stakeholder), log: readLoopRecord("log", data.cards.get(card.id)?.log) }),
      today,
      timeZone,
    );
    res.json({
      boardId,
      today,
      timeZone,
      stakeholders: entries.map((entry) =>
        entry.kind === "ok"
          ? { idCard: entry.card.id, cardName: entry.card.name, status: "ok", stakeholder: entry.stakeholder, update: entry.update, openInitiation: entry.openInitiation }
          : { idCard: entry.card.id, cardName: entry.card.name, status: "invalid", message: entry.message },
      ),
    });
  });
  return router;
}
