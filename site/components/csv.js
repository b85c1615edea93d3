// CSV text per RFC 4180: CRLF line ends; a field holding a comma, a quote or a
// line break is quoted, with its quotes doubled.

function field(value) {
  const s = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** rows: arrays of fields, the header first. */
export function toCSV(rows) {
  return rows.map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}
