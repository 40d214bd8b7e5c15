const SENSITIVE_PARAMS = /([?&](?:token|key|secret|signature)=)[^&#]*/gi;

/** Blanks token-like query parameters in a URL before it is logged (Trello clients put key and token there). */
export function redactUrl(url: string): string {
  return url.replace(SENSITIVE_PARAMS, "$1[redacted]");
}
