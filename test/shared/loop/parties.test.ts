import { documentsSchema, partyDocuments } from "../../../shared/loop/documents";
import { invoiceSchema } from "../../../shared/loop/invoice";
import { boardParties, defaultParty, partyOf } from "../../../shared/loop/parties";
import { scopeDecisionSchema } from "../../../shared/loop/scope-decision";

const person = (type: string, org?: string) =>
  ({ type, org }) as { type: "client" | "partner" | "sponsor"; org?: string };

describe("boardParties", () => {
  it("lists the organisations of client and partner stakeholders once each, whatever their spelling's case or spaces", () => {
    expect(
      boardParties([
        person("client", "Acme"),
        person("client", " acme "),
        person("partner", "Globex"),
        person("sponsor", "Bank"),
        person("client"),
      ]),
    ).toEqual({
      client: ["Acme"],
      partner: ["Globex"],
    });
  });
});

describe("partyOf: records saved before parties existed", () => {
  it("belong to the board's one client, else to its one partner when it has no client", () => {
    expect(partyOf({}, { client: ["Acme"], partner: ["Globex"] })).toBe("Acme");
    expect(partyOf({}, { client: [], partner: ["Globex"] })).toBe("Globex");
    expect(partyOf({ party: "Globex" }, { client: ["Acme"], partner: ["Globex"] })).toBe("Globex");
  });

  it("belong to nobody when the board has several clients, so no client's copy shows another's record", () => {
    expect(defaultParty({ client: ["Acme", "Initech"], partner: [] })).toBeUndefined();
    expect(partyOf({}, { client: ["Acme", "Initech"], partner: [] })).toBeUndefined();
  });
});

describe("records naming their party", () => {
  it("read old (v1, no party) and new invoices and scope decisions alike", () => {
    const invoice = { v: 1, number: "INV-1", amount: 10, currency: "EUR", issuedOn: "2026-03-01", dueOn: "2026-03-31" };
    expect(invoiceSchema.safeParse(invoice).success).toBe(true);
    expect(invoiceSchema.parse({ ...invoice, party: " Acme " }).party).toBe("Acme");
    expect(scopeDecisionSchema.parse({ v: 1, decision: "out", party: "Globex" }).party).toBe("Globex");
  });

  it("keeps one checklist per party: the same document once per party, the old unnamed list for the default party", () => {
    const documents = documentsSchema.parse({
      v: 1,
      items: [
        { id: "mou", name: "MOU", status: "signed", shared: true },
        { id: "mou", name: "MOU", status: "draft", shared: false, party: "Globex" },
      ],
    });
    expect(partyDocuments(documents, "Acme", true).map((d) => d.status)).toEqual(["signed"]);
    expect(partyDocuments(documents, "Globex", false).map((d) => d.status)).toEqual(["draft"]);
    // A party with no checklist yet starts from the standard documents, all missing.
    expect(partyDocuments(documents, "Initech", false).map((d) => [d.id, d.status])).toEqual([
      ["mou", "missing"],
      ["sla", "missing"],
      ["access", "missing"],
    ]);
    const twice = {
      v: 1,
      items: [
        { id: "mou", name: "MOU", status: "signed", shared: true, party: "Acme" },
        { id: "mou", name: "MOU", status: "draft", shared: true, party: "acme" },
      ],
    };
    expect(documentsSchema.safeParse(twice).success).toBe(false);
  });
});
