// The wasm benchmark itself, shared by node (node.mjs) and Chromium (worker.mjs): times
// `summarize` — the same call the page makes — on the generated inputs and on a JSONL file
// of articles. `now` is the clock (performance.now), `memoryBytes` the wasm linear memory.

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
}

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
}

/**
 * How long the runs of one input (or the passes over the articles) are spread over. The
 * host's speed changes in phases of a second or so (per-call times double in a slow one),
 * and 1,000 runs of a 1,000-word article took only 0.2 s: a median over that short a window
 * was the phase it fell in. Over two seconds it is the time of most of them.
 */
const SPREAD_MS = 2000;

/** Runs `fn` until `minMs` have passed (at least `minRuns`, at most `maxRuns` times). */
function timeRuns(fn, now, { minMs = SPREAD_MS, minRuns = 3, maxRuns = 20_000 } = {}) {
  const times = [];
  const started = now();
  while (times.length < maxRuns && (times.length < minRuns || now() - started < minMs)) {
    const t0 = now();
    fn();
    times.push(now() - t0);
  }
  return times;
}

/**
 * Runs `fn` for `ms` before it is timed. V8 compiles a wasm function in a fast baseline tier
 * first and optimises the hot ones in the background; one warm-up call left the first of
 * the timed runs in baseline code (measured in Chromium on the 1,000-word article: a median
 * of 0.89 ms over the first second after one call, 0.52–0.57 ms over each of the next four).
 */
function warmUp(fn, now, ms) {
  const started = now();
  do fn();
  while (now() - started < ms);
}

/** The smallest step the clock shows (Chromium: 0.1 ms, or 5 µs when cross-origin isolated). */
function clockStep(now) {
  let step = Infinity;
  for (let i = 0; i < 20; i++) {
    const t0 = now();
    let t1 = now();
    while (t1 === t0) t1 = now();
    step = Math.min(step, t1 - t0);
  }
  return step;
}

export function runSuite({ summarize, memoryBytes }, inputs, articles, now) {
  const bytesOf = (s) => new TextEncoder().encode(s).length;
  const results = { inputs: [], articles: null, clockStepMs: clockStep(now) };
  for (const { name, text } of inputs) {
    const big = text.length > 2_000_000;
    // Warm up (optimised code, grown memory): half a second, or one call of a big input.
    warmUp(() => summarize(text, {}), now, big ? 0 : 500);
    const times = timeRuns(() => summarize(text, {}), now, big ? { minRuns: 3, maxRuns: 3 } : {});
    const ms = median(times);
    const bytes = bytesOf(text);
    results.inputs.push({ name, bytes, runs: times.length, ms, mbPerS: bytes / 1e6 / (ms / 1e3) });
  }
  results.memoryBytes = memoryBytes();
  if (articles && articles.length) {
    // Warm up on every article once, so that each code path is optimised before it is timed.
    for (const a of articles) summarize(a, {});
    // Then time passes over all of them for `SPREAD_MS` (at least one).
    const times = [];
    let passes = 0;
    const started = now();
    do {
      for (const a of articles) {
        const t0 = now();
        summarize(a, {});
        times.push(now() - t0);
      }
      passes += 1;
    } while (now() - started < SPREAD_MS);
    const bytes = passes * articles.reduce((n, a) => n + bytesOf(a), 0);
    const total = times.reduce((x, y) => x + y, 0);
    results.articles = {
      count: articles.length,
      passes,
      medianMs: median(times),
      p99Ms: percentile(times, 99),
      maxMs: Math.max(...times),
      mbPerS: bytes / 1e6 / (total / 1e3),
    };
  }
  return results;
}

/** Reads `{"article"|"text": …}` lines. */
export function parseArticles(jsonl) {
  return jsonl
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const o = JSON.parse(l);
      return o.article ?? o.text;
    })
    .filter((t) => typeof t === "string");
}
