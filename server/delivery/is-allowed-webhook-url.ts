import type { DeliveryChannel } from "../../shared/loop/delivery-channel";

/** The hosts each platform's incoming webhooks live on (a URL elsewhere would send a client's update to a stranger). */
const PLATFORM_HOSTS: Record<Exclude<DeliveryChannel, "email">, readonly string[]> = {
  slack: ["hooks.slack.com", "hooks.slack-gov.com"],
  // Office 365 connectors (retiring) and Power Automate / Teams Workflows.
  teams: [".webhook.office.com", ".logic.azure.com", ".powerplatform.com", ".powerautomate.com"],
  "google-chat": ["chat.googleapis.com"],
};

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * Why a chat webhook URL is refused, or undefined when it is acceptable: https on the platform's own hosts; the demo
 * and tests (allowLocal) also take http on a loopback address, where their catchers listen.
 */
export function webhookUrlProblem(
  channel: Exclude<DeliveryChannel, "email">,
  raw: string,
  allowLocal: boolean,
): string | undefined {
  if (!URL.canParse(raw)) return "That is not a URL";
  const url = new URL(raw);
  if (url.username || url.password) return "A webhook URL carries no user name or password";
  if (allowLocal && url.protocol === "http:" && LOOPBACK.test(url.hostname)) return undefined;
  if (url.protocol !== "https:") return "A webhook URL must start with https://";
  const host = url.hostname.toLowerCase();
  const hosts = PLATFORM_HOSTS[channel];
  const ok = hosts.some((h) => (h.startsWith(".") ? host.endsWith(h) : host === h));
  return ok
    ? undefined
    : `That is not a ${channel} incoming-webhook URL (expected a host like ${hosts.map((h) => h.replace(/^\./, "…")).join(", ")})`;
}
