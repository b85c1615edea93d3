// The scenario in the URL fragment: "#s=" + base64url(deflate-raw(JSON)), or
// "#j=" + base64url(JSON) where CompressionStream is missing. Both decode
// anywhere, so a link opens the same estimate on another machine. Decoding
// never trusts the link: it stops inflating at the contract's 1 MB, and says
// what is wrong instead of opening something else. Pure: no DOM.
import { shapeProblem } from "./scenario-shape.js";

/** The contract's limit on a scenario (contract.md, "Limits"). */
export const MAX_SCENARIO_BYTES = 1 << 20;
// Base64 of a 1 MB document, with room: anything longer cannot be a scenario.
const MAX_FRAGMENT_CHARS = Math.ceil((MAX_SCENARIO_BYTES * 4) / 3) + 1024;

function toBase64url(bytes) {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(s) {
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function compress(bytes) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw")));
  return new Uint8Array(await out.arrayBuffer());
}

class TooLarge extends Error {}

// Inflates chunk by chunk and stops at limit, so a small link cannot make the
// page allocate gigabytes.
async function inflate(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The fragment (with "#") for a scenario. */
export async function encodeScenario(scenario) {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  if (typeof CompressionStream === "function") {
    try {
      return "#s=" + toBase64url(await compress(json));
    } catch {
      // Some engines list the class but not the format; the plain form still works.
    }
  }
  return "#j=" + toBase64url(json);
}

/**
 * What a fragment holds: null when it is not a scenario link at all, else
 * {scenario} or {problem}: {kind: "format" | "damaged" | "too-large" | "shape"
 * | "catalog", path?, want?, catalog?}. knownCatalog(id) says whether a
 * catalog id named by the link exists here.
 */
export async function decodeLink(hash, { knownCatalog = () => true, limit = MAX_SCENARIO_BYTES } = {}) {
  const m = /^#?([sj])=(.*)$/s.exec(hash ?? "");
  if (!m) return null;
  const [, form, body] = m;
  if (body.length > MAX_FRAGMENT_CHARS) return { problem: { kind: "too-large" } };
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return { problem: { kind: "format" } };
  let bytes;
  try {
    bytes = fromBase64url(body);
    if (form === "s") bytes = await inflate(bytes, limit);
  } catch (e) {
    return { problem: { kind: e instanceof TooLarge ? "too-large" : "damaged" } };
  }
  if (bytes.length > limit) return { problem: { kind: "too-large" } };
  let scenario;
  try {
    scenario = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return { problem: { kind: "damaged" } };
  }
  const shape = shapeProblem(scenario);
  if (shape) return { problem: { kind: "shape", ...shape } };
  if (typeof scenario.catalog === "string" && !knownCatalog(scenario.catalog)) {
    return { problem: { kind: "catalog", catalog: scenario.catalog } };
  }
  return { scenario };
}
