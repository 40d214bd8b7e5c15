import { Router, type Response } from "express";
import { z } from "zod";
import { actionJson, REST_ACTION_OPTIONS } from "../json/action-json";
import { boardJson } from "../json/board-json";
import { memberJson, tokenJson } from "../json/model-json";
import { pickFields } from "../json/pick-fields";
import type { SimMember, SimToken } from "../model/sim-model";
import type { SimCore } from "../sim-core";
import { authOf, checkId, isBoardMember } from "./access";
import { booleanParam, readParams } from "./read-params";
import { NO_PERMISSION_TEXT, NOT_FOUND_TEXT, TrelloHttpError } from "./trello-http-error";

const fieldsParam = z.object({ fields: z.string().optional() });

/** GET /1/members/…, /1/tokens/…, /1/actions/{id}: who is calling, their boards, their token. */
export function membersRoutes(core: SimCore): Router {
  const router = Router();
  const { store } = core;

  /** `me`, an id or a username. */
  function member(res: Response, idOrName: string): SimMember {
    if (idOrName === "me") return authOf(res).member;
    const found =
      store.members.get(idOrName) ?? [...store.members.values()].find((candidate) => candidate.username === idOrName);
    if (!found) throw new TrelloHttpError(404, NOT_FOUND_TEXT);
    return found;
  }

  function token(res: Response, value: string): SimToken {
    const found = store.tokens.get(value);
    if (!found) throw new TrelloHttpError(404, NOT_FOUND_TEXT);
    // Only the token itself may read it; Trello does not show one member's token to another.
    if (found.idMember !== authOf(res).member.id) throw new TrelloHttpError(401, NO_PERMISSION_TEXT);
    return found;
  }

  const memberFields = (found: SimMember, fields: string | undefined) => {
    const full = memberJson(found, core.boardsOf(found.id));
    return pickFields(full, fields, Object.keys(full));
  };

  router.get("/members/:id", (req, res) => {
    res.json(memberFields(member(res, req.params.id), readParams(req, fieldsParam).fields));
  });

  router.get("/members/:id/boards", (req, res) => {
    const found = member(res, req.params.id);
    const params = readParams(
      req,
      z.object({ filter: z.enum(["all", "open", "closed"]).optional(), fields: z.string().optional() }),
    );
    const boards = [...store.boards.values()]
      .filter((board) => isBoardMember(board, found.id) && isBoardMember(board, authOf(res).member.id))
      .filter(
        (board) =>
          params.filter === undefined || params.filter === "all" || board.closed === (params.filter === "closed"),
      );
    res.json(boards.map((board) => boardJson(board, store.labelsOf(board.id), params.fields ?? "all")));
  });

  router.get("/tokens/:token", (req, res) => {
    const full = tokenJson(token(res, req.params.token));
    res.json(pickFields(full, readParams(req, fieldsParam).fields, Object.keys(full)));
  });

  router.get("/tokens/:token/member", (req, res) => {
    const found = store.members.get(token(res, req.params.token).idMember)!;
    res.json(memberFields(found, readParams(req, fieldsParam).fields));
  });

  /** Revoking a token deletes its webhooks, as on Trello. */
  router.delete("/tokens/:token", (req, res) => {
    const found = token(res, req.params.token);
    for (const webhook of [...store.webhooks.values()])
      if (webhook.token === found.token) store.webhooks.delete(webhook.id);
    store.tokens.delete(found.token);
    res.json({ _value: null });
  });

  router.get("/actions/:id", (req, res) => {
    checkId(req.params.id);
    const action = store.action(req.params.id);
    if (!action) throw new TrelloHttpError(404, NOT_FOUND_TEXT);
    const board = action.idBoard ? store.boards.get(action.idBoard) : undefined;
    if (board && !isBoardMember(board, authOf(res).member.id)) throw new TrelloHttpError(401, NO_PERMISSION_TEXT);
    const { display } = readParams(req, z.object({ display: booleanParam.optional() }));
    // A single action comes with its `display` unless asked not to (rest__GET_actions_id).
    res.json(actionJson(action, store, { ...REST_ACTION_OPTIONS, display: display ?? true }));
  });

  return router;
}
