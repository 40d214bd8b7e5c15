import { h, replaceChildren } from "./dom";
import { showMessage } from "./form-kit";
import { authorizeMember } from "./member-token";

/**
 * Turns a message box into a one-click "Authorize" where a page needs the member's own REST token: the member
 * authorizes right there and the page carries on (`retry`) with what they typed, never sent elsewhere.
 */
export function offerAuthorizeInPlace(
  t: Trello.PowerUp.IFrame,
  box: HTMLElement,
  reason: string,
  retry: () => void | Promise<void>,
): void {
  const button = h("button", { type: "button", class: "btn btn-primary btn-authorize" }, "Authorize");
  button.addEventListener("click", () => {
    (button as HTMLButtonElement).disabled = true;
    void authorizeMember(t).then(async (granted) => {
      if (!granted) {
        (button as HTMLButtonElement).disabled = false;
        return showMessage(
          box,
          "Trello did not give the Power-Up access. Choose Authorize again and then Allow.",
          "error",
        );
      }
      box.className = "message";
      replaceChildren(box);
      await retry();
    });
  });
  box.className = "message message-info authorize-in-place";
  box.setAttribute("role", "status");
  replaceChildren(box, h("span", {}, `${reason} `), button);
}
