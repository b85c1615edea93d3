// A comparison in a link: "#c=" and the stored comparison (compare-rules.js),
// deflated when the browser can, in base64url. Opening such a link replaces
// the comparison; the form keeps what it had.
import { readCompare, writeCompare } from "./compare-rules.js";

const b64url = (bytes) => btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
const unb64url = (s) => Uint8Array.from(atob(s.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0));

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** The link's fragment for a comparison. */
export async function encodeCompare(c) {
  const json = new TextEncoder().encode(writeCompare(c));
  if (typeof CompressionStream === "function") {
    try {
      return "#c=z" + b64url(await pipe(json, new CompressionStream("deflate-raw")));
    } catch {
      // fall through to the plain form
    }
  }
  return "#c=p" + b64url(json);
}

/** The comparison a fragment holds, or null when it holds none (or a damaged one). */
export async function decodeCompare(hash) {
  const m = /^#c=([zp])([A-Za-z0-9_-]*)$/.exec(hash ?? "");
  if (!m) return null;
  try {
    let bytes = unb64url(m[2]);
    if (m[1] === "z") bytes = await pipe(bytes, new DecompressionStream("deflate-raw"));
    const c = readCompare(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    return c.entries.length || c.current ? c : null;
  } catch {
    return null;
  }
}
