// The official @azure-rest/ai-content-safety 1.0.1 REST client, unmodified, against a Custos server.
//
// Ports the assertions of the official live suite (azure-sdk-for-js
// sdk/contentsafety/ai-content-safety-rest/test/public/contentSafety.spec.ts, see shared/docs/azure-api.md 2.2, 2.4
// and 7.2): category filter, 201 on create, pagination with top/skip/maxpagesize, 204 on remove and delete,
// 404 with body.error.code on a missing list. Run by scripts/compat.sh with CONTENT_SAFETY_ENDPOINT and
// CONTENT_SAFETY_API_KEY set; without them the suite is skipped.

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { deflateSync } from "node:zlib";

import ContentSafetyClient, { isUnexpected, paginate } from "@azure-rest/ai-content-safety";
import { AzureKeyCredential } from "@azure/core-auth";

const endpoint = (process.env.CONTENT_SAFETY_ENDPOINT ?? "").replace(/\/+$/, "");
const key = process.env.CONTENT_SAFETY_API_KEY ?? process.env.CONTENT_SAFETY_KEY ?? "";
const configured = Boolean(endpoint && key);

const ALL = ["Hate", "SelfHarm", "Sexual", "Violence"];
const BENIGN = "The weather is lovely today and we are going for a walk in the park.";
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// --- a plain 100x100 RGB gradient PNG, built with node:zlib (Node 20 has no zlib.crc32) ---
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function makePng(width = 100, height = 100) {
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      row[1 + x * 3] = Math.floor((x * 255) / (width - 1));
      row[2 + x * 3] = Math.floor((y * 255) / (height - 1));
      row[3 + x * 3] = 128;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function newClient(k = key, options = {}) {
  return ContentSafetyClient(endpoint, new AzureKeyCredential(k), { allowInsecureConnection: true, ...options });
}

function assertStatus(response, status) {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
}

function assertError(response, status, code) {
  assertStatus(response, status);
  assert.equal(isUnexpected(response), true);
  assert.equal(typeof response.body?.error?.code, "string", JSON.stringify(response.body));
  assert.ok(response.body.error.code.length > 0);
  assert.equal(typeof response.body.error.message, "string");
  assert.equal(response.headers["x-ms-error-code"], response.body.error.code);
  if (code !== undefined) assert.equal(response.body.error.code, code);
}

describe("@azure-rest/ai-content-safety 1.0.1 against Custos", { skip: !configured && "CONTENT_SAFETY_ENDPOINT / CONTENT_SAFETY_API_KEY not set" }, () => {
  const runId = randomUUID().slice(0, 8);
  const blocklistName = `custos-js-${runId}-main`;
  const created = new Set();
  let client;

  before(() => {
    client = newClient();
  });

  after(async () => {
    for (const name of created) {
      await client.path("/text/blocklists/{blocklistName}", name).delete();
    }
  });

  it("analyze text: default categories, benign text is all 0", async () => {
    const response = await client.path("/text:analyze").post({ body: { text: BENIGN } });
    assertStatus(response, "200");
    assert.equal(isUnexpected(response), false);
    assert.match(response.headers["content-type"], /^application\/json/);
    assert.deepEqual(
      response.body.categoriesAnalysis.map((c) => [c.category, c.severity]),
      ALL.map((c) => [c, 0]),
    );
    assert.deepEqual(response.body.blocklistsMatch, []);
  });

  it("analyze text: category filter returns only the requested category", async () => {
    const response = await client.path("/text:analyze").post({
      body: { text: "This is a sample text", categories: ["Hate"] },
    });
    assertStatus(response, "200");
    assert.equal(response.body.categoriesAnalysis[0].category, "Hate");
    assert.equal(response.body.categoriesAnalysis[1], undefined);
  });

  it("analyze text: EightSeverityLevels gives 0..7, FourSeverityLevels 0/2/4/6", async () => {
    for (const text of [BENIGN, "I hate you and I will hurt you badly."]) {
      const eight = await client.path("/text:analyze").post({ body: { text, outputType: "EightSeverityLevels" } });
      assertStatus(eight, "200");
      assert.deepEqual(eight.body.categoriesAnalysis.map((c) => c.category), ALL);
      for (const c of eight.body.categoriesAnalysis) {
        assert.ok(Number.isInteger(c.severity) && c.severity >= 0 && c.severity <= 7, JSON.stringify(c));
      }
      const four = await client.path("/text:analyze").post({ body: { text, outputType: "FourSeverityLevels" } });
      assertStatus(four, "200");
      for (const c of four.body.categoriesAnalysis) assert.ok([0, 2, 4, 6].includes(c.severity), JSON.stringify(c));
    }
  });

  it("analyze image: category filter, severities 0/2/4/6, plain image is Sexual 0", async () => {
    const content = makePng().toString("base64");
    const all = await client.path("/image:analyze").post({ body: { image: { content } } });
    assertStatus(all, "200");
    assert.deepEqual(all.body.categoriesAnalysis.map((c) => c.category), ALL);
    for (const c of all.body.categoriesAnalysis) assert.ok([0, 2, 4, 6].includes(c.severity), JSON.stringify(c));

    const response = await client.path("/image:analyze").post({ body: { image: { content }, categories: ["Sexual"] } });
    assertStatus(response, "200");
    assert.equal(response.body.categoriesAnalysis[0].category, "Sexual");
    assert.equal(response.body.categoriesAnalysis[0].severity, 0);
    assert.equal(response.body.categoriesAnalysis[1], undefined);
  });

  it("create blocklist: 201, then 200 on update", async () => {
    const response = await client.path("/text/blocklists/{blocklistName}", blocklistName).patch({
      contentType: "application/merge-patch+json",
      body: { description: "Test Blocklist" },
    });
    created.add(blocklistName);
    assertStatus(response, "201");
    assert.equal(isUnexpected(response), false);
    assert.equal(response.body.blocklistName, blocklistName);
    assert.equal(response.body.description, "Test Blocklist");

    const update = await client.path("/text/blocklists/{blocklistName}", blocklistName).patch({
      contentType: "application/merge-patch+json",
      body: { description: "Test Blocklist (updated)" },
    });
    assertStatus(update, "200");
    assert.equal(update.body.description, "Test Blocklist (updated)");
  });

  it("get blocklist", async () => {
    const response = await client.path("/text/blocklists/{blocklistName}", blocklistName).get();
    assertStatus(response, "200");
    assert.equal(response.body.blocklistName, blocklistName);
    assert.equal(response.body.description, "Test Blocklist (updated)");
  });

  it("list blocklists", async () => {
    const response = await client.path("/text/blocklists").get();
    assertStatus(response, "200");
    assert.ok(Array.isArray(response.body.value));
    const names = [];
    for await (const b of paginate(client, response)) names.push(b.blocklistName);
    assert.ok(names.includes(blocklistName), names.join(","));
  });

  let items;
  it("add blocklist items", async () => {
    const response = await client
      .path("/text/blocklists/{blocklistName}:addOrUpdateBlocklistItems", blocklistName)
      .post({
        body: {
          blocklistItems: [
            { description: "first", text: "zorblax" },
            { description: "second", text: "quuxwort" },
            { description: "third", text: "florpington" },
          ],
        },
      });
    assertStatus(response, "200");
    items = response.body.blocklistItems;
    assert.deepEqual(items.map((i) => i.text), ["zorblax", "quuxwort", "florpington"]);
    assert.deepEqual(items.map((i) => i.description), ["first", "second", "third"]);
    for (const i of items) assert.match(i.blocklistItemId, UUID_RE);
  });

  it("analyze text with blocklist", async () => {
    const response = await client.path("/text:analyze").post({
      body: { text: "I saw a ZORBLAX and a QuuxWort.", blocklistNames: [blocklistName], haltOnBlocklistHit: false },
    });
    assertStatus(response, "200");
    assert.ok(Array.isArray(response.body.blocklistsMatch));
    const matches = response.body.blocklistsMatch
      .map((m) => [m.blocklistName, m.blocklistItemId, m.blocklistItemText])
      .sort((a, b) => a[2].localeCompare(b[2]));
    assert.deepEqual(matches, [
      [blocklistName, items[1].blocklistItemId, "quuxwort"],
      [blocklistName, items[0].blocklistItemId, "zorblax"],
    ]);
    assert.deepEqual(response.body.categoriesAnalysis.map((c) => c.category), ALL);

    const halted = await client.path("/text:analyze").post({
      body: { text: "a zorblax", blocklistNames: [blocklistName], haltOnBlocklistHit: true },
    });
    assertStatus(halted, "200");
    assert.ok(Array.isArray(halted.body.blocklistsMatch));
    assert.equal(halted.body.blocklistsMatch.length, 1);
    assert.deepEqual(halted.body.categoriesAnalysis, []);
  });

  let unpaged;
  it("list blocklist items with pagination", async () => {
    const all = await client.path("/text/blocklists/{blocklistName}/blocklistItems", blocklistName).get();
    assertStatus(all, "200");
    unpaged = all.body.value.map((i) => i.blocklistItemId);
    assert.equal(unpaged.length, 3);
    assert.deepEqual([...unpaged].sort(), items.map((i) => i.blocklistItemId).sort());
    assert.equal(all.body.nextLink, undefined);

    const first = await client
      .path("/text/blocklists/{blocklistName}/blocklistItems", blocklistName)
      .get({ queryParameters: { top: 10, skip: 0, maxpagesize: 1 } });
    assertStatus(first, "200");
    assert.equal(first.body.value.length, 1);
    assert.equal(first.body.value[0].blocklistItemId, unpaged[0]);
    assert.ok(first.body.nextLink.includes("skip=1"), first.body.nextLink);
    assert.ok(first.body.nextLink.startsWith(`${endpoint}/contentsafety/`), first.body.nextLink);

    const second = await client
      .path("/text/blocklists/{blocklistName}/blocklistItems", blocklistName)
      .get({ queryParameters: { top: 10, skip: 1, maxpagesize: 1 } });
    assertStatus(second, "200");
    assert.equal(second.body.value.length, 1);
    assert.equal(second.body.value[0].blocklistItemId, unpaged[1]);
    assert.ok(second.body.nextLink.includes("skip=2"), second.body.nextLink);

    const whole = await client
      .path("/text/blocklists/{blocklistName}/blocklistItems", blocklistName)
      .get({ queryParameters: { top: 10, skip: 0, maxpagesize: 3 } });
    assertStatus(whole, "200");
    assert.equal(whole.body.value.length, 3);
    assert.equal(whole.body.nextLink, undefined);
    assert.equal("nextLink" in whole.body, false);

    // paginate() follows the absolute nextLinks with allowInsecureConnection and keeps the order
    const walked = [];
    for await (const i of paginate(client, first)) walked.push(i.blocklistItemId);
    assert.deepEqual(walked, unpaged);
  });

  it("get blocklist item", async () => {
    const response = await client
      .path("/text/blocklists/{blocklistName}/blocklistItems/{blocklistItemId}", blocklistName, items[0].blocklistItemId)
      .get();
    assertStatus(response, "200");
    assert.equal(response.body.blocklistItemId, items[0].blocklistItemId);
    assert.equal(response.body.text, "zorblax");
    assert.equal(response.body.description, "first");
  });

  it("remove blocklist items: 204, then no match", async () => {
    const response = await client
      .path("/text/blocklists/{blocklistName}:removeBlocklistItems", blocklistName)
      .post({ body: { blocklistItemIds: [items[0].blocklistItemId] } });
    assertStatus(response, "204");
    assert.equal(isUnexpected(response), false);

    const after = await client.path("/text:analyze").post({
      body: { text: "zorblax and quuxwort", blocklistNames: [blocklistName] },
    });
    assertStatus(after, "200");
    assert.deepEqual(after.body.blocklistsMatch.map((m) => m.blocklistItemText), ["quuxwort"]);

    const gone = await client
      .path("/text/blocklists/{blocklistName}/blocklistItems/{blocklistItemId}", blocklistName, items[0].blocklistItemId)
      .get();
    assertError(gone, "404", "ResourceNotFound");
  });

  it("delete blocklist: 204, then 404 ResourceNotFound", async () => {
    const response = await client.path("/text/blocklists/{blocklistName}", blocklistName).delete();
    assertStatus(response, "204");
    assert.equal(isUnexpected(response), false);
    created.delete(blocklistName);

    const missing = await client.path("/text/blocklists/{blocklistName}", blocklistName).get();
    assertError(missing, "404", "ResourceNotFound");
  });

  it("invalid blocklist name: 400 InvalidResourceName", async () => {
    const response = await client.path("/text/blocklists/{blocklistName}", "x".repeat(65)).get();
    assertError(response, "400", "InvalidResourceName");
  });

  it("invalid body: 400 InvalidRequestBody", async () => {
    const response = await client.path("/text:analyze").post({ body: { categories: ["Hate"] } });
    assertError(response, "400", "InvalidRequestBody");
  });

  it("wrong key: 401", async () => {
    const response = await newClient(`${key}-wrong`).path("/text:analyze").post({ body: { text: BENIGN } });
    assertError(response, "401");
  });

  it("unsupported api-version: 400 UnsupportedApiVersion", async () => {
    const response = await newClient(key, { apiVersion: "2019-01-01" })
      .path("/text:analyze")
      .post({ body: { text: BENIGN } });
    assertError(response, "400", "UnsupportedApiVersion");
  });

  it("api-version 2024-09-01: isRegex items are echoed and matched", async () => {
    const c = newClient(key, { apiVersion: "2024-09-01" });
    const name = `custos-js-${runId}-regex`;
    const create = await c.path("/text/blocklists/{blocklistName}", name).patch({
      contentType: "application/merge-patch+json",
      body: { description: "regex" },
    });
    created.add(name);
    assertStatus(create, "201");
    const pattern = "b[i1][a@][s\\$]";
    const add = await c.path("/text/blocklists/{blocklistName}:addOrUpdateBlocklistItems", name).post({
      body: { blocklistItems: [{ text: pattern, isRegex: true }, { text: "plainword" }] },
    });
    assertStatus(add, "200");
    assert.equal(add.body.blocklistItems[0].isRegex, true);
    assert.ok(!add.body.blocklistItems[1].isRegex);
    const hit = await c.path("/text:analyze").post({ body: { text: "So much B1@S.", blocklistNames: [name] } });
    assertStatus(hit, "200");
    assert.deepEqual(
      hit.body.blocklistsMatch.map((m) => [m.blocklistName, m.blocklistItemId, m.blocklistItemText]),
      [[name, add.body.blocklistItems[0].blocklistItemId, pattern]],
    );
    const del = await c.path("/text/blocklists/{blocklistName}", name).delete();
    assertStatus(del, "204");
    created.delete(name);
  });
});
