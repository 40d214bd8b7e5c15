import type { StakeholderDeliveryView } from "../../shared/api/delivery-api";
import { CHAT_CHANNELS, DELIVERY_CHANNEL_LABELS, type DeliveryChannel } from "../../shared/loop/delivery-channel";
import { callService } from "../board-pages/call-service";
import { h, uniqueId } from "../lib/dom";
import { showMessage } from "../lib/form-kit";

const isChat = (channel: string) => (CHAT_CHANNELS as readonly string[]).includes(channel);

/**
 * "Chat webhook URL" for a stakeholder on Slack, Teams or Google Chat. The URL is a secret: it goes to the service,
 * which stores it encrypted (never in pluginData, where every board member's browser could read it), and the field
 * shows only whether one is set. Shown while the form's channel is a chat channel.
 */
export function renderChatWebhookField(
  t: Trello.PowerUp.IFrame,
  cardId: string,
  channelSelect: HTMLSelectElement,
): HTMLElement {
  const board = t.getContext().board;
  const path = `/api/boards/${board}/stakeholders/${cardId}/chat-webhook`;
  const id = uniqueId("webhookUrl");
  const state = h("p", { class: "webhook-state muted" }, "Checking…");
  const input = h("input", {
    id,
    type: "url",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "https://…",
  }) as HTMLInputElement;
  const message = h("div", { class: "form-message", "aria-live": "polite" });
  const root = h(
    "div",
    { class: "field chat-webhook" },
    h("label", { for: id }, "Chat webhook URL"),
    state,
    h(
      "div",
      { class: "webhook-row" },
      input,
      h("button", { type: "button", class: "btn", onclick: () => void save() }, "Save URL"),
      h("button", { type: "button", class: "btn", onclick: () => void remove() }, "Remove"),
    ),
    message,
  );

  function showState(set: boolean): void {
    state.textContent = set
      ? "Set — stored encrypted by the service; paste a new one to replace it."
      : "Not set: updates cannot be sent until it is.";
    state.className = `webhook-state ${set ? "webhook-set" : "webhook-unset"}`;
  }

  async function refresh(): Promise<void> {
    const res = await callService<StakeholderDeliveryView>(t, `/api/boards/${board}/stakeholders/${cardId}/delivery`);
    if (res.ok) showState(res.body.webhookSet);
    else
      state.textContent = res.code === "NOT_SENDABLE" ? "Save the stakeholder with this channel first." : res.message;
  }

  async function save(): Promise<void> {
    const res = await callService<{ webhookSet: boolean }>(t, path, {
      method: "POST",
      body: { url: input.value },
      state: "chat-webhook",
    });
    if (!res.ok) return showMessage(message, res.message, "error");
    input.value = "";
    showState(res.body.webhookSet);
    showMessage(message, "Webhook URL saved.", "ok");
  }

  async function remove(): Promise<void> {
    const res = await callService<{ webhookSet: boolean }>(t, path, { method: "DELETE", state: "chat-webhook" });
    if (!res.ok) return showMessage(message, res.message, "error");
    showState(res.body.webhookSet);
    showMessage(message, "Webhook URL removed.", "ok");
  }

  const sync = () => {
    const channel = channelSelect.value;
    root.hidden = !isChat(channel);
    input.placeholder = isChat(channel)
      ? `The ${DELIVERY_CHANNEL_LABELS[channel as DeliveryChannel]} incoming webhook URL, https://…`
      : "";
  };
  channelSelect.addEventListener("change", sync);
  sync();
  void refresh();
  return root;
}
