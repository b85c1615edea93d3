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
// A hidden tab renders no frames, and a busy machine may hold one back: the
// job then goes on after a task, or after 100 ms at most, rather than waiting
// for a frame that may not come (an estimate opened in a background tab).
export function nextFrame() {
  if (document.visibilityState === "hidden") return nextTask();
  return new Promise((resolve) => {
    let resumed = false;
    const resume = () => {
      if (resumed) return;
      resumed = true;
      setTimeout(resolve, 0);
    };
    requestAnimationFrame(resume);
    setTimeout(resume, 100);
  });
}

/**
 * Paces a long job: due() says when the current slice has run sliceMs;
 * take() then ends the task, and waits past a frame once frameMs of script
 * has run since the last one, so what the slices built is styled a frame's
 * worth at a time.
 */
export function slicer(sliceMs, frameMs) {
  let sliceStart = performance.now();
  let frameStart = sliceStart;
  return {
    due: () => performance.now() - sliceStart > sliceMs,
    async take() {
      if (performance.now() - frameStart > frameMs) {
        await nextFrame();
        frameStart = performance.now();
      } else {
        await nextTask();
      }
      sliceStart = performance.now();
    },
  };
}

