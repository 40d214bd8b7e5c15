import { Router } from "express";
import type { VerifyMemberJwt } from "../auth/create-jwt-verifier";
import { memberOf, requireMemberJwt } from "../auth/require-member-jwt";
import { CALENDAR_PATH, createCalendarFeed } from "../calendar/create-calendar-feed";
import { renderReviewCalendar } from "../calendar/render-review-calendar";
import { reviewMeetings } from "../calendar/review-meetings";
import { sendReviewInvitations, type SendReviewInvitationsDeps } from "../calendar/send-review-invitations";
import { hashShareToken, SHARE_TOKEN_PATTERN } from "../share/share-token";
import { AppError, ErrorCode } from "../http/app-error";

export interface ReviewCalendarRouterDeps extends Omit<SendReviewInvitationsDeps, "now"> {
  verifyJwt: VerifyMemberJwt;
  publicUrl: string;
  now?: () => Date;
}

/**
 * Sprint reviews in calendars. For members: POST/GET/DELETE …/calendar-feeds (make a subscribable URL, list, revoke
 * all) and POST …/sprints/:cardId/review-invitations (email the review to the stakeholders invited to reviews).
 * Public: GET /calendar/:token.ics, every review of the board as text/calendar, for as long as the feed is not revoked.
 */
export function createReviewCalendarRouter({
  verifyJwt,
  publicUrl,
  now = () => new Date(),
  ...deps
}: ReviewCalendarRouterDeps): Router {
  const router = Router();
  const auth = requireMemberJwt(verifyJwt);
  const feeds = "/api/boards/:boardId/calendar-feeds";

  router.post(feeds, auth, (req, res) => {
    res.status(201).json(
      createCalendarFeed(deps.store, publicUrl, {
        boardId: String(req.params.boardId),
        createdBy: memberOf(req).idMember,
        now: now(),
      }),
    );
  });
  router.get(feeds, auth, (req, res) => {
    res.json({ feeds: deps.store.reviewCalendar.listFeeds(String(req.params.boardId)) });
  });
  router.delete(feeds, auth, (req, res) => {
    res.json({ revoked: deps.store.reviewCalendar.revokeFeeds(String(req.params.boardId), now().toISOString()) });
  });

  router.post("/api/boards/:boardId/sprints/:cardId/review-invitations", auth, (req, res) => {
    const results = sendReviewInvitations(
      { ...deps, now },
      {
        boardId: String(req.params.boardId),
        sprintCardId: String(req.params.cardId),
        createdBy: memberOf(req).idMember,
      },
    );
    res.json({ results });
  });

  router.get(`${CALENDAR_PATH}/:file`, (req, res) => {
    const token = String(req.params.file).replace(/\.ics$/, "");
    const feed = SHARE_TOKEN_PATTERN.test(token)
      ? deps.store.reviewCalendar.liveFeedByTokenHash(hashShareToken(token))
      : undefined;
    // Unknown and revoked alike: a calendar app polling a revoked URL learns nothing about the board.
    if (!feed) throw new AppError(404, ErrorCode.NotFound, "No calendar at this address");
    const name = `${deps.store.boards.get(feed.boardId)?.fields.name ?? "Project"}: sprint reviews`;
    res.set("cache-control", "no-store");
    res.set("referrer-policy", "no-referrer");
    res
      .type("text/calendar; charset=utf-8")
      .send(
        renderReviewCalendar({ name, meetings: reviewMeetings(deps.store, feed.boardId, now()), method: "PUBLISH" }),
      );
  });
  return router;
}
