import { h } from "./dom";
import { loopConfig } from "./loop-config";

export type FileResult = { ok: true; blob: Blob; filename: string } | { ok: false; message: string };

/** A file from the service with the member's JWT (a plain link could not carry it), named as the service names it. */
export async function fetchServiceFile(
  t: Trello.PowerUp.HostHandlers,
  path: string,
  state: string,
  fallbackName: string,
): Promise<FileResult> {
  try {
    const jwt = (await t.jwt({ state } as Trello.PowerUp.JWTOptions)) as string;
    const response = await fetch(`${loopConfig().serviceUrl}${path}`, { headers: { authorization: `Bearer ${jwt}` } });
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
      return {
        ok: false,
        message: body?.error?.message ?? `The service answered ${response.status}. Try again in a minute.`,
      };
    }
    const disposition = response.headers.get("content-disposition") ?? "";
    const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
    return { ok: true, blob: await response.blob(), filename };
  } catch {
    return {
      ok: false,
      message: "The Stakeholder Loop service cannot be reached. Check your connection and try again.",
    };
  }
}

/** Saves a blob under its name through a temporary link (the iframe cannot offer a direct link with the JWT). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: the browser reads the blob after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
