import { h, uniqueId } from "../lib/dom";
import { labelled } from "./board-fields";

/** A labelled time zone input that suggests the IANA zones the browser knows (it still accepts typing). */
export function timeZoneField(label: string, name: string, value: string | undefined): HTMLElement {
  const listId = uniqueId("time-zones");
  const input = h("input", {
    type: "text",
    name,
    list: listId,
    value: value ?? "",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "Europe/Berlin",
  });
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const field = labelled(label, input);
  field.append(
    h(
      "datalist",
      { id: listId },
      ...["UTC", ...zones.filter((zone) => zone !== "UTC")].map((zone) => h("option", { value: zone })),
    ),
  );
  return field;
}
