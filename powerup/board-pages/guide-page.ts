import { h, replaceChildren } from "../lib/dom";

interface GuideStep {
  title: string;
  text: string;
  buttons: { label: string; open: (t: Trello.PowerUp.IFrame) => Promise<void> }[];
}

const STEPS: GuideStep[] = [
  {
    title: "Connect the board",
    text: "The Stakeholder Loop service reads the board's history to build reports. Your Trello token is stored encrypted.",
    buttons: [
      {
        label: "Connect the board",
        open: (t) => t.popup({ title: "Stakeholder Loop access", url: "./authorize.html", height: 480 }),
      },
    ],
  },
  {
    title: "Add your stakeholders",
    text: "One card per client or partner. At initiation, agree each one's channel and update cadence: it makes the rest easy.",
    buttons: [
      {
        label: "Open Stakeholders",
        open: (t) => t.modal({ title: "Stakeholders", url: "./stakeholders.html", height: 640 }),
      },
    ],
  },
  {
    title: "Mark scope and roles on cards",
    text: "Open any card and use its Roles and Scope buttons: who is Responsible and Accountable, and what is in or out of scope.",
    buttons: [{ label: "Go to the board", open: (t) => t.closeModal() }],
  },
  {
    title: "Plan sprints and open the monthly report",
    text: "Plan each sprint's goal and cards, review it with the stakeholders, and get the month's report in one click.",
    buttons: [
      { label: "Plan a sprint", open: (t) => t.modal({ title: "Sprints", url: "./sprint.html", height: 640 }) },
      {
        label: "Open the monthly report",
        open: (t) => t.modal({ title: "Monthly report", url: "./report.html", height: 640 }),
      },
    ],
  },
];

/** The first-run guide (on-enable): four short steps, each with a button to the page that does it. */
export async function renderGuidePage(t: Trello.PowerUp.IFrame, root: HTMLElement): Promise<void> {
  replaceChildren(
    root,
    h("h1", {}, "Welcome to Stakeholder Loop"),
    h("p", { class: "muted" }, "Keep clients and partners in the loop from this board, in four steps."),
    h(
      "ol",
      { class: "guide-steps" },
      ...STEPS.map((step) =>
        h(
          "li",
          { class: "guide-step" },
          h("h2", {}, step.title),
          h("p", {}, step.text),
          h(
            "div",
            { class: "actions" },
            ...step.buttons.map((button) =>
              h("button", { type: "button", class: "btn", onclick: () => void button.open(t) }, button.label),
            ),
          ),
        ),
      ),
    ),
    h(
      "div",
      { class: "actions guide-close" },
      h(
        "button",
        {
          type: "button",
          class: "btn btn-link",
          onclick: () => void t.popup({ title: "Stakeholder Loop settings", url: "./settings.html", height: 560 }),
        },
        "Board settings",
      ),
      h("button", { type: "button", class: "btn btn-primary", onclick: () => void t.closeModal() }, "Done"),
    ),
  );
}
