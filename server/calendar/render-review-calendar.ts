import { DateTime } from "luxon";
import icalGenerator, { ICalCalendarMethod, ICalAttendeeRole, ICalAttendeeStatus } from "ical-generator";
import type { ReviewMeeting } from "./review-meetings";

export interface ReviewCalendarInput {
  /** The calendar's name, e.g. "ACME rollout: sprint reviews". */
  name: string;
  meetings: ReviewMeeting[];
  /** REQUEST for an invitation mailed to attendees; PUBLISH for a subscribed feed. */
  method: "REQUEST" | "PUBLISH";
  /** The PM the invitation comes from (ORGANIZER is required in a REQUEST). */
  organizer?: { name: string; email: string };
  /** Who is invited (a REQUEST only). */
  attendees?: { name: string; email: string }[];
}

/** The UID of a sprint's review: stable for the sprint card, so every update replaces the same event. */
export function reviewUid(boardId: string, sprintCardId: string): string {
  return `sprint-review-${sprintCardId}@${boardId}.stakeholder-loop`;
}

/**
 * Sprint reviews as iCalendar text (ical-generator): one VEVENT per review, in the board's zone (TZID), with its UID
 * and SEQUENCE. Only the sprint's number, the board's name and the goal go in: nothing about any stakeholder.
 */
export function renderReviewCalendar({
  name,
  meetings,
  method,
  organizer,
  attendees = [],
}: ReviewCalendarInput): string {
  const calendar = icalGenerator({ name, prodId: { company: "Stakeholder Loop", product: "Sprint reviews" } });
  calendar.method(method === "REQUEST" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.PUBLISH);
  for (const meeting of meetings) {
    const event = calendar.createEvent({
      id: reviewUid(meeting.boardId, meeting.sprintCardId),
      sequence: meeting.sequence,
      // Luxon times in the zone: ical-generator writes their local time under the TZID (a Date would be written as UTC).
      start: DateTime.fromISO(meeting.startsAt).setZone(meeting.timezone),
      end: DateTime.fromISO(meeting.endsAt).setZone(meeting.timezone),
      timezone: meeting.timezone,
      summary: meeting.summary,
      description: meeting.goal
        ? `Sprint ${meeting.sprintNumber} goal: ${meeting.goal}`
        : `Review of sprint ${meeting.sprintNumber}`,
      ...(organizer ? { organizer } : {}),
    });
    for (const attendee of attendees) {
      event.createAttendee({
        ...attendee,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: true,
      });
    }
  }
  return calendar.toString();
}
