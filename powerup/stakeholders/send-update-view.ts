import type { DeliveryView, UpdateDraftView } from "../../shared/api/delivery-api";
import { AUDIENCE_LABELS } from "../../shared/loop/audience";
import type { CommunicationLog } from "../../shared/loop/communication-log";
import { DELIVERY_CHANNEL_LABELS } from "../../shared/loop/delivery-channel";
import { PLUGIN_DATA_LIMIT, pluginDataSize } from "../../shared/loop/loop-records";
import type { Stakeholder } from "../../shared/loop/stakeholder";
import { callService } from "../board-pages/call-service";
import { h, replaceChildren } from "../lib/dom";
import { showMessage } from "../lib/form-kit";
import { readRecord, readScope, saveRecord } from "../lib/loop-data";
import { inputField, textAreaField } from "./form-fields";
import { newLogEntryId, withEntry } from "./log-entry";

export interface SendUpdateOptions {
  t: Trello.PowerUp.IFrame;
  cardId: string;
  stakeholder: Stakeholder;
  /** After a delivery is sent and logged: the registry reloads with this message. */
  onSent: (message: string) => void;
  onCancel: () => void;
}

/** How long the page follows a delivery before leaving it to the service's retries. */
const FOLLOW_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A key per attempt to send: a double click or a retried request sends once; "Send again" after a failure is new. */
const newKey = () => `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

/**
 * "Send update": the draft the service made from what changed since the stakeholder's last update (their audience's
 * copy), edited by the PM and sent on their channel. A sent update is written to the card's log so the badge and the
 * registry stop counting it as owed.
 */
export function renderSendUpdate({ t, cardId, stakeholder, onSent, onCancel }: SendUpdateOptions): HTMLElement {
  const board = t.getContext().board;
  const root = h(
    "section",
    { class: "send-update", "aria-label": `Send an update to ${stakeholder.name}` },
    h("h2", {}, `Send an update to ${stakeholder.name}`),
  );
  const status = h("div", { class: "form-message", "aria-live": "polite" });
  root.append(status);
  showMessage(status, "Preparing the draft from what changed since the last update…", "info");

  void callService<UpdateDraftView>(t, `/api/boards/${board}/stakeholders/${cardId}/update-draft`).then((res) => {
    if (!res.ok) {
      showMessage(status, res.message, "error");
      root.append(
        h("div", { class: "actions" }, h("button", { type: "button", class: "btn", onclick: onCancel }, "Back")),
      );
      return;
    }
    root.replaceChildren(root.firstChild!, draftForm(res.body));
  });

  function draftForm(draft: UpdateDraftView): HTMLElement {
    const route = `${DELIVERY_CHANNEL_LABELS[draft.channel]}${draft.to ? ` to ${draft.to}` : ""}`;
    const copy =
      draft.audience === "internal"
        ? "the team's view"
        : `the ${AUDIENCE_LABELS[draft.audience].toLowerCase()} copy${draft.party ? ` for ${draft.party}` : ""}`;
    const send = h(
      "button",
      { type: "submit", class: "btn btn-primary", disabled: !draft.ready },
      "Send",
    ) as HTMLButtonElement;
    const message = h("div", { class: "form-message", "aria-live": "polite" });
    const form = h(
      "form",
      { class: "loop-form send-update-form", novalidate: true },
      h("p", { class: "send-route" }, `By ${route} · ${copy} · changes since ${draft.sinceDay}`),
      draft.ready
        ? null
        : h(
            "p",
            { class: "field-error send-missing", role: "alert" },
            draft.missing ?? "This stakeholder cannot be sent to yet",
          ),
      inputField("subject", "Subject", draft.subject, { maxlength: 200 }),
      textAreaField("text", "Message", draft.text, { rows: 14, maxlength: 20000 }),
      message,
      h("div", { class: "actions" }, send, h("button", { type: "button", class: "btn", onclick: onCancel }, "Cancel")),
    ) as HTMLFormElement;
    let key = newKey();

    async function submit(): Promise<void> {
      const data = new FormData(form);
      const body = {
        subject: String(data.get("subject") ?? ""),
        text: String(data.get("text") ?? ""),
        idempotencyKey: key,
      };
      showMessage(message, "Sending…", "info");
      const res = await callService<{ delivery: DeliveryView }>(
        t,
        `/api/boards/${board}/stakeholders/${cardId}/updates`,
        { method: "POST", body, state: "send-update" },
      );
      if (!res.ok) return showMessage(message, res.message, "error");
      const settled = await follow(res.body.delivery);
      if (settled.status === "sent") {
        await logSent(settled);
        onSent(`Update sent to ${stakeholder.name} by ${DELIVERY_CHANNEL_LABELS[settled.channel]}`);
        return;
      }
      if (settled.status === "failed") {
        key = newKey();
        showMessage(message, "", "error");
        message.classList.add("delivery-failed");
        replaceChildren(
          message,
          h("strong", {}, "Not delivered: "),
          settled.lastError ?? "the service gave no reason",
          ". Correct it and send again.",
        );
        return;
      }
      showMessage(
        message,
        `Not delivered yet (${settled.lastError ?? "waiting"}): the service keeps trying and the registry will show the outcome.`,
        "info",
      );
    }

    /** Follows the delivery until it is sent or failed (or leaves it to the service's retries). */
    async function follow(delivery: DeliveryView): Promise<DeliveryView> {
      const until = Date.now() + FOLLOW_MS;
      let current = delivery;
      while ((current.status === "queued" || current.status === "sending") && Date.now() < until) {
        if (current.lastError) showMessage(message, `Retrying: ${current.lastError}`, "info");
        await sleep(400);
        const res = await callService<{ delivery: DeliveryView }>(t, `/api/boards/${board}/deliveries/${delivery.id}`);
        if (res.ok) current = res.body.delivery;
      }
      return current;
    }

    /** The card's log gets the send (Trello lets only the Power-Up write pluginData), keeping colleagues' entries. */
    async function logSent(delivery: DeliveryView): Promise<void> {
      const [current, scope] = await Promise.all([readRecord(t, cardId, "log"), readScope(t, cardId)]);
      const fits = (candidate: CommunicationLog) => pluginDataSize({ ...scope, log: candidate }) <= PLUGIN_DATA_LIMIT;
      const entry = {
        id: newLogEntryId(),
        at: delivery.sentAt!,
        channel: stakeholder.channel,
        summary: `Sent: ${delivery.subject}`.slice(0, 200),
      };
      await saveRecord(t, cardId, "log", withEntry(current.status === "ok" ? current.value : undefined, entry, fits));
    }

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      send.disabled = true;
      submit()
        .catch((err: unknown) =>
          showMessage(message, `Not sent: ${err instanceof Error ? err.message : String(err)}`, "error"),
        )
        .finally(() => (send.disabled = !draft.ready));
    });
    return form;
  }
  return root;
}
