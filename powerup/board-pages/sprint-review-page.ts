import type { Sprint } from "../../shared/loop/sprint";
import { cardName, loadBoardRecords, type BoardRecords } from "../lib/board-records";
import { h, replaceChildren } from "../lib/dom";
import { showMessage } from "../lib/form-kit";
import { readRecord } from "../lib/loop-data";
import { readErrorBox } from "../lib/read-error-box";
import { sprintReviewForm } from "./sprint-review-form";

function sprintPlan(board: BoardRecords, sprint: Sprint): HTMLElement {
  return h(
    "section",
    { class: "sprint-plan-summary", "aria-label": "Sprint plan" },
    h("h2", {}, `Sprint ${sprint.number}: ${sprint.start} – ${sprint.end}`),
    h("p", {}, sprint.goal ? `Goal: ${sprint.goal}` : h("span", { class: "muted" }, "No goal was set.")),
    sprint.committed.length
      ? h("ul", { class: "committed-list" }, ...sprint.committed.map((id) => h("li", {}, cardName(board, id))))
      : h("p", { class: "muted" }, "No cards were committed."),
  );
}

/** The "Sprint review" modal on a sprint card: the sprint's plan at the top, then the review form. */
export async function renderSprintReviewPage(t: Trello.PowerUp.IFrame, root: HTMLElement): Promise<void> {
  const [sprintRead, reviewRead, board] = await Promise.all([
    readRecord(t, "card", "sprint"),
    readRecord(t, "card", "review"),
    loadBoardRecords(t),
  ]);
  if (sprintRead.status === "absent") {
    replaceChildren(
      root,
      h("h1", {}, "Sprint review"),
      h(
        "div",
        { class: "message message-info", role: "status" },
        "This card has no sprint plan. Plan a sprint from the board's Sprint button first, then review it here.",
      ),
    );
    return;
  }
  if (sprintRead.status === "invalid") {
    replaceChildren(
      root,
      h("h1", {}, "Sprint review"),
      readErrorBox(`${sprintRead.message} Open the board's Sprint button to plan it again.`),
    );
    return;
  }
  const sprint = sprintRead.value;
  const message = h("div", { class: "message", "aria-live": "polite" });
  const formSlot = h("section", { "aria-label": "Review" });
  const showForm = (review: Parameters<typeof sprintReviewForm>[0]["review"]) =>
    replaceChildren(
      formSlot,
      sprintReviewForm({
        t,
        board,
        sprint,
        review,
        onSaved: async (saved) => {
          showForm(saved);
          showMessage(message, `Saved the review of Sprint ${sprint.number}.`, "ok");
        },
      }),
    );
  replaceChildren(
    root,
    h("h1", {}, "Sprint review"),
    sprintPlan(board, sprint),
    h("h2", {}, "Review"),
    message,
    formSlot,
  );
  if (reviewRead.status === "invalid") {
    formSlot.append(
      readErrorBox(reviewRead.message, { label: "Start a new review", onClick: () => showForm(undefined) }),
    );
  } else {
    showForm(reviewRead.status === "ok" ? reviewRead.value : undefined);
  }
}
