// The scenario in the URL fragment: "#s=" + base64url(deflate-raw(JSON)), or
// "#j=" + base64url(JSON) where CompressionStream is missing. Both decode
// anywhere, so a link opens the same estimate on another machine.

function toBase64url(bytes) {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(s) {
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** The fragment (with "#") for a scenario. */
export async function encodeScenario(scenario) {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  if (typeof CompressionStream === "function") {
    try {
      return "#s=" + toBase64url(await pipe(json, new CompressionStream("deflate-raw")));
    } catch {
      // Some engines list the class but not the format; the plain form still works.
    }
  }
  return "#j=" + toBase64url(json);
}

/** The scenario a fragment holds, or null when it holds none (or is damaged). */
export async function decodeScenario(hash) {
  const m = /^#?([sj])=([A-Za-z0-9_-]+)/.exec(hash ?? "");
  if (!m) return null;
  try {
    let bytes = fromBase64url(m[2]);
    if (m[1] === "s") bytes = await pipe(bytes, new DecompressionStream("deflate-raw"));
    const s = JSON.parse(new TextDecoder().decode(bytes));
    return s && typeof s === "object" && !Array.isArray(s) ? s : null;
  } catch {
    return null;
  }
}
