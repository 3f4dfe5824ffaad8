// The npm package, as a user installs it: `npm pack target/npm`, install the tarball into a
// fresh project, summarize an article from node through the package's own entry points, and
// type-check a TypeScript program against its declarations with `tsc --strict`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ARTICLE, ROOT } from "./helpers.mjs";

const NODE_PROGRAM = `
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { summarize, figures, segment, defaultOptions } from "nutshell/node";
import * as web from "nutshell";

const text = readFileSync(process.argv[2], "utf8");
const result = summarize(text, { sentences: 3 });
assert.equal(result.summary.length, 3);
const order = result.summary.map((s) => s.index);
assert.deepEqual(order, [...order].sort((a, b) => a - b), "document order");
for (const s of result.summary) assert.equal(text.slice(s.start, s.end), s.text);
const money = figures(text).facts.find((f) => f.text === "$800 billion");
assert.equal(money.value, 800000000000);
assert.equal(money.unit, "USD");
assert.ok(segment(text).sentences.length > 5);
assert.equal(defaultOptions().sentences, 3);
assert.throws(() => summarize(text, { ratio: 2 }), /ratio/);
// The browser entry works in node too, with initSync and the package's wasm bytes.
const require = createRequire(import.meta.url);
const wasmPath = require.resolve("nutshell/nutshell_bg.wasm");
web.initSync({ module: readFileSync(wasmPath) });
assert.equal(web.summarize(text, { preset: "headline" }).summary.length, 1);
console.log("npm package OK:", result.summary[0].text.slice(0, 60));
`;

const TS_PROGRAM = `
import { summarize, type Fact, type Options, type SummaryResult } from "nutshell/node";
import { createSummarizer, type Summarizer } from "nutshell/client";

const options: Options = { words: 80, title: "A title" };
const result: SummaryResult = summarize("The council met. It voted 7-2.", options);
const first: number = result.summary[0].start;
const money: Fact | undefined = result.facts.find((f) => f.kind === "money");
const unit: string | null | undefined = money?.unit;
const parts: number = result.sentences[0].parts.position;
// @ts-expect-error: presets are a closed set
summarize("text", { preset: "very-long" });
// @ts-expect-error: counts are numbers
summarize("text", { sentences: "3" });
// @ts-expect-error: there is no such field on a fact
result.facts[0].currency;
declare const worker: Summarizer;
const later: Promise<SummaryResult> = worker.summarize("text");
void [first, unit, parts, later, createSummarizer];
`;

test("the npm package installs and works in node, with strict TypeScript types", () => {
  const work = mkdtempSync(join(tmpdir(), "nutshell-npm-"));
  try {
    const packed = execFileSync("npm", ["pack", join(ROOT, "target", "npm"), "--pack-destination", work], {
      encoding: "utf8",
    }).trim().split("\n").pop();
    const app = join(work, "app");
    execFileSync("mkdir", ["-p", app]);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", join(work, packed)], { cwd: app });
    const manifest = JSON.parse(readFileSync(join(app, "node_modules", "nutshell", "package.json"), "utf8"));
    assert.equal(manifest.name, "nutshell");
    assert.equal(manifest.type, "module");
    assert.ok(manifest.exports["."].types && manifest.files.includes("nutshell_bg.wasm"));

    writeFileSync(join(app, "main.mjs"), NODE_PROGRAM);
    writeFileSync(join(app, "article.txt"), ARTICLE);
    const out = execFileSync("node", ["main.mjs", "article.txt"], { cwd: app, encoding: "utf8" });
    assert.match(out, /npm package OK/);

    writeFileSync(join(app, "example.ts"), TS_PROGRAM);
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true, noEmit: true, target: "es2022", module: "nodenext",
          moduleResolution: "nodenext", lib: ["es2022", "dom"], types: [], skipLibCheck: false,
        },
        files: ["example.ts"],
      }),
    );
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    execFileSync("node", [tsc, "-p", app], { cwd: app, encoding: "utf8" });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
