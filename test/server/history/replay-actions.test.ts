import { emptyBoardState, isOpenCard } from "../../../server/history/board-state";
import { boardStateAt } from "../../../server/history/board-state-at";
import { LoopBoard } from "../reports/model/loop-board";

let b: LoopBoard;
beforeEach(() => {
  b = new LoopBoard();
});
afterEach(() => b.close());

const ALICE = { id: "5e679b808e6e8828784b3aaa", name: "Alice" };
const URGENT = { id: "5e679b808e6e8828784b3bbb", name: "Urgent", color: "red" };

describe("replaying a board's stored actions", () => {
  it("derives each card's list, name, due date, members, labels, archived state and birth as of an instant", () => {
    const s = b.story;
    const todo = s.createList("2026-01-05T09:00:00Z", "To do");
    const doing = s.createList("2026-01-05T09:00:00Z", "Doing");
    const card = s.createCard("2026-01-10T09:00:00Z", todo, "Draft");
    s.renameCard("2026-01-11T09:00:00Z", card, "Login page");
    s.setDue("2026-01-12T09:00:00Z", card, "2026-02-01T17:00:00.000Z");
    s.addMember("2026-01-13T09:00:00Z", card, ALICE);
    s.addLabel("2026-01-14T09:00:00Z", card, URGENT);
    s.moveCard("2026-01-15T09:00:00Z", card, doing);
    s.renameList("2026-01-16T09:00:00Z", doing, "In progress");
    s.archiveCard("2026-01-20T09:00:00Z", card);
    s.addMember("2026-01-21T09:00:00Z", card, ALICE, "removeMemberFromCard");
    s.setDue("2026-01-22T09:00:00Z", card, null, "2026-02-01T17:00:00.000Z");
    b.ingest();

    const mid = boardStateAt(b.store, b.boardId, Date.parse("2026-01-16T00:00:00Z"), { persist: false });
    expect(mid.cards.get(card.id)).toEqual({
      listId: doing.id,
      enteredListMs: Date.parse("2026-01-15T09:00:00Z"),
      closed: false,
      gone: false,
      name: "Login page",
      due: "2026-02-01T17:00:00.000Z",
      bornMs: Date.parse("2026-01-10T09:00:00Z"),
      bornByCreation: true,
      members: [ALICE.id],
      labels: [URGENT.id],
    });
    expect(mid.lists.get(doing.id)).toEqual({ name: "Doing", closed: false });

    const late = boardStateAt(b.store, b.boardId, Date.parse("2026-02-01T00:00:00Z"), { persist: false });
    expect(late.cards.get(card.id)).toMatchObject({ closed: true, members: [], due: null, labels: [URGENT.id] });
    expect(isOpenCard(late.cards.get(card.id)!)).toBe(false);
    expect(late.lists.get(doing.id)?.name).toBe("In progress");
  });

  it("knows no card before its first action", () => {
    const todo = b.story.createList("2026-01-05T09:00:00Z", "To do");
    const card = b.story.createCard("2026-01-10T09:00:00Z", todo, "Later");
    b.ingest();
    expect(
      boardStateAt(b.store, b.boardId, Date.parse("2026-01-10T09:00:00Z"), { persist: false }).cards.has(card.id),
    ).toBe(false);
    expect(emptyBoardState().cards.size).toBe(0);
  });
});
