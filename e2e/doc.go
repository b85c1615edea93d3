//go:build e2e

// Package e2e drives the estimator page in headless Chromium, as a user
// would: it types into fields, picks from lists and clicks, then reads the
// figures the page shows. The page and these tests agree on the element ids
// in testids.md; figures are compared on the engine's raw strings (each money
// cell's data-value), never on formatted text, except where the formatting is
// what a test checks.
//
// The tests carry the build tag e2e, so go test ./... on a fresh clone needs
// neither a browser nor a built page. Run them with
//
//	make test-e2e
//
// or, after make wasm, go test -tags e2e -count=1 ./e2e/.
//
// # Environment
//
//   - CHROMIUM: the browser to run (default /usr/bin/chromium, Debian's).
//   - E2E_TIMEOUT: how long one test's tab may live (a Go duration, default 60s).
//
// # Harness
//
// TestMain serves site/ with the same handler as scripts/serve and starts one
// Chromium. Each test opens its own tab in its own browser context (no shared
// localStorage), so the tests run in parallel. A tab fails its test on any
// uncaught exception or console.error, and every wait is a poll in the page
// with a bounded timeout, never a sleep. A screenshot of each tab's final page
// is saved to e2e/screenshots/ (ignored by git); a failing test prints its
// path.
package e2e
