// The month's fee against hours of use, asked of the engine so the chart draws
// exactly what it bills. An engine without the "feeCurve" request (or no
// engine yet) gives null, and the comparison card goes without its chart.

const cache = new Map();
const CACHE_LIMIT = 64;

/**
 * prices: {hourly, daily, monthly} as the engine's strings or null; hours: the
 * month's hours. Returns [{hours, hourlyOnly, hourlyDaily, monthly, fee}] or null.
 */
export function feeCurve({ hourly, daily, monthly }, hours) {
  const engine = globalThis.sakura?.estimate;
  if (typeof engine !== "function") return null;
  const request = JSON.stringify({ request: "feeCurve", hourly, daily, monthly, hours });
  if (!cache.has(request)) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(request, ask(engine, request));
  }
  return cache.get(request);
}

function ask(engine, request) {
  try {
    const answer = JSON.parse(engine(request));
    return Array.isArray(answer?.points) && answer.points.length > 0 ? answer.points : null;
  } catch {
    return null;
  }
}
