// Ends the current task so the browser can paint and handle input before the
// rest of a long job (building 500 form rows, rendering the results) goes on.
// scheduler.yield() resumes ahead of other queued work where it exists.
export function nextTask() {
  return new Promise((resolve) => (globalThis.scheduler?.yield ? scheduler.yield().then(resolve) : setTimeout(resolve, 0)));
}
