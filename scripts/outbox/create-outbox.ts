/** A message as a catcher received it: what a recipient would see, and for chat the platform's payload. */
export interface ReceivedMessage {
  id: number;
  receivedAt: string;
  transport: "email" | "slack" | "teams" | "google-chat";
  /** The X-Loop-Audience the service sent along: whose copy it is. */
  audience: string;
  /** Email recipients, or the webhook's name (the last part of its path). */
  to: string;
  from?: string;
  subject: string;
  text: string;
  html?: string;
  attachments: { filename: string; contentType: string; size: number; content: Buffer }[];
  /** Links found in the HTML or the chat payload. */
  links: string[];
  /** A chat message's JSON body as posted. */
  payload?: unknown;
  headers: Record<string, string>;
}

export interface Outbox {
  add(message: Omit<ReceivedMessage, "id" | "receivedAt">): ReceivedMessage;
  all(): ReceivedMessage[];
  get(id: number): ReceivedMessage | undefined;
  clear(): void;
}

/** The demo keeps the newest messages only: it runs for hours and the Outbox is for looking, not archiving. */
const KEPT = 500;

/** Every message the demo's (or a test's) catchers received, newest first. */
export function createOutbox(): Outbox {
  let messages: ReceivedMessage[] = [];
  let next = 1;
  return {
    add(message) {
      const received = { ...message, id: next++, receivedAt: new Date().toISOString() };
      messages = [received, ...messages].slice(0, KEPT);
      return received;
    },
    all: () => messages,
    get: (id) => messages.find((m) => m.id === id),
    clear() {
      messages = [];
    },
  };
}
