// The start-up floor of this machine (tests/e2e/README.md): a classic script at the top of
// <head>, like the page's boot.js, starts an empty module worker, like the page's worker,
// and marks when the worker's first message arrives. The page cannot show a summary
// computed in its worker before that.
"use strict";
performance.mark("floor:script");
const worker = new Worker("floor-worker.js", { type: "module" });
worker.onmessage = () => performance.mark("floor:worker-message");
