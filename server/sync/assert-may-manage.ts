import { AppError, ErrorCode } from "../http/app-error";
import type { Connection } from "../store/connections-store";
import type { TrelloClient } from "../trello/create-trello-client";

/**
 * Only the member who connected a board, or an admin of the board, may replace or remove its connection:
 * any member can open the Power-Up, but not every member should be able to wipe the board's history.
 * `readToken` is any token able to read the board's memberships.
 */
export async function assertMayManage(
  client: TrelloClient,
  connection: Connection,
  memberId: string,
  readToken: () => string,
): Promise<void> {
  if (connection.memberId === memberId) return;
  const memberships = await client.getBoardMemberships(readToken(), connection.boardId).catch(() => []);
  if (memberships.some((membership) => membership.idMember === memberId && membership.memberType === "admin")) return;
  throw new AppError(
    403,
    ErrorCode.NotAllowed,
    "Only the member who connected this board, or a board admin, can change its connection",
  );
}
