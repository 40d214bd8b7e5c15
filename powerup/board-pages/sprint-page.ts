import type { Sprint } from "../../shared/loop/sprint";
import { loadBoardRecords, type BoardCard, type BoardRecords } from "../lib/board-records";
import { h, replaceChildren } from "../lib/dom";
import { showMessage } from "../lib/form-kit";
import { readErrorBox } from "../lib/read-error-box";
import { inviteToReview, reviewCalendarPanel } from "./review-calendar-panel";
import { sprintDefaults } from "./sprint-defaults";
import { sprintPlanForm, type PlanStart } from "./sprint-plan-form";
import { sprintSummaries, type SprintSummary } from "./sprint-summaries";
import { sprintTable } from "./sprint-table";

/** The "Sprint" modal: the board's sprints newest first, and the form to plan the next one (or edit one). */
export async function renderSprintPage(t: Trello.PowerUp.IFrame, root: HTMLElement): Promise<() => Promise<void>> {
  const message = h("div", { class: "message", "aria-live": "polite" });
  const listSection = h("section", { class: "sprint-list", "aria-label": "Sprints on this board" });
  const formSection = h("section", { class: "sprint-form" });
  replaceChildren(
    root,
    h("h1", {}, "Sprints"),
    h(
      "p",
      { class: "muted" },
      "Each sprint lives on its own card: its plan now, its review with the stakeholders when it ends.",
    ),
    message,
    listSection,
    formSection,
  );

  let board: BoardRecords;
  // Built once the page has drawn (below); showList, defined first, reads whatever is there by then.
  // eslint-disable-next-line prefer-const
  let calendarPanel: HTMLElement | undefined;
  let sprints: SprintSummary[] = [];

  const showList = () => {
    const summaries = sprintSummaries(board);
    sprints = summaries.sprints;
    replaceChildren(
      listSection,
      h("h2", {}, "Sprints on this board"),
      ...summaries.unreadable.map((bad) =>
        // Planning it again overwrites the unreadable plan only when the new one is saved.
        readErrorBox(`${bad.cardName}: ${bad.message}`, {
          label: `Plan ${bad.cardName} again`,
          onClick: () => showForm({ ...nextStart(), cardId: bad.cardId }),
        }),
      ),
      sprintTable(
        sprints,
        (summary) => showForm(editStart(summary)),
        (summary) => void inviteToReview(t, board.board.id, summary.cardId, summary.sprint.number, message),
      ),
      calendarPanel,
    );
  };

  const showForm = (start: PlanStart) => {
    const form = sprintPlanForm({ t, board, sprints, onSaved }, start);
    const back = start.editing
      ? h(
          "button",
          { type: "button", class: "btn btn-link", onclick: () => showForm(nextStart()) },
          "Plan the next sprint instead",
        )
      : null;
    replaceChildren(formSection, form, back);
    if (start.editing) form.scrollIntoView({ block: "start" });
  };

  const nextStart = (): PlanStart => {
    const defaults = sprintDefaults(board, sprints);
    return {
      cardId: defaults.cardId,
      sprint: { number: defaults.number, start: defaults.start, end: defaults.end, committed: [] },
      editing: false,
    };
  };

  // t.cards and t.lists can lag behind a card or list created over REST a moment ago: such sprints are listed all
  // the same, and the Sprint list made for them is reused rather than made twice.
  const savedHere = new Map<string, { card: BoardCard; sprint: Sprint }>();
  /** Every list t.lists has returned: one it has not is a list this page made (ensureList adds it to board.lists). */
  const listsSeen = new Set<string>();
  const load = async () => {
    // Unset before the first load.
    const before = (board as BoardRecords | undefined)?.lists ?? [];
    board = await loadBoardRecords(t);
    for (const list of board.lists) listsSeen.add(list.id);
    for (const list of before) if (!listsSeen.has(list.id)) board.lists.push(list);
    for (const { card, sprint } of savedHere.values()) {
      if (board.cards.some((known) => known.id === card.id)) continue;
      board.cards.push(card);
      board.records.set(card.id, { sprint: { status: "ok", value: sprint } });
    }
  };

  async function onSaved(sprint: Sprint, card: BoardCard): Promise<void> {
    savedHere.set(card.id, { card, sprint });
    await load();
    showList();
    showForm(nextStart());
    showMessage(message, `Saved Sprint ${sprint.number} on the card "${card.name}".`, "ok");
  }

  async function refresh(): Promise<void> {
    await load();
    showList();
  }

  await load();
  calendarPanel = reviewCalendarPanel(t, t.getContext().board);
  showList();
  showForm(nextStart());
  return refresh;
}

function editStart(summary: SprintSummary): PlanStart {
  return { cardId: summary.cardId, sprint: { ...summary.sprint }, editing: true };
}
