// node answer.cjs wasm_exec.js main.wasm < requests
//
// Runs the engine's wasm under Node as the page's worker does (wasm_exec.js,
// then sakura.estimate), answers one request per input line, one answer per
// output line, and writes its timings to stderr as JSON: compile and
// instantiate, Go's start-up (the runtime and every package's init, up to
// sakura.ready), and the first answer.
"use strict";
const fs = require("fs");
globalThis.require = require;
globalThis.fs = fs;
globalThis.path = require("path");
globalThis.TextEncoder = require("util").TextEncoder;
globalThis.TextDecoder = require("util").TextDecoder;
globalThis.crypto ??= require("crypto");
require(require("path").resolve(process.argv[2]));

(async () => {
	const requests = fs.readFileSync(0, "utf8").split("\n").filter((l) => l !== "");
	const bytes = fs.readFileSync(process.argv[3]);
	const t0 = performance.now();
	const go = new Go();
	const { instance } = await WebAssembly.instantiate(bytes, go.importObject);
	const t1 = performance.now();
	go.run(instance); // returns once main blocks in select {}
	if (!globalThis.sakura || globalThis.sakura.ready !== true) {
		throw new Error("sakura.ready is not set");
	}
	const t2 = performance.now();
	const answers = [];
	let first = 0;
	for (const r of requests) {
		answers.push(globalThis.sakura.estimate(r));
		if (!first) first = performance.now();
	}
	process.stderr.write(JSON.stringify({ instantiateMs: t1 - t0, goStartMs: t2 - t1, firstAnswerMs: first - t2 }) + "\n");
	// A pipe is written asynchronously: exit once the answers are out (Go's
	// select {} would keep Node waiting otherwise).
	process.stdout.write(answers.join("\n") + "\n", () => process.exit(0));
})().catch((err) => {
	console.error(err);
	process.exit(1);
});
