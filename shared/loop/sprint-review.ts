import * as z from "zod/mini";
import { calendarDate, choice, idList, optionalText, trelloId, version1 } from "./fields";

export const SENTIMENTS = ["positive", "neutral", "negative"] as const;

const feedbackSchema = z.object({
  by: trelloId,
  sentiment: choice("sentiment", SENTIMENTS),
  note: optionalText("Feedback", 200),
});

/** The sprint review held with stakeholders, on the sprint card (key `review`); long notes go in the card description. */
export const sprintReviewSchema = z
  .object({
    v: version1,
    heldOn: calendarDate,
    attendees: idList("Attendees", 20),
    demoed: idList("Demoed cards", 40),
    accepted: idList("Accepted cards", 40),
    feedback: z.array(feedbackSchema).check(z.maxLength(8, "At most 8 feedback entries")),
    decisions: optionalText("Decisions", 300),
    nextSteps: optionalText("Next steps", 300),
  })
  .check(
    z.refine((r) => r.accepted.every((id) => r.demoed.includes(id)), {
      message: "Only demoed cards can be accepted",
      path: ["accepted"],
    }),
  );

export type SprintReview = z.infer<typeof sprintReviewSchema>;
export type Sentiment = SprintReview["feedback"][number]["sentiment"];
