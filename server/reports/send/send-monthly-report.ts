import type { EnqueuedDelivery } from "../../delivery/enqueue-delivery";
import { DeliveryError } from "../../delivery/delivery-error";
import type { OutgoingMessage } from "../../delivery/outgoing-message";
import { AppError, ErrorCode } from "../../http/app-error";
import { createShareLink } from "../../share/create-share-link";
import type { Store } from "../../store/create-store";
import { renderReportChat } from "../email/render-report-chat";
import { renderReportEmail } from "../email/render-report-email";
import { readSnapshotModel } from "../snapshots/read-snapshot-model";
import { renderSnapshot } from "../snapshots/render-snapshot";
import type { ReportProducer } from "../snapshots/report-producer";
import { partyRecipients } from "./party-recipients";

/** What became of the report for one stakeholder. */
export interface ReportSendResult {
  cardId: string;
  name: string;
  channel: string;
  /** queued: handed to the pipeline now; already-sent: this version went to them before (nothing new is sent); skipped: cannot be sent by the service. */
  outcome: "queued" | "already-sent" | "skipped";
  deliveryId?: number;
  status?: string;
  reason?: string;
}

export interface SendMonthlyReportDeps {
  store: Store;
  publicUrl: string;
  /** The pipeline's one way in (enqueueDelivery bound to the service's store and worker). */
  enqueue: (message: OutgoingMessage, createdBy: string) => EnqueuedDelivery;
  producer?: ReportProducer;
  now?: () => Date;
}

/** The key that makes one version of a report reach one stakeholder once, however often "Send" is pressed. */
export function reportSendKey(snapshotId: string, cardId: string): string {
  return `report:${snapshotId}:${cardId}`;
}

/**
 * Sends a client or partner report snapshot to every stakeholder of its party (not released): email with the PDF
 * attached and a share link of their own (so each opening is theirs), or a chat summary with the link. One
 * idempotency key per (snapshot, stakeholder): a second press finds the first delivery and sends nothing.
 */
export async function sendMonthlyReport(
  { store, publicUrl, enqueue, producer, now = () => new Date() }: SendMonthlyReportDeps,
  input: { boardId: string; snapshotId: string; createdBy: string },
): Promise<ReportSendResult[]> {
  const snapshot = store.reportSnapshots.get(input.boardId, input.snapshotId);
  if (!snapshot) throw new AppError(404, ErrorCode.NotFound, "No report snapshot with this id on this board");
  if (snapshot.audience === "internal" || !snapshot.party) {
    throw new AppError(
      422,
      ErrorCode.ReportNotForParty,
      "Only a client or partner report for one organisation is sent to stakeholders: generate that copy and send it",
    );
  }
  const model = readSnapshotModel(snapshot.modelJson);
  const recipients = partyRecipients(store, input.boardId, snapshot.audience, snapshot.party, now());
  const pending = recipients.filter(
    (r) => r.sendable && !store.deliveries.getByKey(reportSendKey(snapshot.id, r.cardId)),
  );
  // One PDF for the whole party, drawn only when someone still has to get it.
  const pdf = pending.some((r) => r.sendable && r.route.channel === "email")
    ? await renderSnapshot(snapshot, "pdf", {}, producer)
    : undefined;

  return recipients.map((r): ReportSendResult => {
    const base = { cardId: r.cardId, name: r.name, channel: r.channel };
    if (!r.sendable) return { ...base, outcome: "skipped", reason: r.reason };
    const key = reportSendKey(snapshot.id, r.cardId);
    const earlier = store.deliveries.getByKey(key);
    if (earlier) return { ...base, outcome: "already-sent", deliveryId: earlier.id, status: earlier.status };
    const link = createShareLink(store, publicUrl, {
      boardId: input.boardId,
      snapshotId: snapshot.id,
      createdBy: input.createdBy,
      label: r.name,
      now: now(),
    });
    const common = {
      boardId: input.boardId,
      stakeholderCardId: r.cardId,
      idempotencyKey: key,
      kind: "report" as const,
      audience: snapshot.audience,
      channel: r.route.channel,
      to: r.route.to,
      link: link.url,
    };
    const body =
      r.route.channel === "email"
        ? {
            ...renderReportEmail({ model, recipientName: r.name, link, pdfFilename: pdf!.filename }),
            attachments: [{ filename: pdf!.filename, contentType: "application/pdf", content: pdf!.body as Buffer }],
          }
        : renderReportChat(model, link);
    try {
      const queued = enqueue({ ...common, ...body }, input.createdBy);
      // A second press that raced this one past the check above: its message is the one kept, so this link goes.
      if (!queued.created) store.shareLinks.revoke(input.boardId, link.id, input.createdBy, now().toISOString());
      return {
        ...base,
        outcome: queued.created ? "queued" : "already-sent",
        deliveryId: queued.id,
        status: queued.status,
      };
    } catch (err) {
      // The link was made for this message only: it must not outlive a refusal.
      store.shareLinks.revoke(input.boardId, link.id, input.createdBy, now().toISOString());
      if (err instanceof DeliveryError) return { ...base, outcome: "skipped", reason: err.message };
      throw err;
    }
  });
}
