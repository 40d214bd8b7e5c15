import { randomUUID } from "node:crypto";
import { isPartyAudience } from "../../shared/loop/audience";
import { AppError, ErrorCode } from "../http/app-error";
import type { Store } from "../store/create-store";
import type { ShareLinkMeta } from "../store/share-links-store";
import { hashShareToken, newShareToken } from "./share-token";

/** How long a link works unless the PM says otherwise, and the longest it may. */
export const DEFAULT_SHARE_DAYS = 30;
export const MAX_SHARE_DAYS = 90;

export const SHARE_PATH = "/share";

export interface CreateShareLink {
  boardId: string;
  snapshotId: string;
  createdBy: string;
  label?: string;
  expiresInDays?: number;
  now: Date;
}

/** The public address of a share link. */
export function shareUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, "")}${SHARE_PATH}/${token}`;
}

/**
 * Makes a share link to a client or partner snapshot and returns it with its URL (the only time the URL exists: the
 * store keeps its hash). An internal snapshot is never shared: its copy has buy-in, status and escalations in it.
 */
export function createShareLink(
  store: Store,
  publicUrl: string,
  input: CreateShareLink,
): ShareLinkMeta & { url: string } {
  const snapshot = store.reportSnapshots.get(input.boardId, input.snapshotId);
  if (!snapshot) throw new AppError(404, ErrorCode.NotFound, "No report snapshot with this id on this board");
  if (!isPartyAudience(snapshot.audience)) {
    throw new AppError(
      422,
      ErrorCode.ShareInternalRefused,
      "An internal report cannot be shared outside Trello: generate the client or partner copy and share that",
    );
  }
  const token = newShareToken();
  const days = input.expiresInDays ?? DEFAULT_SHARE_DAYS;
  const link = store.shareLinks.insert({
    id: randomUUID(),
    boardId: input.boardId,
    snapshotId: input.snapshotId,
    tokenHash: hashShareToken(token),
    label: input.label ?? "",
    createdBy: input.createdBy,
    createdAt: input.now.toISOString(),
    expiresAt: new Date(input.now.getTime() + days * 86_400_000).toISOString(),
  });
  return { ...link, url: shareUrl(publicUrl, token) };
}
