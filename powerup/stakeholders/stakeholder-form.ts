import { fieldErrors } from "../../shared/loop/field-errors";
import {
  BUY_IN_LEVELS,
  CHANNELS,
  INITIATION_ITEMS,
  LEADS,
  LEVELS,
  STAKEHOLDER_STATUSES,
  STAKEHOLDER_TYPES,
  stakeholderEditSchema,
  type Stakeholder,
} from "../../shared/loop/stakeholder";
import type { BoardCard, BoardRecords } from "../lib/board-records";
import { h } from "../lib/dom";
import { clearFieldErrors, showFieldErrors, showMessage } from "../lib/form-kit";
import { saveRecord } from "../lib/loop-data";
import { renderChatWebhookField } from "./chat-webhook-field";
import { readErrorBox } from "../lib/read-error-box";
import { cardChoiceField, parseCardChoice } from "./card-choice";
import { offerAuthorizeInPlace } from "../lib/authorize-in-place";
import { createCard, NOT_AUTHORIZED } from "../lib/create-card";
import { leadLabel } from "./escalation-lead";
import { checkboxField, inputField, sameText, selectField, textAreaField } from "./form-fields";
import { readStakeholderForm } from "./read-stakeholder-form";
import { salvageStakeholder } from "./salvage-stakeholder";

export interface StakeholderFormOptions {
  t: Trello.PowerUp.IFrame;
  board: BoardRecords;
  /** The card being edited; absent for a new stakeholder. */
  cardId?: string;
  /** The stored value when it fails its schema, so the fields that are still valid are offered for repair. */
  storedRaw?: unknown;
  /** Called after the save with the stakeholder's name and the card made for it, if one was. */
  onSaved: (name: string, createdCard?: BoardCard) => void;
  onCancel: () => void;
}

/** The cadence a new stakeholder starts with: clients hear from us weekly, everyone else fortnightly. */
export function defaultCadence(type: string): number {
  return type === "client" ? 7 : 14;
}

function blankStakeholder(name: string): Stakeholder {
  return {
    v: 1,
    name,
    type: "client",
    influence: "medium",
    interest: "medium",
    channel: "email",
    cadenceDays: defaultCadence("client"),
    buyIn: "neutral",
    status: "active",
    initiation: { platform: false, roles: false, reviews: false, scope: false },
  };
}

function escalationFields(s: Stakeholder, board: BoardRecords): HTMLElement {
  const e = s.escalation;
  const leads = LEADS.map((lead): [string, string] => {
    const label = leadLabel(lead, board.settings, board.members).replace(/^the /, "");
    return [lead, label.charAt(0).toUpperCase() + label.slice(1)];
  });
  const noLeads = !board.settings.technicalLead && !board.settings.operationalLead;
  return h(
    "fieldset",
    { class: "escalation-fields", hidden: s.status !== "escalated" && !e },
    h("legend", {}, "Escalation"),
    noLeads
      ? h(
          "p",
          { class: "muted" },
          "Name the technical and operational leads in the board settings to see who they are here.",
        )
      : null,
    h("p", { class: "field-error", "data-error-for": "escalation" }),
    selectField("escalation.to", "Escalated to", leads, e?.to ?? "operational"),
    textAreaField("escalation.reason", "Reason", e?.reason ?? "", { maxlength: 300 }),
    inputField("escalation.on", "Escalated on", e?.on ?? "", { type: "date" }),
    inputField("escalation.resolvedOn", "Resolved on", e?.resolvedOn ?? "", { type: "date" }),
  );
}

/** Why the stakeholder is difficult: asked for while the status is difficult, kept as history after. */
function difficultField(s: Stakeholder): HTMLElement {
  const field = textAreaField("difficultReason", "Why difficult", s.difficultReason ?? "", { maxlength: 300 });
  field.classList.add("difficult-field");
  field.hidden = s.status !== "difficult" && !s.difficultReason;
  return field;
}

/** When and why the stakeholder was released (no updates are owed after). */
function releaseFields(s: Stakeholder): HTMLElement {
  return h(
    "fieldset",
    { class: "release-fields", hidden: s.status !== "released" && !s.release },
    h("legend", {}, "Release"),
    h("p", { class: "field-error", "data-error-for": "release" }),
    inputField("release.on", "Released on", s.release?.on ?? "", { type: "date" }),
    textAreaField("release.reason", "Release reason", s.release?.reason ?? "", { maxlength: 300 }),
  );
}

/** The add/edit form of the `stakeholder` record, shown in the Stakeholders modal. */
export function renderStakeholderForm(opts: StakeholderFormOptions): HTMLElement {
  const { t, board, cardId } = opts;
  const card = cardId ? board.cards.find((c) => c.id === cardId) : undefined;
  const read = cardId ? board.records.get(cardId)?.stakeholder : undefined;
  const blank = blankStakeholder(card?.name ?? "");
  const s =
    read?.status === "ok" ? read.value : read?.status === "invalid" ? salvageStakeholder(opts.storedRaw, blank) : blank;
  const message = h("div", { class: "form-message", "aria-live": "polite" });
  /** The card made by an earlier attempt whose save then failed: retrying must not make a second one. */
  let createdCard: BoardCard | undefined;
  let cadenceTouched = Boolean(cardId);

  const escalation = escalationFields(s, board);
  const difficult = difficultField(s);
  const release = releaseFields(s);
  const cadence = inputField("cadenceDays", "Update cadence (days)", String(s.cadenceDays), {
    type: "number",
    min: 1,
    max: 90,
    step: 1,
    oninput: () => (cadenceTouched = true),
  });
  const typeField = selectField("type", "Type", sameText(STAKEHOLDER_TYPES), s.type, {
    onchange: (e: Event) => {
      if (cadenceTouched) return;
      (cadence.querySelector("input") as HTMLInputElement).value = String(
        defaultCadence((e.target as HTMLSelectElement).value),
      );
    },
  });
  const statusField = selectField("status", "Status", sameText(STAKEHOLDER_STATUSES), s.status, {
    onchange: (e: Event) => {
      const status = (e.target as HTMLSelectElement).value;
      if (status === "difficult") difficult.hidden = false;
      const dated = status === "escalated" ? escalation : status === "released" ? release : undefined;
      if (!dated) return;
      dated.hidden = false;
      const on = dated.querySelector<HTMLInputElement>(
        status === "escalated" ? '[name="escalation.on"]' : '[name="release.on"]',
      )!;
      if (!on.value) on.value = board.today;
    },
  });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, "Save stakeholder") as HTMLButtonElement;

  const channelField = selectField("channel", "Channel", sameText(CHANNELS), s.channel);
  const form = h(
    "form",
    {
      class: "loop-form stakeholder-form",
      novalidate: true,
      "aria-label": cardId ? "Edit stakeholder" : "New stakeholder",
    },
    h("h2", {}, cardId ? `Edit ${s.name || (card?.name ?? "stakeholder")}` : "Add stakeholder"),
    read?.status === "invalid" ? readErrorBox(`${read.message} Correct the fields below and save.`) : null,
    cardId ? h("p", { class: "muted" }, `Card: ${card?.name ?? cardId}`) : cardChoiceField(board),
    h(
      "fieldset",
      {},
      h("legend", {}, "Who"),
      inputField("name", "Name", s.name, { maxlength: 80, autocomplete: "off" }),
      typeField,
      inputField("org", "Organisation", s.org ?? "", { maxlength: 80 }),
      textAreaField("roles", "Roles", s.roles ?? "", { maxlength: 200 }),
      textAreaField("duties", "Responsibilities", s.duties ?? "", { maxlength: 300 }),
      textAreaField("rights", "Rights", s.rights ?? "", { maxlength: 300 }),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Engagement"),
      selectField("influence", "Influence", sameText(LEVELS), s.influence),
      selectField("interest", "Interest", sameText(LEVELS), s.interest),
      selectField("buyIn", "Buy-in", sameText(BUY_IN_LEVELS), s.buyIn),
      statusField,
      difficult,
    ),
    escalation,
    release,
    h(
      "fieldset",
      {},
      h("legend", {}, "Keeping them in the loop"),
      channelField,
      inputField("contact", "Contact", s.contact ?? "", {
        maxlength: 120,
        placeholder: "Their email address, for updates by email",
      }),
      cadence,
      cardId ? renderChatWebhookField(opts.t, cardId, channelField.querySelector("select")!) : null,
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Initiation checklist"),
      ...(Object.keys(INITIATION_ITEMS) as (keyof typeof INITIATION_ITEMS)[]).map((item) =>
        checkboxField(`initiation.${item}`, INITIATION_ITEMS[item], s.initiation[item]),
      ),
    ),
    message,
    h(
      "div",
      { class: "actions" },
      submit,
      h("button", { type: "button", class: "btn", onclick: opts.onCancel }, "Cancel"),
    ),
  ) as HTMLFormElement;

  async function save(): Promise<void> {
    clearFieldErrors(form);
    message.replaceChildren();
    message.className = "form-message";
    const value = readStakeholderForm(form);
    // Checked before any card is created, so a typo never leaves an empty card on the board.
    const checked = stakeholderEditSchema.safeParse(value);
    if (!checked.success) {
      showFieldErrors(form, fieldErrors(checked.error), message);
      return;
    }
    let target = cardId ?? createdCard?.id;
    if (!target) {
      const choice = parseCardChoice(String(new FormData(form).get("card") ?? ""));
      if (choice.kind === "existing" ? !choice.idCard : !choice.idList) {
        showFieldErrors(form, { card: "Choose the card this stakeholder lives on" }, message);
        return;
      }
      if (choice.kind === "existing") target = choice.idCard;
      else {
        showMessage(message, "Creating the card…", "info");
        const created = await createCard(t, choice.idList, checked.data.name);
        if (!created.ok) {
          if (created.code === NOT_AUTHORIZED)
            offerAuthorizeInPlace(t, message, created.message, () => form.requestSubmit());
          else showMessage(message, created.message, "error");
          return;
        }
        createdCard = { id: created.id, name: checked.data.name, idList: choice.idList };
        target = created.id;
      }
    }
    const saved = await saveRecord(t, target, "stakeholder", value);
    if (!saved.ok) {
      showFieldErrors(form, saved.fieldErrors, message);
      if (saved.formError) showMessage(message, saved.formError, "error");
      return;
    }
    opts.onSaved(saved.value.name, createdCard);
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submit.disabled = true;
    save()
      .catch((err: unknown) =>
        showMessage(message, `Not saved: ${err instanceof Error ? err.message : String(err)}`, "error"),
      )
      .finally(() => (submit.disabled = false));
  });
  return form;
}
