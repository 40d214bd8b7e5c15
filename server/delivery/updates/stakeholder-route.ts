import { z } from "zod";
import type { Audience } from "../../../shared/loop/audience";
import { defaultBoardSettings } from "../../../shared/loop/board-settings";
import { calendarDay } from "../../../shared/loop/calendar-day";
import { deliveryChannelOf, isChatChannel, type DeliveryChannel } from "../../../shared/loop/delivery-channel";
import { readLoopRecord } from "../../../shared/loop/read-loop-record";
import type { Stakeholder } from "../../../shared/loop/stakeholder";
import { stakeholderUpdateState, type UpdateState } from "../../../shared/loop/stakeholder-update-state";
import { AppError, ErrorCode } from "../../http/app-error";
import { boardLoopData } from "../../loop/board-loop-data";
import type { Store } from "../../store/create-store";
import { DeliveryError } from "../delivery-error";
import { logWithSends } from "./log-with-sends";

/** Where and how a stakeholder's updates go, and where they stand today. */
export interface StakeholderRoute {
  boardId: string;
  boardName: string;
  cardId: string;
  stakeholder: Stakeholder;
  /** Clients and partners get their party's copy; everyone else the team's. */
  audience: Audience;
  party?: string;
  channel: DeliveryChannel;
  /** The email address, or (chat) the stakeholder's card id whose stored webhook URL is used. */
  to: string;
  /** Whether the route can be used now: an email address, or a webhook URL stored. */
  ready: boolean;
  /** What is missing when not ready. */
  missing?: string;
  timeZone: string;
  today: string;
  update: UpdateState;
}

const isEmail = (value: string | undefined) => value !== undefined && z.email().safeParse(value.trim()).success;

/** The audience a stakeholder type reads. */
export function audienceOf(stakeholder: Pick<Stakeholder, "type">): Audience {
  return stakeholder.type === "client" || stakeholder.type === "partner" ? stakeholder.type : "internal";
}

/**
 * Reads a stakeholder from the store and works out their route: their agreed channel decides it; email uses their
 * contact address. Throws 404 for a card that holds no stakeholder, DeliveryError NOT_SENDABLE for a channel the
 * service cannot send on.
 */
export function stakeholderRoute(store: Store, boardId: string, cardId: string, now: Date): StakeholderRoute {
  if (!store.connections.get(boardId))
    throw new AppError(404, ErrorCode.NotConnected, "This board is not connected to Stakeholder Loop");
  const data = boardLoopData(store, boardId);
  const record = data.cards.get(cardId);
  const read = readLoopRecord("stakeholder", record?.stakeholder);
  const fields = store.cards.get(cardId)?.fields;
  if (read.status !== "ok" || fields?.closed || fields?.deleted)
    throw new AppError(404, ErrorCode.NotFound, "No stakeholder on this card of the board");
  const stakeholder = read.value;
  const channel = deliveryChannelOf(stakeholder.channel);
  if (!channel) {
    throw new DeliveryError(
      "NOT_SENDABLE",
      `${stakeholder.name}'s agreed channel is ${stakeholder.channel}: updates on it are given in person and logged by hand`,
    );
  }
  const settingsRead = readLoopRecord("settings", data.board.settings);
  const timeZone = (settingsRead.status === "ok" ? settingsRead.value : defaultBoardSettings()).timezone ?? "UTC";
  const today = calendarDay(now, timeZone);
  const log = logWithSends(
    readLoopRecord("log", record?.log),
    store.deliveries.lastSentByStakeholder(boardId).get(cardId),
  );
  const update = stakeholderUpdateState(stakeholder, log, today, timeZone);
  const chat = isChatChannel(channel);
  const ready = chat ? store.chatWebhooks.getSealed(boardId, cardId) !== undefined : isEmail(stakeholder.contact);
  const audience = audienceOf(stakeholder);
  return {
    boardId,
    boardName: store.boards.get(boardId)?.fields.name ?? "Our project",
    cardId,
    stakeholder,
    audience,
    party: audience === "internal" ? undefined : stakeholder.org?.trim() || undefined,
    channel,
    to: chat ? cardId : (stakeholder.contact ?? "").trim(),
    ready,
    missing: ready
      ? undefined
      : chat
        ? "No chat webhook URL is set for this stakeholder: set it in their details"
        : "Their contact is not an email address: set one in their details",
    timeZone,
    today,
    update,
  };
}
