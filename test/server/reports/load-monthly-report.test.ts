import { loadMonthlyReport } from "../../../server/reports/load-monthly-report";
import { ReportError } from "../../../server/reports/report-error";
import { createActionIngester } from "../../../server/sync/create-action-ingester";
import { BoardStory } from "../../support/board-story";
import { createTestApp, type TestApp } from "../../support/test-app";

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

function ingest(story: BoardStory, actions = story.actions, fallbackBoardId = story.board.id): void {
  const ingestAction = createActionIngester(t.store);
  for (const action of actions) ingestAction(action, JSON.stringify(action), { fallbackBoardId, source: "webhook" });
}

describe("loadMonthlyReport", () => {
  it("counts every creation type, comments and cards entering done lists in the month", () => {
    const story = new BoardStory();
    const backlog = story.createList("2026-02-20T09:00:00Z", "Backlog");
    const doing = story.createList("2026-02-20T09:00:00Z", "Doing");
    const done = story.createList("2026-02-20T09:00:00Z", "✅ Done");
    const shipped = story.createList("2026-02-20T09:00:00Z", "Shipped to client");
    const old = story.createCard("2026-02-25T09:00:00Z", backlog, "Made in February");
    const a = story.createCard("2026-03-02T09:00:00Z", backlog, "Plain card");
    story.createCard("2026-03-03T09:00:00Z", backlog, "Copied", "copyCard");
    story.createCard("2026-03-03T10:00:00Z", backlog, "From checklist", "convertToCardFromCheckItem");
    story.createCard("2026-03-03T11:00:00Z", doing, "Arrived from intake", "moveCardToBoard");
    story.createCard("2026-03-03T12:00:00Z", shipped, "Emailed straight to shipped", "emailCard");
    story.moveCard("2026-03-04T09:00:00Z", a, doing);
    story.moveCard("2026-03-05T09:00:00Z", a, done);
    story.moveCard("2026-03-06T09:00:00Z", a, doing); // back out: it still entered done this month
    story.moveCard("2026-03-07T09:00:00Z", a, done); // and in again: still one card
    story.moveCard("2026-03-08T09:00:00Z", old, doing); // not done
    story.comment("2026-03-09T09:00:00Z", a, "Looks good");
    story.comment("2026-03-09T10:00:00Z", old, "Blocked on legal");
    story.comment("2026-04-01T00:00:01Z", old, "April already");
    ingest(story);

    const report = loadMonthlyReport(t.store, { boardId: story.board.id, month: "2026-03" });
    expect(report).toEqual({
      schemaVersion: 1,
      board: { id: story.board.id, name: "Client Portal" },
      period: { month: "2026-03", timezone: "UTC", start: "2026-03-01T00:00:00.000Z", end: "2026-04-01T00:00:00.000Z" },
      cards: { created: 5, completed: 2 },
      comments: 2,
    });
    expect(loadMonthlyReport(t.store, { boardId: story.board.id, month: "2026-02" }).cards).toEqual({
      created: 1,
      completed: 0,
    });
  });

  it("cuts the month at local midnight of the time zone, across a DST change", () => {
    const story = new BoardStory();
    const todo = story.createList("2026-02-01T00:00:00Z", "To do");
    const done = story.createList("2026-02-01T00:00:00Z", "Done");
    // 23:30 on 28 February in New York (EST, -5): February there, March in UTC.
    const feb = story.createCard("2026-03-01T04:30:00Z", todo, "Late February");
    // 23:30 on 31 March in New York (EDT, -4): March there, April in UTC.
    const mar = story.createCard("2026-04-01T03:30:00Z", todo, "Late March");
    story.moveCard("2026-03-01T05:00:00Z", feb, done); // 00:00 on 1 March in New York
    ingest(story);

    const ny = loadMonthlyReport(t.store, { boardId: story.board.id, month: "2026-03", timezone: "America/New_York" });
    expect(ny.period).toEqual({
      month: "2026-03",
      timezone: "America/New_York",
      start: "2026-03-01T05:00:00.000Z",
      end: "2026-04-01T04:00:00.000Z",
    });
    expect(ny.cards).toEqual({ created: 1, completed: 1 });
    const utc = loadMonthlyReport(t.store, { boardId: story.board.id, month: "2026-03" });
    expect(utc.cards).toEqual({ created: 1, completed: 1 });
    expect(mar.id).not.toBe(feb.id);
  });

  it("uses the board's time zone when none is asked for, and the asked one over it", () => {
    const story = new BoardStory();
    const todo = story.createList("2026-01-01T00:00:00Z", "To do");
    story.createCard("2026-01-31T19:00:00Z", todo, "00:30 on 1 February in Kolkata");
    ingest(story);
    t.store.boardSettings.save({ boardId: story.board.id, timezone: "Asia/Kolkata", doneListIds: null });

    const byBoard = loadMonthlyReport(t.store, { boardId: story.board.id, month: "2026-02" });
    expect(byBoard.period.timezone).toBe("Asia/Kolkata");
    expect(byBoard.cards.created).toBe(1);
    const asked = loadMonthlyReport(t.store, { boardId: story.board.id, month: "2026-02", timezone: "UTC" });
    expect(asked.cards.created).toBe(0);
  });

  it("judges done lists by their current name, or by the board's chosen lists when set", () => {
    const story = new BoardStory();
    const review = story.createList("2026-05-01T00:00:00Z", "Review");
    const finishing = story.createList("2026-05-01T00:00:00Z", "Wrapping up");
    const todo = story.createList("2026-05-01T00:00:00Z", "To do");
    const a = story.createCard("2026-05-02T00:00:00Z", todo, "A");
    const b = story.createCard("2026-05-02T00:00:00Z", todo, "B");
    story.moveCard("2026-05-03T00:00:00Z", a, review);
    story.moveCard("2026-05-03T00:00:00Z", b, finishing);
    story.renameList("2026-06-10T00:00:00Z", finishing, "Finished");
    ingest(story);

    expect(loadMonthlyReport(t.store, { boardId: story.board.id, month: "2026-05" }).cards.completed).toBe(1);
    t.store.boardSettings.save({ boardId: story.board.id, timezone: null, doneListIds: [review.id] });
    expect(loadMonthlyReport(t.store, { boardId: story.board.id, month: "2026-05" }).cards.completed).toBe(1);
    t.store.boardSettings.save({ boardId: story.board.id, timezone: null, doneListIds: [review.id, finishing.id] });
    expect(loadMonthlyReport(t.store, { boardId: story.board.id, month: "2026-05" }).cards.completed).toBe(2);
  });

  it("counts a delivery received twice once", () => {
    const story = new BoardStory();
    const done = story.createList("2026-03-01T00:00:00Z", "Done");
    const card = story.createCard("2026-03-02T00:00:00Z", done, "Created done");
    story.comment("2026-03-02T01:00:00Z", card, "once");
    ingest(story);
    ingest(story);
    expect(loadMonthlyReport(t.store, { boardId: story.board.id, month: "2026-03" })).toMatchObject({
      cards: { created: 1, completed: 1 },
      comments: 1,
    });
  });

  it("only counts moveCardToBoard into this board", () => {
    const here = new BoardStory();
    const elsewhere = new BoardStory({ id: "5e93ba98614ac22d22f08777", name: "Other", shortLink: "zzz" });
    const list = elsewhere.createList("2026-03-01T00:00:00Z", "Inbox");
    elsewhere.createCard("2026-03-02T00:00:00Z", list, "Moved there", "moveCardToBoard");
    const mine = here.createList("2026-03-01T00:00:00Z", "Inbox");
    here.createCard("2026-03-02T00:00:00Z", mine, "Moved here", "moveCardToBoard");
    ingest(here);
    // Delivered through this board's webhook: the action's own board decides, not the webhook's model.
    ingest(elsewhere, elsewhere.actions, here.board.id);
    expect(loadMonthlyReport(t.store, { boardId: here.board.id, month: "2026-03" }).cards.created).toBe(1);
  });

  it.each([
    [{ month: "2026-3" }, "INVALID_MONTH"],
    [{ month: "2026-03", timezone: "Middle/Earth" }, "INVALID_TIMEZONE"],
    [{ month: "2026-03", boardId: "000000000000000000000000" }, "UNKNOWN_BOARD"],
  ])("refuses %j with %s", (request, code) => {
    const story = new BoardStory();
    ingest(story, [story.createList("2026-03-01T00:00:00Z", "x") && story.actions[0]]);
    let caught: unknown;
    try {
      loadMonthlyReport(t.store, { boardId: story.board.id, ...request });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ReportError);
    expect((caught as ReportError).code).toBe(code);
  });
});
