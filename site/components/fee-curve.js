// The month's fee against hours of use, asked of the engine so the chart draws
// exactly what it bills. The page hands over its engine client with
// useEngine(); without one (or an engine without the "feeCurve" request) the
// answer is null, and the comparison card goes without its chart.

const cache = new Map();
const CACHE_LIMIT = 64;
let engine = null;

/** engine: anything with call(doc) → Promise of the answer (engine-client.js). */
export function useEngine(client) {
  engine = client;
  cache.clear();
}

/**
 * prices: {hourly, daily, monthly} as the engine's strings or null; hours: the
 * month's hours. Resolves to [{hours, hourlyOnly, hourlyDaily, monthly, fee}] or null.
 */
export function feeCurve({ hourly, daily, monthly }, hours) {
  if (!engine) return Promise.resolve(null);
  const request = JSON.stringify({ request: "feeCurve", hourly, daily, monthly, hours });
  if (!cache.has(request)) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(request, ask(request));
  }
  return cache.get(request);
}

async function ask(request) {
  try {
    const answer = await engine.call(request);
    return Array.isArray(answer?.points) && answer.points.length > 0 ? answer.points : null;
  } catch {
    return null;
  }
}
