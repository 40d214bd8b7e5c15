import { iconUrl } from "./icon-url";

/** board-buttons: the stakeholder registry, the monthly report and sprints, one click from the board. */
export async function boardButtons(): Promise<Trello.PowerUp.BoardButtonCallback[]> {
  const icon = { dark: iconUrl(), light: iconUrl() };
  return [
    {
      icon,
      text: "Stakeholders",
      callback: (t) => t.modal({ title: "Stakeholders", url: "./stakeholders.html", height: 640 }),
    },
    {
      icon,
      text: "Monthly report",
      callback: (t) => t.modal({ title: "Monthly report", url: "./report.html", height: 640 }),
    },
    { icon, text: "Sprint", callback: (t) => t.modal({ title: "Sprints", url: "./sprint.html", height: 640 }) },
  ] as Trello.PowerUp.BoardButtonCallback[];
}
