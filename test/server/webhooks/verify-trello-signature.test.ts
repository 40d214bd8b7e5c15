import { computeTrelloSignature, verifyTrelloSignature } from "../../../server/webhooks/verify-trello-signature";
import { fixtureJson } from "../../support/trello-fixtures";

interface Vector {
  id: string;
  callbackURL: string;
  secret: string;
  body: string;
  expected_x_trello_webhook?: string | null;
  published_signature?: string;
  recomputed: string;
  valid?: boolean;
}

const vectors = fixtureJson<{ vectors: Vector[] }>("signature__test-vectors__DERIVED.json").vectors;
const byId = (id: string) => vectors.find((vector) => vector.id === id)!;
const eighteenF = fixtureJson<Record<"callbackURL" | "clientSecret" | "data" | "signature", unknown[]>>(
  "signature__18F__webhook-verify-fail.json",
);

describe("verifyTrelloSignature", () => {
  it("verifies the published 18F vector", () => {
    const vector = byId("18F-trello-webhook-server");
    expect(vector.expected_x_trello_webhook).toBe("/qKoB9Rf4446ZFqRNhV5uDojdas=");
    expect(
      verifyTrelloSignature({
        body: vector.body,
        callbackUrl: vector.callbackURL,
        secret: vector.secret,
        signature: vector.expected_x_trello_webhook,
      }),
    ).toBe(true);
  });

  it("computes the signatures recorded for every vector", () => {
    for (const vector of vectors) {
      expect(computeTrelloSignature(vector.body, vector.callbackURL, vector.secret)).toBe(vector.recomputed);
    }
  });

  it("verifies the 18F test file's valid tuple and refuses every junk input in it", () => {
    const last = (values: unknown[]) => values[values.length - 1];
    const valid = {
      body: last(eighteenF.data),
      callbackUrl: last(eighteenF.callbackURL),
      secret: last(eighteenF.clientSecret),
      signature: last(eighteenF.signature),
    };
    expect(verifyTrelloSignature(valid)).toBe(true);
    const fields = {
      body: eighteenF.data,
      callbackUrl: eighteenF.callbackURL,
      secret: eighteenF.clientSecret,
      signature: eighteenF.signature,
    };
    for (const [field, values] of Object.entries(fields)) {
      for (const junk of values.slice(0, -1)) {
        expect(verifyTrelloSignature({ ...valid, [field]: junk })).toBe(false);
      }
    }
  });

  it("refuses the 27-character signature published in a README", () => {
    const vector = byId("lukehorvat-verify-trello-webhook-README-TRAP");
    expect(vector.published_signature).toHaveLength(27);
    expect(
      verifyTrelloSignature({
        body: vector.body,
        callbackUrl: vector.callbackURL,
        secret: vector.secret,
        signature: vector.published_signature,
      }),
    ).toBe(false);
  });

  it("refuses a signature made for another callback URL", () => {
    const vector = byId("aspnet-AspLabs-TrelloWebHookReceiverTests");
    const base = { body: vector.body, secret: vector.secret, signature: vector.recomputed };
    expect(verifyTrelloSignature({ ...base, callbackUrl: vector.callbackURL })).toBe(true);
    expect(verifyTrelloSignature({ ...base, callbackUrl: "http://localhost" })).toBe(false);
    expect(verifyTrelloSignature({ ...base, callbackUrl: "http://localhost/other" })).toBe(false);
  });

  it("refuses a body changed by one byte, a truncated signature and another secret", () => {
    const vector = byId("18F-trello-webhook-server");
    const base = {
      body: vector.body,
      callbackUrl: vector.callbackURL,
      secret: vector.secret,
      signature: vector.recomputed,
    };
    expect(verifyTrelloSignature({ ...base, body: vector.body.replace("3", "4") })).toBe(false);
    expect(verifyTrelloSignature({ ...base, signature: vector.recomputed.slice(0, -1) })).toBe(false);
    expect(verifyTrelloSignature({ ...base, signature: `${vector.recomputed}=` })).toBe(false);
    expect(verifyTrelloSignature({ ...base, secret: "client-secreT" })).toBe(false);
  });

  it("signs non-ASCII bodies over their UTF-8 bytes, not a latin-1 string", () => {
    const body = '{"name":"Pendências — idéias 🚀 日本語"}';
    const bytes = Buffer.from(body, "utf8");
    const signature = computeTrelloSignature(bytes, "https://x.test/webhooks/trello", "s");
    expect(
      verifyTrelloSignature({ body: bytes, callbackUrl: "https://x.test/webhooks/trello", secret: "s", signature }),
    ).toBe(true);
    expect(verifyTrelloSignature({ body, callbackUrl: "https://x.test/webhooks/trello", secret: "s", signature })).toBe(
      true,
    );
    const latin1 = computeTrelloSignature(Buffer.from(body, "latin1"), "https://x.test/webhooks/trello", "s");
    expect(latin1).not.toBe(signature);
  });
});
