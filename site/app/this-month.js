// The month a new estimate starts in: the browser clock's, as the user reads
// a calendar (local time, not UTC).

/** The browser clock's month, "YYYY-MM". */
export function thisMonth() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}
