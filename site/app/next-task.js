// Ends the current task so the browser can paint and handle input before the
// rest of a long job (building 500 form rows, rendering the results) goes on.
// scheduler.yield() resumes ahead of other queued work where it exists.
export function nextTask() {
  return new Promise((resolve) => (globalThis.scheduler?.yield ? scheduler.yield().then(resolve) : setTimeout(resolve, 0)));
}

// Ends the current task and waits past the next frame's rendering, so the
// style and layout of what was just built are paid there, not piled up with
// the next part's: scheduler.yield() alone resumes before the frame, and five
// result components at 500 resources restyled in one frame took over 100 ms.
export function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
