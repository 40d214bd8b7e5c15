import { STAKEHOLDER_STATUSES, STAKEHOLDER_TYPES } from "../../shared/loop/stakeholder";
import { h } from "../lib/dom";
import type { RegistryRow } from "./registry-rows";

export interface RegistryFilters {
  type: string;
  status: string;
  overdueOnly: boolean;
  text: string;
}

/** No filter: every stakeholder. */
export function noFilters(): RegistryFilters {
  return { type: "", status: "", overdueOnly: false, text: "" };
}

function matchesText(row: RegistryRow, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  const haystack =
    row.kind === "ok"
      ? [row.stakeholder.name, row.stakeholder.org, row.stakeholder.contact, row.stakeholder.roles, row.card.name]
      : [row.card.name];
  return haystack.some((value) => value?.toLowerCase().includes(needle));
}

/**
 * The rows the filters let through. Unreadable records pass the type, status and overdue filters: nobody can tell
 * what they are until they are repaired, and hiding them would hide the repair.
 */
export function filterRows(rows: RegistryRow[], filters: RegistryFilters): RegistryRow[] {
  return rows.filter((row) => {
    if (!matchesText(row, filters.text)) return false;
    if (row.kind === "invalid") return true;
    if (filters.type && row.stakeholder.type !== filters.type) return false;
    if (filters.status && row.status !== filters.status) return false;
    return !filters.overdueOnly || row.update.overdue;
  });
}

function select(
  id: string,
  label: string,
  all: string,
  values: readonly string[],
  current: string,
  onChange: (value: string) => void,
) {
  return h(
    "div",
    { class: "field filter" },
    h("label", { for: id }, label),
    h(
      "select",
      { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
      h("option", { value: "", selected: current === "" }, all),
      ...values.map((v) => h("option", { value: v, selected: current === v }, v)),
    ),
  );
}

/**
 * The filter bar above the registry. It updates `filters` in place and calls `onChange`, so the page redraws only
 * the table and the search box keeps its focus while the user types.
 */
export function renderFilters(filters: RegistryFilters, onChange: () => void): HTMLElement {
  const set = <K extends keyof RegistryFilters>(key: K, value: RegistryFilters[K]) => {
    filters[key] = value;
    onChange();
  };
  return h(
    "div",
    { class: "registry-filters", role: "search" },
    h(
      "div",
      { class: "field filter filter-text" },
      h("label", { for: "filter-text" }, "Search"),
      h("input", {
        id: "filter-text",
        type: "search",
        placeholder: "Name, organisation, contact",
        value: filters.text,
        oninput: (e: Event) => set("text", (e.target as HTMLInputElement).value),
      }),
    ),
    select("filter-type", "Type", "All types", STAKEHOLDER_TYPES, filters.type, (type) => set("type", type)),
    select("filter-status", "Status", "All statuses", STAKEHOLDER_STATUSES, filters.status, (status) =>
      set("status", status),
    ),
    h(
      "div",
      { class: "field filter filter-check" },
      h("input", {
        id: "filter-overdue",
        type: "checkbox",
        checked: filters.overdueOnly,
        onchange: (e: Event) => set("overdueOnly", (e.target as HTMLInputElement).checked),
      }),
      h("label", { for: "filter-overdue" }, "Overdue only"),
    ),
  );
}
