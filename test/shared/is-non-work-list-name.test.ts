import { isNonWorkListName, isReportsListName } from "../../shared/is-non-work-list-name";

describe("isNonWorkListName", () => {
  it.each([
    "Backlog",
    "📥 backlog",
    "Backlog (Q3)",
    "Icebox",
    "Ideas 💡",
    "Someday / maybe",
    "Inbox",
    "Parking lot",
    "Wishlist",
    "Reports",
    " REPORTS ",
  ])("says %j is not a workflow list", (name) => expect(isNonWorkListName(name)).toBe(true));

  it.each(["To do", "Doing", "Review", "Done", "Report writing", "Blocked", "", null])(
    "says %j may be a workflow list",
    (name) => {
      expect(isNonWorkListName(name)).toBe(false);
    },
  );

  it("knows the Reports list by its name alone", () => {
    expect(isReportsListName("📊 Reports")).toBe(true);
    expect(isReportsListName("Reports archive")).toBe(false);
  });
});
