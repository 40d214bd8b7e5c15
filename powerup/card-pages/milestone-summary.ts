import type { Milestone } from "../../shared/loop/milestone";
import { milestoneState, type MilestoneCardPlace } from "../../shared/loop/milestone-state";
import { h } from "../lib/dom";
import { badge } from "./badge";
import { MILESTONE_STATUS_COLOURS, MILESTONE_STATUS_LABELS } from "./labels";

function days(n: number): string {
  return n === 1 ? "1 day" : `${n} days`;
}

/**
 * A milestone's state in words: its badge (hit, missed, done, overdue, due soon, upcoming), when, and whether it
 * slipped. `place`: whether its card sits in a done list, which makes it done.
 */
export function milestoneSummary(
  milestone: Pick<Milestone, "due" | "baselineDue" | "doneOn">,
  today: string,
  place?: MilestoneCardPlace,
): HTMLElement {
  const state = milestoneState(milestone, today, place);
  let when: string;
  if (state.doneOn) when = `done on ${state.doneOn}, due ${milestone.due}`;
  else if (place?.inDoneList) when = `in a done list, due ${milestone.due}`;
  else if (state.daysToDue < 0) when = `due ${milestone.due}, ${days(-state.daysToDue)} ago`;
  else if (state.daysToDue === 0) when = `due today (${milestone.due})`;
  else when = `due ${milestone.due}, in ${days(state.daysToDue)}`;
  return h(
    "span",
    { class: "milestone-summary" },
    badge(MILESTONE_STATUS_LABELS[state.status], MILESTONE_STATUS_COLOURS[state.status]),
    " ",
    when,
    state.slipped ? h("span", {}, " ", badge("Slipped", "yellow"), ` first agreed for ${milestone.baselineDue}`) : null,
  );
}
