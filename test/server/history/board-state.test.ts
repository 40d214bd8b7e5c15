import { cloneBoardState, emptyBoardState, parseBoardState, serializeBoardState } from "../../../server/history/board-state";
import { applyAction } from "../../../server/history/replay-actions";

describe("a board state in a checkpoint", () => {
  it("comes back from its JSON exactly as it went in, every flag and list included", () => {
    const state = emptyBoardState(Date.parse("2026-03-01T00:00:00Z"));
    state.cards.set("a", { listId: "l1", enteredListMs: 5, closed: true, gone: false, name: "Łódź", due: "2026-03-02T10:00:00.000Z", bornMs: 1, bornByCreation: false, members: ["m1"], labels: ["x", "y"] });
    state.cards.set("b", { listId: null, enteredListMs: null, closed: false, gone: true, name: null, due: null, bornMs: 2, bornByCreation: true, members: [], labels: [] });
    state.lists.set("l1", { name: "Doing", closed: true });
    state.lists.set("l2", { name: null, closed: false });

    const back = parseBoardState(serializeBoardState(state));
    expect(back).toEqual(state);
    expect([...back.cards.keys()]).toEqual(["a", "b"]);
  });

  it("copies each card, so replaying onto the copy leaves the original alone", () => {
    const state = emptyBoardState(0);
    state.cards.set("a", { listId: "l1", enteredListMs: 1, closed: false, gone: false, name: "A", due: null, bornMs: 0, bornByCreation: true, members: ["m1"], labels: [] });
    const copy = cloneBoardState(state);
    applyAction(copy, { type: "addMemberToCard", dateMs: 2, cardId: "a", listAfterId: null, listAfterName: null, memberId: "m2" });
    applyAction(copy, { type: "updateCard", dateMs: 3, cardId: "a", listAfterId: "l2", listAfterName: "Doing", cardClosed: true });
    expect(copy.cards.get("a")).toMatchObject({ listId: "l2", closed: true, members: ["m1", "m2"] });
    expect(state.cards.get("a")).toMatchObject({ listId: "l1", closed: false, members: ["m1"] });
  });
});
