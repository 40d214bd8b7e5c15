import { readLoopRecord } from "../../shared/loop/read-loop-record";
import { DeliveryError } from "../delivery/delivery-error";
import type { EnqueuedDelivery } from "../delivery/enqueue-delivery";
import type { OutgoingMessage } from "../delivery/outgoing-message";
import { audienceOf } from "../delivery/updates/stakeholder-route";
import { AppError, ErrorCode } from "../http/app-error";
import { boardLoopData } from "../loop/board-loop-data";
import type { Store } from "../store/create-store";
import { renderReviewCalendar } from "./render-review-calendar";
import { reviewMeetings } from "./review-meetings";
import { DateTime } from "luxon";

export interface InvitationResult {
  cardId: string;
  name: string;
  outcome: "queued" | "already-sent" | "skipped";
  deliveryId?: number;
  reason?: string;
}

export interface SendReviewInvitationsDeps {
  store: Store;
  enqueue: (message: OutgoingMessage, createdBy: string) => EnqueuedDelivery;
  /** The From address, which a REQUEST names as its ORGANIZER. */
  organizer: { name: string; email: string };
  now?: () => Date;
}

/** One invitation per stakeholder per published version of the review: a moved sprint (next SEQUENCE) is sent again. */
export function invitationKey(sprintCardId: string, sequence: number, stakeholderCardId: string): string {
  return `review:${sprintCardId}:${sequence}:${stakeholderCardId}`;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * Emails a sprint's review as a calendar invitation (METHOD:REQUEST, the .ics attached) to every stakeholder whose
 * initiation says "Invited to sprint reviews" and who has an email contact, not released. Sending again sends
 * nothing until the sprint moves; then everyone gets the update under the next SEQUENCE.
 */
export function sendReviewInvitations(
  { store, enqueue, organizer, now = () => new Date() }: SendReviewInvitationsDeps,
  input: {
    boardId: string;
    sprintCardId: string;
    createdBy: string;
    /** Only the update of a moved review, to those invited to it before. */ updatesOnly?: boolean;
  },
): InvitationResult[] {
  const meeting = reviewMeetings(store, input.boardId, now()).find((m) => m.sprintCardId === input.sprintCardId);
  if (!meeting && input.updatesOnly) return [];
  if (!meeting) throw new AppError(404, ErrorCode.NotFound, "No sprint plan on this card of the board");
  const invitedBefore = (cardId: string) =>
    Array.from({ length: meeting.sequence }, (_, n) => n).some(
      (n) => store.deliveries.getByKey(invitationKey(input.sprintCardId, n, cardId)) !== undefined,
    );
  const when = DateTime.fromISO(meeting.startsAt).setZone(meeting.timezone).toFormat("cccc d LLLL yyyy, HH:mm ZZZZ");
  const results: InvitationResult[] = [];
  for (const [cardId, record] of boardLoopData(store, input.boardId).cards) {
    const read = readLoopRecord("stakeholder", record.stakeholder);
    if (read.status !== "ok" || !read.value.initiation.reviews || read.value.status === "released") continue;
    const s = read.value;
    if (input.updatesOnly && !invitedBefore(cardId)) continue;
    const base = { cardId, name: s.name };
    const to = s.contact?.trim() ?? "";
    if (!EMAIL.test(to)) {
      results.push({
        ...base,
        outcome: "skipped",
        reason: "Their contact is not an email address: a calendar invitation goes by email",
      });
      continue;
    }
    const ics = renderReviewCalendar({
      name: meeting.summary,
      meetings: [meeting],
      method: "REQUEST",
      organizer,
      attendees: [{ name: s.name, email: to }],
    });
    const update = meeting.sequence > 0 ? " (moved)" : "";
    try {
      const queued = enqueue(
        {
          boardId: input.boardId,
          stakeholderCardId: cardId,
          idempotencyKey: invitationKey(input.sprintCardId, meeting.sequence, cardId),
          kind: "invitation",
          audience: audienceOf(s),
          channel: "email",
          to,
          subject: `${meeting.summary}${update}: ${when}`,
          text: `Hello ${s.name},\n\nyou are invited to the review of sprint ${meeting.sprintNumber} on ${when}.${meeting.goal ? `\nThe sprint's goal: ${meeting.goal}` : ""}\n\nThe invitation is attached: open it to add it to your calendar.`,
          attachments: [
            {
              filename: "sprint-review.ics",
              contentType: "text/calendar; charset=utf-8; method=REQUEST",
              content: Buffer.from(ics, "utf8"),
            },
          ],
        },
        input.createdBy,
      );
      results.push({ ...base, outcome: queued.created ? "queued" : "already-sent", deliveryId: queued.id });
    } catch (err) {
      if (!(err instanceof DeliveryError)) throw err;
      results.push({ ...base, outcome: "skipped", reason: err.message });
    }
  }
  return results.sort((a, b) => a.name.localeCompare(b.name));
}
