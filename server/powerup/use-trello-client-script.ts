const TRELLO_CLIENT_SCRIPT = /<script\s+src="https:\/\/p\.trellocdn\.com\/power-up\.min\.js"\s*><\/script>/g;
const TRELLO_STYLESHEET = /[ \t]*<link\b[^>]*href="https:\/\/p\.trellocdn\.com\/power-up\.min\.css"[^>]*>[ \t]*\r?\n?/g;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/**
 * A page as the dev host serves it: Trello's client library swapped for `scriptUrl`, and Trello's stylesheet
 * dropped because its CDN is unreachable there (each page carries its own stylesheet).
 */
export function useTrelloClientScript(html: string, scriptUrl: string): string {
  return html
    .replace(TRELLO_CLIENT_SCRIPT, `<script src="${escapeAttribute(scriptUrl)}"></script>`)
    .replace(TRELLO_STYLESHEET, "");
}
