import * as z from "zod/mini";
import { amount, calendarDate, party, requiredText, trelloId, version1 } from "./fields";

/** An invoice tied to the work, usually to a milestone card (key `invoice`). */
export const invoiceSchema = z
  .object({
    v: version1,
    number: requiredText("Invoice number", 40),
    amount: amount("Amount"),
    currency: z
      .string({ error: "Currency is required" })
      .check(z.regex(/^[A-Z]{3}$/, "Currency is a 3-letter code such as EUR")),
    issuedOn: calendarDate,
    dueOn: calendarDate,
    paidOn: z.optional(calendarDate),
    milestone: z.optional(trelloId),
    /** The client or partner billed. */
    party,
  })
  .check(
    z.refine((i) => i.dueOn >= i.issuedOn, { message: "Due cannot be before issued", path: ["dueOn"] }),
    z.refine((i) => !i.paidOn || i.paidOn >= i.issuedOn, { message: "Paid cannot be before issued", path: ["paidOn"] }),
  );

export type Invoice = z.infer<typeof invoiceSchema>;
