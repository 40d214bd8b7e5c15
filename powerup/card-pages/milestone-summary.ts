import type { Milestone } from "../../shared/loop/milestone";
import { milestoneState } from "../../shared/loop/milestone-state";
import { h } from "../lib/dom";
import { badge } from "./badge";
import { MILESTONE_STATUS_COLOURS, MILESTONE_STATUS_LABELS } from "./labels";

function days(n: number): string {
  return n === 1 ? "1 day" : `${n} days`;
}

/** A milestone's state in words: its badge (hit, missed, overdue, due soon, upcoming), when, and whether it slipped. */
export function milestoneSummary(milestone: Pick<Milestone, "due" | "baselineDue" | "doneOn">, today: string): HTMLElement {
  const state = milestoneState(milestone, today);
  let when: string;
  if (milestone.doneOn) when = `done on ${milestone.doneOn}, due ${milestone.due}`;
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
