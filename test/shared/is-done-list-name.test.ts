import { isDoneListName } from "../../shared/is-done-list-name";

describe("isDoneListName", () => {
  it.each([
    "Done",
    "done",
    "DONE",
    "  Done  ",
    "Done this sprint",
    "✅ Done",
    "Done ✅",
    "🎉🎉 Done",
    "Complete",
    "Completed",
    "finished",
    "Shipped 🚀",
    "🚢 Shipped",
    "👍🏽 Done",
    "🇳🇿 Done",
    "1️⃣ Done",
  ])("counts %j as done", (name) => {
    expect(isDoneListName(name)).toBe(true);
  });

  it.each([
    "Doing",
    "To do",
    "Not done",
    "Almost done",
    "Review",
    "In progress",
    "Incomplete",
    "",
    null,
    undefined,
    "🚀",
  ])("does not count %j as done", (name) => {
    expect(isDoneListName(name)).toBe(false);
  });
});
