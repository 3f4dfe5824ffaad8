// Node entry: instantiates the wasm synchronously from the package's own file, then
// re-exports the API. `import { summarize } from "nutshell/node"` and call it.
import { readFileSync } from "node:fs";
import { initSync } from "./nutshell.js";

initSync({ module: readFileSync(new URL("./nutshell_bg.wasm", import.meta.url)) });

export * from "./nutshell.js";
