import { monthPeriod } from "../../../../shared/month-period";
import { buildMonthlyReport } from "../../../../server/reports/build-monthly-report";
import { buildDeliveryFlow } from "../../../../server/reports/model/delivery-flow";
import { doneListRule } from "../../../../server/reports/model/done-list-rule";
import type { FlowSection } from "../../../../server/reports/model/report-model";
import { emptyBoardState } from "../../../../server/history/board-state";
import { listNamesAt } from "../../../../server/history/list-names-at";
import { readMonthHistory } from "../../../../server/history/read-month-history";
import { replayActions } from "../../../../server/history/replay-actions";
import { workListRule } from "../../../../server/reports/model/work-list-rule";
import type { ActionSummary } from "../../../../server/store/actions-store";
import { createActionIngester } from "../../../../server/sync/create-action-ingester";
import { BoardStory, type CardRef, type ListRef } from "../../../support/board-story";
import { createTestApp, type TestApp } from "../../../support/test-app";

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const HOUR = 3_600_000;

/** Stores the story as webhooks would, then builds the month's flow and the contract report from the store. */
function flowOf(
  story: BoardStory,
  month: string,
  timezone = "UTC",
  doneListIds: string[] | null = null,
  workListIds: string[] | null = null,
) {
  const ingest = createActionIngester(t.store);
  for (const action of story.actions)
    ingest(action, JSON.stringify(action), { fallbackBoardId: story.board.id, source: "webhook" });
  const period = monthPeriod(month, timezone);
  const boardId = story.board.id;
  const { startState, actions, endState } = readMonthHistory(t.store, boardId, period);
  const listNames = listNamesAt(t.store, boardId, endState);
  const isDone = doneListRule({ listNames: t.store.lists.namesByBoard(boardId), doneListIds });
  const isWorkList = workListRule({ workListIds, listNames, loopListIds: new Set(), isDone });
  const flow = buildDeliveryFlow({
    period,
    startState,
    actions,
    listNames,
    isDone,
    isWorkList,
    excludedCardIds: new Set(),
  });
  const report = buildMonthlyReport({
    board: { id: boardId, name: story.board.name },
    period,
    actions: t.store.actions.listInPeriod(boardId, period.startMs, period.endMs),
    listNames,
    doneListIds,
  });
  return { flow, report };
}

/** Lists the board has in the usual order. */
function lists(story: BoardStory, date: string): { todo: ListRef; doing: ListRef; review: ListRef; done: ListRef } {
  return {
    todo: story.createList(date, "To do"),
    doing: story.createList(date, "Doing"),
    review: story.createList(date, "Review"),
    done: story.createList(date, "✅ Done"),
  };
}

/** Trello's "send to board" for an archived card: an archive action turned around. */
function restoreCard(story: BoardStory, date: string, card: CardRef): void {
  story.archiveCard(date, card);
  const restore = story.actions[story.actions.length - 1];
  restore.data.card.closed = false;
  restore.data.old.closed = true;
}

const dayOf = (flow: FlowSection, date: string) => {
  const day = flow.cumulativeFlow.find((entry) => entry.date === date);
  if (!day) throw new Error(`no cumulative flow for ${date}`);
  return Object.fromEntries(day.lists.map((list) => [list.listName, list.cards]));
};

const iso = (ms: number) => new Date(ms).toISOString();

describe("buildDeliveryFlow", () => {
  it("puts an action at 00:30 on 1 March in Berlin in March, and cuts days and weeks at Berlin midnights across the DST change", () => {
    const story = new BoardStory();
    const { todo, doing, done } = lists(story, "2026-02-01T09:00:00Z");
    const lateFebruary = story.createCard("2026-02-28T22:30:00Z", todo, "23:30 on 28 February in Berlin");
    const firstOfMarch = story.createCard("2026-02-28T23:30:00Z", todo, "00:30 on 1 March in Berlin");
    story.moveCard("2026-03-29T21:30:00Z", firstOfMarch, done); // 23:30 on the 29th, CEST (+2) since 02:00 that day
    story.moveCard("2026-03-29T22:30:00Z", lateFebruary, doing); // 00:30 on the 30th in Berlin

    const { flow } = flowOf(story, "2026-03", "Europe/Berlin");

    expect(flow.created).toBe(1);
    expect(flow.completed).toBe(1);
    expect(flow.throughputByWeek).toEqual([
      { weekStart: "2026-03-01", completed: 0 }, // Sunday the 1st: a one-day week clipped to the month
      { weekStart: "2026-03-02", completed: 0 },
      { weekStart: "2026-03-09", completed: 0 },
      { weekStart: "2026-03-16", completed: 0 },
      { weekStart: "2026-03-23", completed: 1 },
      { weekStart: "2026-03-30", completed: 0 },
    ]);
    // 2026-02-28T23:30Z → 2026-03-29T21:30Z: 28 days 22 hours.
    expect(flow.cycleTimeDays).toEqual({ median: 28.9, p85: 28.9, samples: 1 });
    expect(flow.cumulativeFlow).toHaveLength(31);
    expect(flow.cumulativeFlow[0].date).toBe("2026-03-01");
    expect(dayOf(flow, "2026-03-01")).toEqual({ "To do": 2, Doing: 0, "✅ Done": 0 });
    expect(dayOf(flow, "2026-03-29")).toEqual({ "To do": 1, Doing: 0, "✅ Done": 1 });
    expect(dayOf(flow, "2026-03-30")).toEqual({ "To do": 0, Doing: 1, "✅ Done": 1 });
  });

  it("puts an action at 00:30 on 1 November in St. John's in November, and gives that 25-hour day its last half hour", () => {
    const story = new BoardStory();
    const { todo, done } = lists(story, "2026-10-01T09:00:00Z");
    story.createCard("2026-11-01T02:00:00Z", todo, "23:30 on 31 October in St. John's (NDT, -2:30)");
    const card = story.createCard("2026-11-01T03:00:00Z", todo, "00:30 on 1 November in St. John's");
    // Clocks went back at 02:00 NDT: 2026-11-02T03:00Z is 23:30 on 1 November (NST, -3:30).
    story.moveCard("2026-11-02T03:00:00Z", card, done);

    const { flow, report } = flowOf(story, "2026-11", "America/St_Johns");

    expect(report.period.start).toBe("2026-11-01T02:30:00.000Z");
    expect(flow.created).toBe(1);
    expect(flow.completed).toBe(report.cards.completed);
    expect(flow.throughputByWeek.map((week) => week.weekStart)).toEqual([
      "2026-11-01",
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
      "2026-11-30",
    ]);
    expect(flow.throughputByWeek[0].completed).toBe(1);
    expect(flow.cycleTimeDays).toEqual({ median: 1, p85: 1, samples: 1 });
    expect(flow.cumulativeFlow).toHaveLength(30);
    expect(dayOf(flow, "2026-11-01")).toEqual({ "To do": 1, "✅ Done": 1 });
  });

  it("counts a card moved into Done and back out once, at its first entry, and keeps it in its new list", () => {
    const story = new BoardStory();
    const { todo, doing, done } = lists(story, "2026-02-01T09:00:00Z");
    const card = story.createCard("2026-03-02T09:00:00Z", todo, "Reopened");
    story.moveCard("2026-03-03T09:00:00Z", card, doing);
    story.moveCard("2026-03-05T09:00:00Z", card, done);
    story.moveCard("2026-03-10T09:00:00Z", card, doing);
    story.moveCard("2026-03-20T09:00:00Z", card, done);
    story.moveCard("2026-03-25T09:00:00Z", card, doing);

    const { flow, report } = flowOf(story, "2026-03");

    expect(flow.completed).toBe(1);
    expect(report.cards.completed).toBe(1);
    expect(flow.throughputByWeek.find((week) => week.completed > 0)).toEqual({ weekStart: "2026-03-02", completed: 1 });
    expect(flow.cycleTimeDays).toEqual({ median: 3, p85: 3, samples: 1 });
    expect(flow.wipAtMonthEnd).toEqual([
      { listId: todo.id, listName: "To do", cards: 0 },
      { listId: doing.id, listName: "Doing", cards: 1 },
    ]);
    expect(dayOf(flow, "2026-03-05")).toEqual({ "To do": 0, Doing: 0, "✅ Done": 1 });
  });

  it("gives the same created and completed counts as the contract report, by list name and by the board's chosen lists", () => {
    const story = new BoardStory();
    const { todo, doing, review, done } = lists(story, "2026-02-01T09:00:00Z");
    const shipped = story.createList("2026-02-01T09:00:00Z", "Shipped to client");
    const old = story.createCard("2026-02-10T09:00:00Z", todo, "Done in February");
    story.moveCard("2026-02-20T09:00:00Z", old, done);
    story.moveCard("2026-03-02T09:00:00Z", old, review); // out of done in March: not completed this month
    const a = story.createCard("2026-03-02T09:00:00Z", todo, "Through two done lists");
    story.moveCard("2026-03-04T09:00:00Z", a, done);
    story.moveCard("2026-03-05T09:00:00Z", a, shipped);
    story.createCard("2026-03-06T09:00:00Z", shipped, "Emailed straight to shipped", "emailCard");
    story.createCard("2026-03-06T10:00:00Z", doing, "Copied", "copyCard");
    story.createCard("2026-03-06T11:00:00Z", todo, "From a checklist", "convertToCardFromCheckItem");
    const arrived = story.createCard("2026-03-07T09:00:00Z", review, "From intake", "moveCardToBoard");
    story.moveCard("2026-03-08T09:00:00Z", arrived, done);
    story.archiveCard("2026-03-09T09:00:00Z", arrived); // archived after finishing: still completed
    const gone = story.createCard("2026-03-10T09:00:00Z", doing, "Sent to another board");
    story.moveCard("2026-03-11T09:00:00Z", gone, done);
    story.moveCardAway("2026-03-12T09:00:00Z", gone, { id: "5e93ba98614ac22d22f08999" });
    const april = story.createCard("2026-03-30T09:00:00Z", doing, "Finished in April");
    story.moveCard("2026-04-01T09:00:00Z", april, done);

    const byName = flowOf(story, "2026-03");
    expect(byName.flow.created).toBe(byName.report.cards.created);
    expect(byName.flow.completed).toBe(byName.report.cards.completed);
    // a (Done, then Shipped), the emailed card, the arrival, the card sent away; not `old`, not `april`.
    expect(byName.flow.completed).toBe(4);
    expect(byName.flow.cycleTimeDays.samples).toBe(4);
    expect(byName.flow.throughputByWeek.reduce((sum, week) => sum + week.completed, 0)).toBe(4);

    const chosen = flowOf(story, "2026-03", "UTC", [shipped.id]);
    expect(chosen.flow.completed).toBe(chosen.report.cards.completed);
    // Only "Shipped to client" is done now: a (moved into it) and the emailed card (created in it).
    expect(chosen.flow.completed).toBe(2);
    expect(chosen.flow.wipAtMonthEnd.map((row) => row.listName)).toContain("✅ Done");
  });

  it("takes the median of an odd count as the middle time and of an even count as the mean of the two middle ones; p85 by nearest rank", () => {
    /** A board whose cards, created an hour apart from `firstDay`, each reach Done after the given number of hours. */
    const boardFinishingIn = (boardId: string, firstDay: string, hours: number[]): BoardStory => {
      // Its own dates too: BoardStory's ids come from the date and a per-story counter.
      const story = new BoardStory({ id: boardId, name: `Cycle times ${boardId}`, shortLink: boardId.slice(-8) });
      const { todo, done } = lists(story, firstDay);
      const start = Date.parse(firstDay);
      hours.forEach((h, i) => {
        const card = story.createCard(iso(start + i * HOUR), todo, `${h} hours`);
        story.moveCard(iso(start + i * HOUR + h * HOUR), card, done);
      });
      return story;
    };

    // 1, 2, 3, 4 and 5 days.
    const odd = flowOf(
      boardFinishingIn("5e93ba98614ac22d22f0a001", "2026-03-01T00:00:00Z", [24, 48, 72, 96, 120]),
      "2026-03",
    ).flow.cycleTimeDays;
    // Median: the 3rd of 5. p85: rank ⌈0.85 × 5⌉ = 5.
    expect(odd).toEqual({ median: 3, p85: 5, samples: 5 });

    // 1, 2, 3.5, 4, 10 and 20 days.
    const even = flowOf(
      boardFinishingIn("5e93ba98614ac22d22f0a002", "2026-03-02T00:00:00Z", [24, 48, 84, 96, 240, 480]),
      "2026-03",
    ).flow.cycleTimeDays;
    // Median: (3.5 + 4) / 2 = 3.75 → 3.8. p85: rank ⌈0.85 × 6⌉ = 6 → 20 days.
    expect(even).toEqual({ median: 3.8, p85: 20, samples: 6 });
  });

  it("measures cycle time from a card's first stored action when its creation is not stored", () => {
    const story = new BoardStory();
    const { todo, doing, done } = lists(story, "2026-02-01T09:00:00Z");
    const card = story.createCard("2026-01-01T09:00:00Z", todo, "Created before the history we hold");
    story.actions.pop();
    story.moveCard("2026-03-01T09:00:00Z", card, doing);
    story.moveCard("2026-03-03T21:00:00Z", card, done);

    const { flow } = flowOf(story, "2026-03");

    expect(flow.cycleTimeDays).toEqual({ median: 2.5, p85: 2.5, samples: 1 });
  });

  it("counts work in progress per list at month end without archived, deleted or departed cards, matching the cumulative flow's last day", () => {
    const story = new BoardStory();
    const { todo, doing, review, done } = lists(story, "2026-02-01T09:00:00Z");
    const cards: Record<string, CardRef> = {};
    for (const [name, list] of [
      ["waiting", todo],
      ["working", doing],
      ["archived", doing],
      ["restored", doing],
      ["deleted", review],
      ["departed", review],
      ["finished", review],
    ] as const) {
      cards[name] = story.createCard("2026-02-15T09:00:00Z", list, name);
    }
    story.archiveCard("2026-03-10T09:00:00Z", cards.archived);
    story.archiveCard("2026-03-10T10:00:00Z", cards.restored);
    restoreCard(story, "2026-03-12T09:00:00Z", cards.restored);
    story.deleteCard("2026-03-15T09:00:00Z", cards.deleted);
    story.moveCardAway("2026-03-16T09:00:00Z", cards.departed, { id: "5e93ba98614ac22d22f08999" });
    story.moveCard("2026-03-17T09:00:00Z", cards.finished, done);

    const { flow } = flowOf(story, "2026-03");

    expect(flow.wipAtMonthEnd).toEqual([
      { listId: todo.id, listName: "To do", cards: 1 },
      { listId: doing.id, listName: "Doing", cards: 2 },
      { listId: review.id, listName: "Review", cards: 0 },
    ]);
    expect(dayOf(flow, "2026-03-10")).toEqual({ "To do": 1, Doing: 1, Review: 3, "✅ Done": 0 });
    expect(dayOf(flow, "2026-03-12")).toEqual({ "To do": 1, Doing: 2, Review: 3, "✅ Done": 0 });
    const lastDay = flow.cumulativeFlow[flow.cumulativeFlow.length - 1];
    expect(lastDay.date).toBe("2026-03-31");
    const inProgress = lastDay.lists.filter((list) => list.listName !== "✅ Done");
    expect(inProgress).toEqual(flow.wipAtMonthEnd.map(({ listName, cards: count }) => ({ listName, cards: count })));
    expect(lastDay.lists.find((list) => list.listName === "✅ Done")?.cards).toBe(1);
  });

  it("gives zeros and nulls, never NaN, for a month with no actions", () => {
    const emptyPeriod = monthPeriod("2026-04", "Europe/Berlin");
    const empty = buildDeliveryFlow({
      period: emptyPeriod,
      startState: emptyBoardState(emptyPeriod.startMs),
      actions: [],
      listNames: new Map(),
      isDone: () => false,
      isWorkList: () => true,
      excludedCardIds: new Set(),
    });

    expect(empty).toEqual({
      created: 0,
      completed: 0,
      throughputByWeek: ["2026-04-01", "2026-04-06", "2026-04-13", "2026-04-20", "2026-04-27"].map((weekStart) => ({
        weekStart,
        completed: 0,
      })),
      cycleTimeDays: { median: null, p85: null, samples: 0 },
      cycleTimeDistribution: [0, 1, 2, 4, 7, 14, 28].map((fromDays, i, all) => ({
        fromDays,
        toDays: all[i + 1] ?? null,
        cards: 0,
      })),
      wipAtMonthEnd: [],
      cumulativeFlow: expect.any(Array),
    });
    expect(empty.cumulativeFlow).toHaveLength(30);
    expect(empty.cumulativeFlow.every((day) => day.lists.length === 0)).toBe(true);
    expect(JSON.stringify(empty)).not.toMatch(/NaN|Infinity/);
  });

  it("carries open cards into a quiet month: nothing created or completed, work in progress still shown", () => {
    const story = new BoardStory();
    const { todo } = lists(story, "2026-02-01T09:00:00Z");
    story.createCard("2026-02-10T09:00:00Z", todo, "Waiting since February");

    const { flow } = flowOf(story, "2026-03");

    expect(flow.created).toBe(0);
    expect(flow.completed).toBe(0);
    expect(flow.cycleTimeDays).toEqual({ median: null, p85: null, samples: 0 });
    expect(flow.wipAtMonthEnd).toEqual([{ listId: todo.id, listName: "To do", cards: 1 }]);
    expect(flow.cumulativeFlow.every((day) => day.lists[0].cards === 1)).toBe(true);
  });

  it("builds the flow of a month from the state 250,000 actions leave at its start and its own actions, with totals matching the scripted history", () => {
    const period = monthPeriod("2026-10", "UTC");
    const listIds = ["todo", "doing", "review", "done"];
    const names = new Map<string, string | null>([
      ["todo", "To do"],
      ["doing", "Doing"],
      ["review", "Review"],
      ["done", "Done"],
    ]);
    const CARDS = 5_000;
    const PER_CARD = 50;
    const step = Math.floor((period.endMs - 1 - Date.parse("2026-01-01T00:00:00Z")) / (CARDS * PER_CARD));
    const actions: ActionSummary[] = [];
    const expected = { created: 0, completed: 0, open: 0, inProgress: 0 };
    for (let card = 0; card < CARDS; card += 1) {
      let list = "todo";
      let closed = false;
      let completed = false;
      for (let j = 0; j < PER_CARD; j += 1) {
        const dateMs = Date.parse("2026-01-01T00:00:00Z") + (card * PER_CARD + j) * step;
        const inMonth = dateMs >= period.startMs;
        const base = { id: `a${card}-${j}`, dateMs, cardId: `c${card}`, listAfterId: null, listAfterName: null };
        if (j === 0) {
          actions.push({ ...base, type: "createCard", listAfterId: list, listAfterName: names.get(list)! });
          if (inMonth) expected.created += 1;
        } else if (j === PER_CARD - 1 && card % 7 === 0) {
          actions.push({ ...base, type: "updateCard", cardClosed: true });
          closed = true;
        } else if (j % 2 === 1) {
          actions.push({ ...base, type: "commentCard" });
        } else {
          list = listIds[(j / 2 + card) % listIds.length];
          actions.push({ ...base, type: "updateCard", listAfterId: list, listAfterName: names.get(list)! });
          if (inMonth && list === "done") completed = true;
        }
      }
      if (completed) expected.completed += 1;
      if (!closed) expected.open += 1;
      if (!closed && list !== "done") expected.inProgress += 1;
    }
    expect(actions).toHaveLength(250_000);

    const startState = replayActions(
      emptyBoardState(),
      actions.filter((a) => a.dateMs < period.startMs),
      period.startMs,
    );
    const monthActions = actions.filter((a) => a.dateMs >= period.startMs);
    const isDone = doneListRule({ listNames: names, doneListIds: null });
    const flow = buildDeliveryFlow({
      period,
      startState,
      actions: monthActions,
      listNames: names,
      isDone,
      isWorkList: () => true,
      excludedCardIds: new Set(),
    });

    expect(expected.created).toBeGreaterThan(0);
    expect(flow.created).toBe(expected.created);
    expect(flow.completed).toBe(expected.completed);
    expect(flow.throughputByWeek.reduce((sum, week) => sum + week.completed, 0)).toBe(expected.completed);
    expect(flow.cycleTimeDays.samples).toBe(expected.completed);
    expect(flow.wipAtMonthEnd.reduce((sum, row) => sum + row.cards, 0)).toBe(expected.inProgress);
    const lastDay = flow.cumulativeFlow[flow.cumulativeFlow.length - 1];
    expect(lastDay.lists.reduce((sum, list) => sum + list.cards, 0)).toBe(expected.open);
  });
});
