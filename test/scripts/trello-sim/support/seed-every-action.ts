import type { TrelloSimulator } from "../../../../scripts/trello-sim/create-trello-simulator";

/** Makes the simulator record every action type it knows, on two boards; returns both boards' ids. */
export function seedEveryAction(sim: TrelloSimulator): { idBoard: string; idOtherBoard: string; idCard: string } {
  const board = sim.createBoard({ name: "Pendências", lists: ["Chamados", "Chamados Realizados"] });
  const other = sim.createBoard({ name: "Support", lists: ["Inbox"] });
  const [first, second] = board.lists as { id: string }[];
  const teammate = sim.createMember({ fullName: "Ana Souza" });
  sim.addMemberToBoard(board.id, teammate.id);
  const card = sim.createCard(first!.id, { name: "Juliana - Problemas com o computador" });
  sim.renameCard(card.id, "Juliana - Computador");
  sim.moveCard(card.id, second!.id);
  sim.setDue(card.id, "2025-03-01T12:00:00.000Z");
  sim.updateCard(card.id, { dueComplete: true });
  sim.updateCard(card.id, { desc: "Bring the charger" });
  sim.updateCard(card.id, { pos: 1 });
  sim.addComment(card.id, "alô!");
  sim.addMemberToCard(card.id, teammate.id, { idMember: teammate.id });
  sim.removeMemberFromCard(card.id, teammate.id);
  sim.addMemberToCard(card.id, teammate.id);
  const label = sim.createLabel(board.id, { name: "Urgent", color: "red" });
  const plain = sim.createLabel(board.id, { name: "banana" });
  sim.addLabelToCard(card.id, label.id);
  sim.addLabelToCard(card.id, plain.id);
  sim.removeLabelFromCard(card.id, plain.id);
  const checklist = sim.addChecklist(card.id, { name: "Checklist", items: ["Tomatoes"] });
  sim.setCheckItemState(card.id, (checklist.checkItems as { id: string }[])[0]!.id, "complete");
  const field = sim.addCustomField(board.id, { name: "Point", type: "number" });
  sim.setCustomFieldItem(card.id, field.id, 1);
  sim.updateList(first!.id, { name: "Abertos" });
  sim.updateList(first!.id, { closed: true });
  sim.archiveCard(card.id);
  const mover = sim.createCard(second!.id, { name: "Board synching" });
  sim.moveCardToBoard(mover.id, other.id);
  const doomed = sim.createCard(second!.id, { name: "Duplicate" });
  sim.deleteCard(doomed.id);
  return { idBoard: board.id, idOtherBoard: other.id, idCard: card.id };
}
