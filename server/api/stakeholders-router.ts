import { Router } from "express";
import { z } from "zod";
import { firstIssue } from "../../shared/first-issue";
import { defaultBoardSettings } from "../../shared/loop/board-settings";
import { calendarDay } from "../../shared/loop/calendar-day";
import { readLoopRecord } from "../../shared/loop/read-loop-record";
import { stakeholderRegistry } from "../../shared/loop/stakeholder-registry";
import type { VerifyMemberJwt } from "../auth/create-jwt-verifier";
import { requireMemberJwt } from "../auth/require-member-jwt";
import { AppError, ErrorCode } from "../http/app-error";
import { logWithSends } from "../delivery/updates/log-with-sends";
import { boardLoopData } from "../loop/board-loop-data";
import { csvText } from "../reports/render/csv-text";
import { registerRows, REGISTER_COLUMNS } from "../stakeholders/register-rows";
import { registerXlsx } from "../stakeholders/register-xlsx";
import type { Store } from "../store/create-store";
import { boardTimeZone } from "../../shared/time-zone";

export interface StakeholdersRouterDeps {
  verifyJwt: VerifyMemberJwt;
  store: Store;
  now?: () => Date;
}

/** The board's stakeholder registry as the store has it (what the last sync read), in the board's time zone. */
function loadRegistry(store: Store, boardId: string, now: Date) {
  if (!store.connections.get(boardId))
    throw new AppError(404, ErrorCode.NotConnected, "This board is not connected to Stakeholder Loop");
  const data = boardLoopData(store, boardId);
  const settingsRead = readLoopRecord("settings", data.board.settings);
  const settings = settingsRead.status === "ok" ? settingsRead.value : defaultBoardSettings();
  const timeZone = boardTimeZone(settings);
  const today = calendarDay(now, timeZone);
  // Archived and deleted stakeholder cards leave the registry, as they leave the board.
  const cards = [...data.cards.keys()]
    .map((id) => ({ id, fields: store.cards.get(id)?.fields }))
    .filter(({ fields }) => !fields?.closed && !fields?.deleted)
    .map(({ id, fields }) => ({ id, name: fields?.name ?? "(card not synced yet)" }));
  const lastSent = store.deliveries.lastSentByStakeholder(boardId);
  // The card's log plus what the service sent: one "owed an update" rule over both.
  const entries = stakeholderRegistry(
    cards,
    (card) => {
      const read = readLoopRecord("log", data.cards.get(card.id)?.log);
      // An unreadable log stays unreadable (the registry says so); the service's sends still count with one that reads.
      const merged = read.status === "invalid" ? undefined : logWithSends(read, lastSent.get(card.id));
      return {
        stakeholder: readLoopRecord("stakeholder", data.cards.get(card.id)?.stakeholder),
        log: merged ? { status: "ok" as const, value: merged } : read,
      };
    },
    today,
    timeZone,
  );
  return { today, timeZone, entries };
}

const exportQuery = z.object({ format: z.enum(["csv", "xlsx"], { error: "must be csv or xlsx" }).default("csv") });

/**
 * GET /api/boards/:boardId/stakeholders: the stakeholder registry from the store; GET …/stakeholders/export?format=
 * csv|xlsx: the register with every field, as a file. Both for any member of the board (member JWT).
 */
export function createStakeholdersRouter({ verifyJwt, store, now = () => new Date() }: StakeholdersRouterDeps): Router {
  const router = Router();
  router.get("/api/boards/:boardId/stakeholders", requireMemberJwt(verifyJwt), (req, res) => {
    const boardId = String(req.params.boardId);
    const { today, timeZone, entries } = loadRegistry(store, boardId, now());
    res.json({
      boardId,
      today,
      timeZone,
      stakeholders: entries.map((entry) =>
        entry.kind === "ok"
          ? {
              idCard: entry.card.id,
              cardName: entry.card.name,
              status: "ok",
              stakeholder: entry.stakeholder,
              update: entry.update,
              openInitiation: entry.openInitiation,
            }
          : { idCard: entry.card.id, cardName: entry.card.name, status: "invalid", message: entry.message },
      ),
    });
  });
  router.get("/api/boards/:boardId/stakeholders/export", requireMemberJwt(verifyJwt), async (req, res) => {
    const query = exportQuery.safeParse(req.query);
    if (!query.success) throw new AppError(400, ErrorCode.BadRequest, firstIssue(query.error, "query"));
    const boardId = String(req.params.boardId);
    const { today, entries } = loadRegistry(store, boardId, now());
    const rows = registerRows(entries);
    const { format } = query.data;
    res.attachment(`stakeholder-register-${today}.${format}`);
    res.setHeader("x-content-type-options", "nosniff");
    if (format === "xlsx") {
      res
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .send(await registerXlsx(REGISTER_COLUMNS, rows));
      return;
    }
    res.type("text/csv; charset=utf-8").send(csvText([...REGISTER_COLUMNS], rows));
  });
  return router;
}
