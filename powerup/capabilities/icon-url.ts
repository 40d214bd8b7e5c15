/** The Power-Up icon as an absolute URL (Trello needs absolute icon URLs in buttons and sections). */
export function iconUrl(): string {
  return new URL("./icon.svg", window.location.href).href;
}
