import { emptyBoardState, parseBoardState, serializeBoardState } from "../../../server/history/board-state";
import { replayFrom } from "../../../server/history/replay-actions";

describe("a board state in a checkpoint", () => {
  it("comes back from its JSON exactly as it went in, every flag and list included", () => {
    const state = emptyBoardState(Date.parse("2026-03-01T00:00:00Z"));
    state.cards.set("a", {
      listId: "l1",
      enteredListMs: 5,
      closed: true,
      gone: false,
      name: "Łódź",
      due: "2026-03-02T10:00:00.000Z",
      bornMs: 1,
      bornByCreation: false,
      members: ["m1"],
      labels: ["x", "y"],
    });
    state.cards.set("b", {
      listId: null,
      enteredListMs: null,
      closed: false,
      gone: true,
      name: null,
      due: null,
      bornMs: 2,
      bornByCreation: true,
      members: [],
      labels: [],
    });
    state.lists.set("l1", { name: "Doing", closed: true });
    state.lists.set("l2", { name: null, closed: false });

    const back = parseBoardState(serializeBoardState(state));
    expect(back).toEqual(state);
    expect([...back.cards.keys()]).toEqual(["a", "b"]);
  });

  it("replays onto a new state, leaving the start alone and sharing only the cards no action touched", () => {
    const state = emptyBoardState(0);
    state.cards.set("a", {
      listId: "l1",
      enteredListMs: 1,
      closed: false,
      gone: false,
      name: "A",
      due: null,
      bornMs: 0,
      bornByCreation: true,
      members: ["m1"],
      labels: [],
    });
    state.cards.set("b", {
      listId: "l1",
      enteredListMs: 1,
      closed: false,
      gone: false,
      name: "B",
      due: null,
      bornMs: 0,
      bornByCreation: true,
      members: [],
      labels: [],
    });
    state.lists.set("l1", { name: "To do", closed: false });
    const end = replayFrom(
      state,
      [
        { type: "addMemberToCard", dateMs: 2, cardId: "a", listAfterId: null, listAfterName: null, memberId: "m2" },
        { type: "updateCard", dateMs: 3, cardId: "a", listAfterId: "l2", listAfterName: "Doing", cardClosed: true },
        {
          type: "updateList",
          dateMs: 4,
          cardId: null,
          listAfterId: null,
          listAfterName: null,
          listId: "l1",
          listName: "Backlog",
        },
        { type: "updateCard", dateMs: 9, cardId: "b", listAfterId: "l2", listAfterName: "Doing" },
      ],
      5,
    );
    expect(end.atMs).toBe(5);
    expect(end.cards.get("a")).toMatchObject({ listId: "l2", closed: true, members: ["m1", "m2"] });
    expect(state.cards.get("a")).toMatchObject({ listId: "l1", closed: false, members: ["m1"] });
    expect(end.lists.get("l1")?.name).toBe("Backlog");
    expect(state.lists.get("l1")?.name).toBe("To do");
    // The action at 9 is past the instant: b is untouched, the same object in both.
    expect(end.cards.get("b")).toBe(state.cards.get("b"));
  });
});
