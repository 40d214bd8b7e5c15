/** Trello answered, and the answer was a refusal that retrying will not change (401, 403, 404, 400…). */
export class TrelloApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    readonly body: unknown,
  ) {
    super(
      `Trello answered ${status} to ${path}: ${typeof body === "string" ? body : JSON.stringify(body)}`.slice(0, 500),
    );
    this.name = "TrelloApiError";
  }
}

/** A request path fit for errors and logs: some paths carry the token (/tokens/{token}/…). */
export function pathWithoutToken(path: string, token: string): string {
  return token ? path.split(token).join("[token]") : path;
}
