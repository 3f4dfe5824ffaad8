// A module Web Worker that owns the wasm. Messages in: { id, op, args }, where op is one of
// "summarize", "segment", "figures", "extractArticle"; out: { id, result } or { id, error }.
import init, * as nutshell from "./nutshell.js";

const ready = init();
const ops = {
  summarize: nutshell.summarize,
  segment: nutshell.segment,
  figures: nutshell.figures,
  extractArticle: nutshell.extractArticle,
};

self.onmessage = async ({ data: { id, op, args } }) => {
  try {
    await ready;
    const fn = ops[op];
    if (!fn) throw new Error(`unknown operation ${op}`);
    self.postMessage({ id, result: fn(...args) });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
};
