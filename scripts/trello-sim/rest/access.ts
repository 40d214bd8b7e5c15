import type { Response } from "express";
import { isObjectId } from "../model/object-id";
import type { SimBoard, SimCard, SimList, SimMember, SimToken } from "../model/sim-model";
import type { SimCore } from "../sim-core";
import { NO_PERMISSION_TEXT, NOT_FOUND_TEXT, TrelloHttpError } from "./trello-http-error";

export interface RequestAuth {
  token: SimToken;
  member: SimMember;
}

const SHORT_LINK = /^[A-Za-z0-9]{8}$/;

/** The token and member of an authenticated /1/ request. */
export function authOf(res: Response): RequestAuth {
  return res.locals.auth as RequestAuth;
}

/** Trello refuses a malformed id with 400 before looking anything up. */
export function checkId(id: string, allowShortLink = false): void {
  if (!isObjectId(id) && !(allowShortLink && SHORT_LINK.test(id))) throw new TrelloHttpError(400, "invalid id");
}

export function isBoardMember(board: SimBoard, idMember: string): boolean {
  return board.memberships.some((membership) => membership.idMember === idMember);
}

/** A board the request's member belongs to: 404 if there is none, 401 if they are not on it (boards are private). */
export function readableBoard(core: SimCore, res: Response, id: string): SimBoard {
  checkId(id, true);
  const board = core.store.board(id);
  if (!board) throw new TrelloHttpError(404, NOT_FOUND_TEXT);
  if (!isBoardMember(board, authOf(res).member.id)) throw new TrelloHttpError(401, NO_PERMISSION_TEXT);
  return board;
}

export function readableCard(core: SimCore, res: Response, id: string): SimCard {
  checkId(id, true);
  const card = core.store.card(id);
  if (!card) throw new TrelloHttpError(404, NOT_FOUND_TEXT);
  readableBoard(core, res, card.idBoard);
  return card;
}

export function readableList(core: SimCore, res: Response, id: string): SimList {
  checkId(id);
  const list = core.store.lists.get(id);
  if (!list) throw new TrelloHttpError(404, NOT_FOUND_TEXT);
  readableBoard(core, res, list.idBoard);
  return list;
}
