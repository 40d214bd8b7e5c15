import { h } from "../lib/dom";

export type Tab = "registry" | "grid" | "agreements";

const TABS: [Tab, string][] = [
  ["registry", "Registry"],
  ["grid", "Power / interest grid"],
  ["agreements", "Agreements"],
];

/** The modal's tabs; none is selected while the stakeholder form is open. */
export function renderTabs(current: Tab | undefined, onSelect: (tab: Tab) => void): HTMLElement {
  return h(
    "nav",
    { class: "tabs", role: "tablist", "aria-label": "Stakeholder views" },
    ...TABS.map(([tab, label]) =>
      h(
        "button",
        {
          type: "button",
          role: "tab",
          class: tab === current ? "tab active" : "tab",
          "aria-selected": String(tab === current),
          onclick: () => onSelect(tab),
        },
        label,
      ),
    ),
  );
}
