import type { ChannelMessage } from "./send-outcome";

/** Google Chat text formatting reads these as markup inside a textParagraph. */
const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A Google Chat incoming-webhook body: `text` as the notification, a cardsV2 card with the message and a link button. */
export function googleChatPayload(message: ChannelMessage): Record<string, unknown> {
  const widgets: Record<string, unknown>[] = message.text
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== "")
    .map((text) => ({ textParagraph: { text: escapeHtml(text).replace(/\n/g, "<br>") } }));
  if (message.link)
    widgets.push({ buttonList: { buttons: [{ text: "Open", onClick: { openLink: { url: message.link } } }] } });
  return {
    text: message.subject,
    cardsV2: [
      {
        cardId: `delivery-${message.deliveryId}`,
        card: { header: { title: message.subject.slice(0, 200) }, sections: [{ widgets: widgets.slice(0, 100) }] },
      },
    ],
  };
}
