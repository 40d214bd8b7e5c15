import type { FrameContext } from "./host-bridge";

/** What an iframe's URL hash carries, as Trello passes context and args to its iframes in the hash. */
export interface FrameHash {
  context: FrameContext;
  args: Record<string, unknown>;
}

/** `url` with the frame's context and args in its hash (what `t.signUrl` returns). */
export function signFrameUrl(url: string, hash: FrameHash): string {
  return `${url.split("#")[0]}#${encodeURIComponent(JSON.stringify(hash))}`;
}

/** The context and args of the page this runs in; throws when it was not opened by the dev host. */
export function readFrameHash(hash: string): FrameHash {
  try {
    const parsed = JSON.parse(decodeURIComponent(hash.replace(/^#/, ""))) as FrameHash;
    if (parsed && typeof parsed.context?.board === "string")
      return { context: parsed.context, args: parsed.args ?? {} };
  } catch {
    // Falls through to the explanation below.
  }
  throw new Error(
    "This page has no Power-Up context: open it from the dev host (/dev-host/), which passes it in the URL hash",
  );
}
