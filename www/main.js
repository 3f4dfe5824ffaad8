// The nutshell page: DOM only. The summarizer itself runs in a module Web Worker
// (worker.js, bundled into pkg/worker.js, which owns the WebAssembly); this file sends it
// the text and options and draws what comes back. boot.js has already started that worker
// (which with ?sample starts the first summary on its own), the wasm compile and the
// sample's download before this file runs; the engine takes them over.
//
// Sections: engine (worker requests with ids; only the newest answer is drawn; a crashed
// or stuck worker is replaced), options (controls <-> URL), renderers (one per result
// region; all article text goes in as text nodes, never parsed as markup), source view
// (highlights and jumps; built in slices), export (clipboard, downloads), input (paste,
// drop, sample), wiring.

import { SCALES, lengthFromQuery, lengthOptions } from "./options.js";

performance.mark("nutshell:main");

const DEBOUNCE_MS = 150;
/** Rows drawn in the figures table before "Show all" (a 1 MB text can have thousands). */
const FIGURE_ROWS = 300;
/** Files larger than this are refused (the core's own default limit is 50 MiB). */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

const $ = (id) => document.getElementById(id);
const elements = {
  article: $("article"),
  dropzone: $("dropzone"),
  sample: $("sample"),
  notice: $("notice"),
  mode: $("length-mode"),
  length: $("length"),
  lengthRow: $("length-row"),
  lengthValue: $("length-value"),
  status: $("status"),
  summary: $("summary"),
  summaryList: $("summary-list"),
  figures: $("figures"),
  figuresBody: document.querySelector("#figures-table tbody"),
  figuresMore: $("figures-more"),
  sortOrder: $("sort-order"),
  sortKind: $("sort-kind"),
  keyphrases: $("keyphrases"),
  keyphraseList: $("keyphrase-list"),
  source: $("source"),
  sourceText: $("source-text"),
  copyText: $("copy-text"),
  copyMarkdown: $("copy-markdown"),
  downloadJson: $("download-json"),
  downloadMarkdown: $("download-markdown"),
};

// ---------------------------------------------------------------------------------------
// Engine: requests to the worker, with ids; answers to superseded requests are dropped.
// If the worker dies (an uncaught error, or a wasm trap reported as `fatal`) or stops
// answering (the watchdog), it is replaced by a fresh one — instantiated from the module
// already compiled, so that takes milliseconds — and the waiting request fails with a
// WorkerCrash (WorkerTimeout for the watchdog).

/** What `request` resolves to when a newer request was sent before the answer came. */
const STALE = Symbol("stale");

class WorkerCrash extends Error {}
class WorkerTimeout extends WorkerCrash {}

/**
 * The watchdog: how long the worker may take to answer before it is presumed stuck and
 * replaced. Generous: the core does a megabyte in about a second on a slow machine, and
 * the first request also waits for the wasm to load.
 */
const WATCHDOG_BASE_MS = 15_000;
const WATCHDOG_MS_PER_KB = 20;

function watchdogLimit(chars) {
  return WATCHDOG_BASE_MS + Math.ceil(chars / 1024) * WATCHDOG_MS_PER_KB;
}

function createEngine(boot) {
  const pending = new Map();
  /** Sizes of the requests the worker has not answered yet (stale ones included). */
  const unanswered = new Map();
  let lastId = 0;
  let worker = null;
  let watchdog = 0;
  // Whether the current worker, or any before it, ever answered. A worker that fails
  // before any ever did cannot load at all, and replacing it would fail the same way.
  let alive = false;
  let everAlive = false;
  // The compiled module, shared by every worker this page starts (instantiating it takes
  // a millisecond). Without boot.js, or if it could not compile, each worker loads its own.
  const wasm = boot?.wasm ?? Promise.reject(new Error("boot.js did not run"));
  wasm.catch(() => {});
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });

  function onMessage({ data }) {
    if (!everAlive) performance.mark("nutshell:worker-ready");
    alive = everAlive = true;
    if (data.loaded) {
      markLoaded(data.loaded);
      return resolveReady();
    }
    if (data.failed) return rejectReady(new Error(`the summarizer could not start: ${data.failed}`));
    unanswered.delete(data.id);
    armWatchdog();
    if (data.fatal) return crash(new WorkerCrash(`the summarizer stopped (${data.error})`));
    // For the start-up timing: the first summary was the one the worker began early.
    if (data.early) performance.mark("nutshell:early-answer");
    const waiter = pending.get(data.id);
    if (!waiter) return;
    pending.delete(data.id);
    if (data.id !== lastId) waiter.resolve(STALE);
    else if ("error" in data) waiter.reject(new Error(data.error));
    else waiter.resolve(data.result);
  }

  function onError(event) {
    event.preventDefault();
    // Replace it if it died on a request; a fresh worker failing with nothing to do
    // is not restarted (that could loop).
    if (everAlive && (alive || pending.size > 0)) {
      return crash(new WorkerCrash(`the summarizer stopped (${event.message || "worker error"})`));
    }
    const error = new Error(`the summarizer could not start: ${event.message || "worker error"}`);
    rejectReady(error);
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  }

  function start() {
    alive = false;
    if (boot && !worker) {
      worker = boot.adopt(onMessage, onError);
      return;
    }
    worker = new Worker(new URL("./pkg/worker.js", import.meta.url), { type: "module" });
    worker.addEventListener("message", onMessage);
    worker.addEventListener("error", onError);
    const started = worker;
    wasm.then(
      (module) => started.postMessage({ op: "init", module }),
      () => started.postMessage({ op: "init", module: null }),
    );
  }

  /** Puts the worker's start-up in this page's timeline (the cold-start test reads it). */
  function markLoaded({ timeOrigin, initStarted, initEnded }) {
    const offset = timeOrigin - performance.timeOrigin;
    performance.mark("nutshell:worker-created", { startTime: offset });
    performance.measure("nutshell:wasm-init", { start: offset + initStarted, end: offset + initEnded });
  }

  /**
   * (Re)starts the watchdog for what the worker still owes: it must answer within the
   * limit for all the text it has been sent and not answered (it works through requests
   * in order, superseded ones included). Nothing owed, no watchdog.
   */
  function armWatchdog() {
    clearTimeout(watchdog);
    if (unanswered.size === 0) return;
    let chars = 0;
    for (const size of unanswered.values()) chars += size;
    const limit = watchdogLimit(chars);
    watchdog = setTimeout(() => {
      const seconds = Math.round(limit / 1000);
      crash(new WorkerTimeout(`the summarizer did not answer within ${seconds} s`));
    }, limit);
  }

  function crash(error) {
    clearTimeout(watchdog);
    unanswered.clear();
    worker.terminate();
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
    start();
  }

  start();
  return {
    /** Resolves once the wasm has loaded in the first worker; rejects if it cannot. */
    ready,
    /** Sends `op` for `text`; resolves to the result, or STALE if a newer request exists. */
    request(op, text, options) {
      const id = ++lastId;
      for (const [oldId, waiter] of pending) {
        pending.delete(oldId);
        waiter.resolve(STALE);
      }
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        unanswered.set(id, text?.length ?? 0);
        armWatchdog();
        worker.postMessage({ id, op, text, options });
      });
    },
  };
}

// ---------------------------------------------------------------------------------------
// Options: the length control, mirrored in the URL (?sentences=3, ?percent=20, ?words=100,
// ?preset=headline) so that a setting can be bookmarked or shared.

/** The value last chosen for each scale, so switching scales back and forth keeps it. */
const chosen = Object.fromEntries(Object.entries(SCALES).map(([mode, s]) => [mode, s.initial]));

/** Reads ?sentences / ?percent / ?words / ?preset (see options.js) into the controls. */
function optionsFromUrl() {
  const { mode, value } = lengthFromQuery(location.search);
  if (SCALES[mode]) chosen[mode] = value;
  setMode(mode);
}

function setMode(mode) {
  elements.mode.value = mode;
  const scale = SCALES[mode];
  elements.lengthRow.hidden = !scale;
  if (scale) {
    elements.length.min = String(scale.min);
    elements.length.max = String(scale.max);
    elements.length.step = String(scale.step);
    elements.length.value = String(chosen[mode]);
  }
  updateLengthLabel();
}

function updateLengthLabel() {
  const mode = elements.mode.value;
  const scale = SCALES[mode];
  if (!scale) return;
  const n = Number(elements.length.value);
  const text = scale.unit === "percent" ? `${n}% of the sentences` : plural(n, scale.unit);
  elements.lengthValue.textContent = text;
  elements.length.setAttribute("aria-valuetext", text);
}

/** The options object the wasm API takes (built by options.js, as the worker's are). */
function readOptions() {
  return lengthOptions(elements.mode.value, Number(elements.length.value), state.title);
}

/** Writes the length setting into the URL (replaceState: no history entry per step). */
function writeUrl() {
  const params = new URLSearchParams(location.search);
  for (const key of [...Object.keys(SCALES), "preset"]) params.delete(key);
  const mode = elements.mode.value;
  if (SCALES[mode]) params.set(mode, elements.length.value);
  else params.set("preset", mode);
  if (state.isSample) {
    if (!params.has("sample")) params.set("sample", "");
  } else params.delete("sample");
  const query = params.toString().replace(/=(?=&|$)/g, "");
  history.replaceState(null, "", `${location.pathname}?${query}${location.hash}`);
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// ---------------------------------------------------------------------------------------
// Renderers: one per region. Article text is only ever inserted as text.

/** Creates an element with optional class and text (as textContent). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Shows a region's list/table when it has items, its "empty" hint otherwise. */
function setEmpty(region, isEmpty) {
  region.classList.toggle("is-empty", isEmpty);
}

/** What each score part means, in the order shown. */
const PART_LABELS = [
  ["position", "Position", "early sentences of a news story carry its lead"],
  ["centrality", "Echoed later", "later sentences repeat its words (negative: it repeats earlier ones)"],
  ["graph", "Connectedness", "similar to many other sentences"],
  ["coverage", "Coverage", "similar to the article as a whole"],
  ["title", "Title match", "shares words with the headline"],
  ["figures", "Figures", "contains key figures"],
  ["entities", "Names", "mentions people, places and organisations"],
  ["length", "Length", "short sentences gain a little, run-ons lose"],
  ["boilerplate", "Boilerplate", "penalty for page furniture, questions and bare quotes"],
  ["redundancy", "Redundancy", "similarity to a sentence already chosen"],
];

function renderWhy(sentence) {
  const details = el("details", "why");
  details.append(el("summary", "why-toggle", "Why this sentence?"));
  const table = el("table", "why-table");
  table.append(el("caption", "visually-hidden", `Score parts of sentence ${sentence.index + 1}`));
  const body = el("tbody");
  const parts = sentence.parts ?? {};
  for (const [key, label, help] of PART_LABELS) {
    if (typeof parts[key] !== "number") continue;
    const value = parts[key];
    const row = el("tr");
    const name = el("th", null, label);
    name.scope = "row";
    name.title = help;
    const bar = el("span", `why-bar${value < 0 ? " is-negative" : ""}`);
    bar.style.width = `${Math.min(100, Math.abs(value) * 100)}%`;
    const barCell = el("td", "why-bar-cell");
    barCell.setAttribute("aria-hidden", "true");
    barCell.append(bar);
    row.append(name, el("td", "why-value", value.toFixed(2)), barCell, el("td", "why-help", help));
    body.append(row);
  }
  const total = el("tr", "why-total");
  const totalName = el("th", null, "Score");
  totalName.scope = "row";
  total.append(totalName, el("td", "why-value", sentence.score.toFixed(2)), el("td"), el("td", "why-help", `sentence ${sentence.index + 1} of the article`));
  body.append(total);
  table.append(body);
  details.append(table);
  return details;
}

function renderSummary(result) {
  const items = result ? result.summary : [];
  elements.summaryList.replaceChildren(
    ...items.map((sentence) => {
      const li = el("li", "summary-item");
      const jump = el("button", "summary-text jump", sentence.text);
      jump.type = "button";
      jump.dataset.target = `s${sentence.index}`;
      jump.title = "Show in the source";
      li.append(jump, renderWhy(sentence));
      return li;
    }),
  );
  setEmpty(elements.summary, items.length === 0);
}

/**
 * A number as en-US text with at most 6 decimals, like Intl.NumberFormat("en-US",
 * {maximumFractionDigits: 6}) — 1234567.5 → "1,234,567.5" — but by hand: creating a
 * formatter costs 25–60 ms in a fresh page. Works on the shortest decimal form of the
 * number (what String gives) and rounds half away from zero, as Intl does.
 */
function formatNumber(value) {
  if (typeof value !== "number" || !Number.isFinite(value)) return String(value);
  const [whole, fraction] = roundDecimals(plainDecimal(Math.abs(value)), 6);
  const decimals = fraction.replace(/0+$/, "");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = value < 0 ? "-" : "";
  return sign + grouped + (decimals ? `.${decimals}` : "");
}

/** `n` (≥ 0) in decimal without an exponent: 1.5e-7 → "0.00000015", 1e21 → "1000…0". */
function plainDecimal(n) {
  const text = String(n);
  if (!text.includes("e")) return text;
  const [mantissa, exponent] = text.split("e");
  const [lead, rest = ""] = mantissa.split(".");
  const digits = lead + rest;
  const point = lead.length + Number(exponent);
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Rounds a plain decimal string to `places` decimals (half up); returns [whole, fraction]. */
function roundDecimals(text, places) {
  const [whole, fraction = ""] = text.split(".");
  if (fraction.length <= places) return [whole, fraction];
  let digits = whole + fraction.slice(0, places);
  if (fraction[places] >= "5") {
    const carried = digits.split("");
    let i = carried.length - 1;
    for (; i >= 0 && carried[i] === "9"; i--) carried[i] = "0";
    if (i >= 0) carried[i] = String(Number(carried[i]) + 1);
    digits = (i < 0 ? "1" : "") + carried.join("");
  }
  return [digits.slice(0, digits.length - places), digits.slice(digits.length - places)];
}

/** A figure's normalized value with its unit: "800,000,000,000 USD", "40%", "3.5 m". */
function formatValue(fact) {
  if (fact.value === null || fact.value === undefined) return "—";
  let text = Array.isArray(fact.value)
    ? fact.value.map(formatNumber).join(" – ")
    : formatNumber(fact.value);
  if (fact.unit === "%") text += "%";
  else if (fact.unit) text += ` ${fact.unit}`;
  return text;
}

/** "approximate", "at least", "at most", or both. */
function formatQualifier(fact) {
  const words = [];
  if (fact.approximate) words.push("approximate");
  if (fact.bound === "min") words.push("at least");
  else if (fact.bound === "max") words.push("at most");
  return words.join(", ");
}

let figureSort = "order";
let showAllFigures = false;

function sortedFacts(facts) {
  const numbered = facts.map((fact, i) => ({ fact, order: i + 1 }));
  if (figureSort === "kind") {
    numbered.sort((a, b) => a.fact.kind.localeCompare(b.fact.kind) || a.order - b.order);
  }
  return numbered;
}

function renderFigures(result) {
  const facts = result ? result.facts : [];
  const rows = sortedFacts(facts);
  const shown = showAllFigures ? rows : rows.slice(0, FIGURE_ROWS);
  elements.figuresBody.replaceChildren(
    ...shown.map(({ fact, order }) => {
      const row = el("tr");
      row.dataset.kind = fact.kind;
      const jump = el("button", "jump figure-jump", fact.text);
      jump.type = "button";
      jump.dataset.target = `f${order - 1}`;
      jump.title = "Show in the source";
      const figure = el("td", "figure-text");
      figure.append(jump);
      row.append(
        el("td", "figure-order", String(order)),
        figure,
        el("td", "figure-kind", fact.kind),
        el("td", "figure-value", formatValue(fact)),
        el("td", "figure-qualifier", formatQualifier(fact)),
        el("td", "figure-counted", fact.counted ?? ""),
      );
      return row;
    }),
  );
  elements.figuresMore.hidden = shown.length === rows.length;
  if (shown.length < rows.length) {
    const button = el("button", "button-link", `Show all ${formatNumber(rows.length)}`);
    button.type = "button";
    button.addEventListener("click", () => {
      showAllFigures = true;
      renderFigures(state.result);
    });
    elements.figuresMore.replaceChildren(`Showing ${shown.length} of ${rows.length} figures. `, button);
  }
  setEmpty(elements.figures, facts.length === 0);
  for (const [button, key] of [[elements.sortOrder, "order"], [elements.sortKind, "kind"]]) {
    button.closest("th").setAttribute("aria-sort", figureSort === key ? "ascending" : "none");
  }
}

function renderKeyphrases(result) {
  const phrases = result ? result.keyphrases : [];
  const top = phrases.reduce((max, p) => Math.max(max, p.weight), 0) || 1;
  elements.keyphraseList.replaceChildren(
    ...phrases.map((phrase) => {
      const li = el("li", "keyphrase");
      li.append(el("span", "keyphrase-text", phrase.text), " ");
      const weight = el("span", "keyphrase-weight", phrase.weight.toFixed(2));
      weight.title = `weight ${phrase.weight.toFixed(3)}, ${plural(phrase.count, "occurrence")}`;
      li.append(weight);
      li.style.setProperty("--strength", String(Math.max(0.25, phrase.weight / top)));
      return li;
    }),
  );
  setEmpty(elements.keyphrases, phrases.length === 0);
}

// ---------------------------------------------------------------------------------------
// Source view: the article as text nodes, each sentence a span (a <mark> when it is in the
// summary), each figure a span inside it. Offsets are UTF-16, like JS string indices.

/** Appends text[start, end) to `parent`, with the facts that lie inside it as spans. */
function appendWithFacts(parent, text, start, end, facts, cursor) {
  let at = start;
  while (cursor.i < facts.length && facts[cursor.i].start < end) {
    const fact = facts[cursor.i];
    const index = cursor.i++;
    if (fact.start < at || fact.end > end) continue; // crosses a boundary: leave unmarked
    if (fact.start > at) parent.append(text.slice(at, fact.start));
    const span = el("span", "figure-mark", text.slice(fact.start, fact.end));
    span.id = `f${index}`;
    span.dataset.kind = fact.kind;
    parent.append(span);
    at = fact.end;
  }
  if (end > at) parent.append(text.slice(at, end));
}

/**
 * The source is cut into blocks of about SOURCE_CHUNK characters, each ending just after a
 * line break between sentences (so the text reads the same); the style sheet gives each block
 * `content-visibility: auto`, so a megabyte of text only lays out the blocks in view.
 */
const SOURCE_CHUNK = 8000;
/**
 * The source is built in slices of at most this many milliseconds, one per task, so that
 * a megabyte of text (tens of thousands of nodes) never holds the main thread for long:
 * typing, scrolling and painting go on between slices.
 */
const SOURCE_SLICE_MS = 8;

/**
 * Builds the source view into `container`, sentence by sentence, appending each block as
 * soon as it starts (so the text appears from the top down); yields after every sentence
 * so the caller can stop at its time budget.
 */
function* buildSource(container, result, text) {
  const { facts, sentences } = result;
  const cursor = { i: 0 };
  const newChunk = () => container.appendChild(el("div", "source-chunk"));
  let chunk = newChunk();
  let chunkStart = 0;
  const appendGap = (start, end) => {
    if (start >= end) return;
    const newline = start - chunkStart >= SOURCE_CHUNK ? text.slice(start, end).indexOf("\n") : -1;
    if (newline === -1) return appendWithFacts(chunk, text, start, end, facts, cursor);
    const cut = start + newline + 1;
    appendWithFacts(chunk, text, start, cut, facts, cursor);
    chunk = newChunk();
    chunkStart = cut;
    appendWithFacts(chunk, text, cut, end, facts, cursor);
  };
  let at = 0;
  for (const sentence of sentences) {
    if (sentence.start < at) continue;
    appendGap(at, sentence.start);
    const span = el(sentence.selected ? "mark" : "span", "source-sentence");
    span.id = `s${sentence.index}`;
    appendWithFacts(span, text, sentence.start, sentence.end, facts, cursor);
    chunk.append(span);
    at = sentence.end;
    yield;
  }
  appendGap(at, text.length);
}

/** The source view being built, if it is not finished: {steps, timer}. */
let sourceJob = null;

function renderSource(result, text) {
  cancelSource();
  elements.sourceText.replaceChildren();
  setEmpty(elements.source, !result);
  if (!result) return markComplete();
  sourceJob = { steps: buildSource(elements.sourceText, result, text), timer: 0 };
  elements.sourceText.setAttribute("aria-busy", "true");
  continueSource();
}

/** Builds the next slice of the source view; schedules the one after, or finishes. */
function continueSource() {
  const job = sourceJob;
  const deadline = performance.now() + SOURCE_SLICE_MS;
  let n = 0;
  while (!job.steps.next().done) {
    // Reading the clock costs more than a sentence does: look every 16.
    if (++n % 16 === 0 && performance.now() > deadline) {
      job.timer = setTimeout(continueSource, 0);
      return;
    }
  }
  finishSource();
}

/** Builds the rest of the source view now (a jump needs its target). */
function completeSource() {
  if (!sourceJob) return;
  clearTimeout(sourceJob.timer);
  while (!sourceJob.steps.next().done);
  finishSource();
}

function finishSource() {
  sourceJob = null;
  elements.sourceText.removeAttribute("aria-busy");
  markComplete();
}

function cancelSource() {
  if (!sourceJob) return;
  clearTimeout(sourceJob.timer);
  sourceJob = null;
  elements.sourceText.removeAttribute("aria-busy");
}

/** Scrolls the source to the element with `id`, flashes it and moves focus there. */
function jumpTo(id) {
  completeSource();
  const target = document.getElementById(id);
  if (!target || !elements.sourceText.contains(target)) return;
  const smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches;
  target.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
  target.tabIndex = -1;
  target.focus({ preventScroll: true });
  target.classList.remove("flash");
  void target.offsetWidth; // restart the animation
  target.classList.add("flash");
  clearTimeout(target.flashTimer);
  target.flashTimer = setTimeout(() => target.classList.remove("flash"), 1600);
}

// ---------------------------------------------------------------------------------------
// Status and the whole render.

let loaded = false;
let renders = 0;

function renderStatus(result) {
  elements.status.classList.remove("is-error");
  if (!result) {
    elements.status.textContent = loaded
      ? "Ready. Paste an article, drop a file, or try the sample."
      : "Loading the summarizer…";
    return;
  }
  const { stats } = result;
  elements.status.textContent =
    `${plural(stats.sentences, "sentence")}, ${plural(stats.words, "word")} → ` +
    `summary of ${plural(result.summary.length, "sentence")}, ${plural(stats.summary_words, "word")}; ` +
    `${plural(result.facts.length, "figure")} · ${stats.elapsed_ms.toFixed(1)} ms`;
}

/** Counts renders, so that a deferred part of an older one knows to stand down. */
let renderToken = 0;

/**
 * Draws a result in two steps: the summary, keyphrases and status at once (what a person
 * reads first), then — after that has been painted — the figures table and the source
 * view, which is built in slices (see continueSource). `data-complete` on <html> says when
 * everything is drawn.
 */
function render(result, text) {
  const started = performance.now();
  const token = ++renderToken;
  state.result = result;
  state.text = text;
  showAllFigures = false;
  document.documentElement.dataset.complete = "false";
  renderSummary(result);
  renderKeyphrases(result);
  renderStatus(result);
  for (const button of [elements.copyText, elements.copyMarkdown, elements.downloadJson, elements.downloadMarkdown]) {
    button.disabled = !result;
  }
  if (!result) {
    renderFigures(null);
    renderSource(null, "");
    return;
  }
  renders += 1;
  if (renders === 1) performance.mark("nutshell:first-summary");
  document.documentElement.dataset.renders = String(renders);
  performance.measure("nutshell:render", { start: started });
  cancelSource();
  afterNextPaint(() => {
    if (token !== renderToken) return;
    performance.mark("nutshell:render-rest");
    renderFigures(result);
    // The source in the tasks after: the table of a long text is a task's worth already.
    setTimeout(() => {
      if (token === renderToken) renderSource(result, text);
    }, 0);
  });
}

let firstDrawn;
/** Resolves when the first result has been drawn completely. */
const firstDraw = new Promise((resolve) => {
  firstDrawn = resolve;
});

/** Marks the current result as completely drawn (figures and the whole source). */
function markComplete() {
  document.documentElement.dataset.complete = "true";
  if (state.result) firstDrawn();
  if (!performance.getEntriesByName("nutshell:first-complete").length && state.result) {
    performance.mark("nutshell:first-complete");
  }
  if (state.result) performance.measure("nutshell:render-complete", { start: performance.getEntriesByName("nutshell:render-rest").at(-1)?.startTime });
}

/**
 * Runs `fn` once the browser has painted what is on screen now. A page that is not shown
 * gets no frames, so a timer runs it anyway after a moment.
 */
function afterNextPaint(fn) {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 100);
}

function showStatus(message, isError = false) {
  elements.status.textContent = message;
  elements.status.classList.toggle("is-error", isError);
}

/** A short message under the input, optionally with one action button. */
function showNotice(message, action) {
  elements.notice.replaceChildren(message);
  if (action) {
    const button = el("button", "button-link", action.label);
    button.type = "button";
    button.addEventListener("click", action.run);
    elements.notice.append(" ", button);
  }
  elements.notice.hidden = false;
}

function hideNotice() {
  elements.notice.hidden = true;
  elements.notice.replaceChildren();
}

// ---------------------------------------------------------------------------------------
// Export: plain text, Markdown and JSON of the current result.

function summaryPlainText() {
  return state.result.summary.map((s) => s.text.trim()).join(" ");
}

/** Escapes characters that Markdown would read as formatting. */
function md(text) {
  return text.replace(/\s+/g, " ").trim().replace(/([\\`*_[\]<>#|])/g, "\\$1");
}

function summaryMarkdown() {
  return state.result.summary.map((s) => `- ${md(s.text)}`).join("\n") + "\n";
}

function documentMarkdown() {
  const { result } = state;
  const lines = [`# Summary${state.title ? `: ${md(state.title)}` : ""}`, "", summaryMarkdown()];
  lines.push("## Key figures", "");
  if (result.facts.length === 0) lines.push("None found.");
  else {
    lines.push("| # | Figure | Kind | Value | Qualifier | Counts |", "|---|---|---|---|---|---|");
    result.facts.forEach((fact, i) => {
      const cells = [String(i + 1), fact.text, fact.kind, formatValue(fact), formatQualifier(fact), fact.counted ?? ""];
      lines.push(`| ${cells.map(md).join(" | ")} |`);
    });
  }
  lines.push("", "## Keyphrases", "");
  for (const phrase of result.keyphrases) lines.push(`- ${md(phrase.text)} (${phrase.weight.toFixed(2)})`);
  return lines.join("\n") + "\n";
}

function documentJson() {
  const { result } = state;
  const sentence = ({ index, text, start, end, score, parts }) => ({ index, text, start, end, score, parts });
  return JSON.stringify(
    {
      generator: "nutshell",
      title: state.title || null,
      options: readOptions(),
      offset_unit: "utf16",
      summary: result.summary.map(sentence),
      facts: result.facts,
      keyphrases: result.keyphrases,
      stats: result.stats,
    },
    null,
    2,
  ) + "\n";
}

async function copy(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    showStatus(`Copied the summary as ${what}.`);
  } catch (error) {
    showStatus(`Could not copy: ${error.message}`, true);
  }
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = el("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---------------------------------------------------------------------------------------
// Input: typing, paste and drop (web pages reduced to their article by the core), sample.

const state = { text: "", result: null, title: "", isSample: false, crashedKey: "", timeoutNotice: false };

/** Replaces the textarea's content as one undoable edit where the browser allows it. */
function setArticle(text) {
  // An empty textarea is scrolled to the top already (and asking would force a layout).
  const wasEmpty = elements.article.value === "";
  elements.article.value = text;
  if (!wasEmpty) elements.article.scrollTop = 0;
}

/** If `text` is an HTML page or fragment, puts its article text in the textarea. */
async function reduceHtml(text) {
  let prepared;
  try {
    prepared = await engine.request("prepare", text);
  } catch (error) {
    return renderError(error);
  }
  if (prepared === STALE || !prepared.html) return update();
  const { article } = prepared;
  setArticle(article.text);
  state.title = article.title ?? "";
  const what = state.title ? `“${state.title}”` : "its article text";
  showNotice(`This looked like a web page, so it was reduced to ${what}.`, {
    label: "Use the HTML as text",
    run: () => {
      setArticle(text);
      state.title = "";
      hideNotice();
      update();
    },
  });
  update();
}

async function loadFile(file) {
  const name = file.name.toLowerCase();
  const isHtml = /\.x?html?$/.test(name) || file.type === "text/html";
  const isText = /\.(txt|md|markdown|text)$/.test(name) || file.type.startsWith("text/");
  if (!isHtml && !isText) {
    showNotice(`${file.name} is not a .txt, .md or .html file.`);
    return;
  }
  if (file.size > MAX_FILE_BYTES) {
    showNotice(`${file.name} is larger than 50 MB.`);
    return;
  }
  const text = await file.text();
  hideNotice();
  state.title = "";
  state.isSample = false;
  setArticle(text);
  if (isHtml) return reduceHtml(text);
  showNotice(`Loaded ${file.name}.`);
  update();
}

/** The sample's text: fetched by boot.js already when the page opened with ?sample. */
async function fetchSample() {
  const early = self.nutshellBoot?.takeSample();
  if (early) return early;
  const response = await fetch("sample.txt");
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

async function loadSample() {
  try {
    const text = await fetchSample();
    hideNotice();
    state.title = "";
    state.isSample = true;
    setArticle(text);
    update();
    writeUrl();
  } catch (error) {
    showStatus(`Could not load the sample: ${error.message}`, true);
  }
}

// ---------------------------------------------------------------------------------------
// Wiring: every change asks for a new summary; typing is debounced.

const engine = createEngine(self.nutshellBoot);
let timer = 0;
let busyTimer = 0;

function renderError(error) {
  showStatus(`Error: ${error.message}`, true);
}

async function update({ retry = true } = {}) {
  clearTimeout(timer);
  const text = elements.article.value;
  if (text.trim() === "") {
    state.title = "";
    render(null, "");
    return;
  }
  const options = readOptions();
  clearTimeout(busyTimer);
  busyTimer = setTimeout(() => showStatus("Summarizing…"), 300);
  document.body.classList.add("is-busy");
  try {
    const result = await engine.request("summarize", text, options);
    if (result === STALE) return;
    if (state.timeoutNotice) {
      state.timeoutNotice = false;
      hideNotice();
    }
    render(result, text);
  } catch (error) {
    if (!(error instanceof WorkerCrash)) return renderError(error);
    if (error instanceof WorkerTimeout) {
      // The same text would most likely hang again: say so, and wait for an edit.
      const message =
        `The summarizer stopped answering on this text (${error.message.replace(/^the summarizer /, "")}) ` +
        "and was restarted. Your text is kept; edit or shorten it to try again.";
      showStatus(message, true);
      showNotice(message);
      state.timeoutNotice = true;
      return;
    }
    // The worker was replaced; the text is untouched. Try once more unless this very
    // input already crashed it.
    const key = `${text.length}:${JSON.stringify(options)}:${text}`;
    if (retry && state.crashedKey !== key) {
      state.crashedKey = key;
      return update({ retry: false });
    }
    showStatus("The summarizer stopped on this text and was restarted. Your text is kept; edit it to try again.", true);
  } finally {
    if (elements.article.value === text) {
      clearTimeout(busyTimer);
      document.body.classList.remove("is-busy");
    }
  }
}

function scheduleUpdate() {
  clearTimeout(timer);
  timer = setTimeout(update, DEBOUNCE_MS);
}

elements.article.addEventListener("input", (event) => {
  state.isSample = false;
  if (event.inputType === "insertFromPaste" || event.inputType === "insertFromDrop") {
    clearTimeout(timer);
    reduceHtml(elements.article.value);
    return;
  }
  if (elements.article.value.trim() === "") {
    hideNotice();
    state.title = "";
  }
  scheduleUpdate();
});

// A very large paste goes straight into the textarea's value: the browser's own paste of a
// megabyte (an undoable edit) blocks the page about three times longer. Smaller pastes keep
// the native, undoable behaviour.
const BIG_PASTE_CHARS = 64 * 1024;
elements.article.addEventListener("paste", (event) => {
  const pasted = event.clipboardData?.getData("text/plain") ?? "";
  if (pasted.length < BIG_PASTE_CHARS) return;
  event.preventDefault();
  const { value, selectionStart, selectionEnd } = elements.article;
  elements.article.value = value.slice(0, selectionStart) + pasted + value.slice(selectionEnd);
  const caret = selectionStart + pasted.length;
  elements.article.setSelectionRange(caret, caret);
  state.isSample = false;
  clearTimeout(timer);
  reduceHtml(elements.article.value);
});

elements.mode.addEventListener("change", () => {
  setMode(elements.mode.value);
  writeUrl();
  update();
});
elements.length.addEventListener("input", () => {
  chosen[elements.mode.value] = Number(elements.length.value);
  updateLengthLabel();
  writeUrl();
  update();
});

elements.sample.addEventListener("click", loadSample);

// Files dropped anywhere on the input; plain dragged text is left to the textarea.
const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes("Files");
elements.dropzone.addEventListener("dragover", (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = "copy";
  elements.dropzone.classList.add("is-dragging");
});
elements.dropzone.addEventListener("dragleave", () => elements.dropzone.classList.remove("is-dragging"));
elements.dropzone.addEventListener("drop", (event) => {
  elements.dropzone.classList.remove("is-dragging");
  const file = event.dataTransfer?.files?.[0];
  if (!file) return;
  event.preventDefault();
  loadFile(file);
});

// Clicking a summary sentence or a figure shows its place in the source.
for (const container of [elements.summaryList, elements.figuresBody]) {
  container.addEventListener("click", (event) => {
    const jump = event.target.closest("button.jump");
    if (jump) jumpTo(jump.dataset.target);
  });
}

for (const button of [elements.sortOrder, elements.sortKind]) {
  button.addEventListener("click", () => {
    figureSort = button.dataset.sort;
    renderFigures(state.result);
  });
}

elements.copyText.addEventListener("click", () => copy(summaryPlainText(), "plain text"));
elements.copyMarkdown.addEventListener("click", () => copy(summaryMarkdown(), "Markdown"));
elements.downloadJson.addEventListener("click", () =>
  download("nutshell-summary.json", "application/json", documentJson()),
);
elements.downloadMarkdown.addEventListener("click", () =>
  download("nutshell-summary.md", "text/markdown", documentMarkdown()),
);

// ---------------------------------------------------------------------------------------
// Start: options from the URL, the wasm loading at once, the sample if ?sample, and the
// service worker (offline use) once the page is working.

optionsFromUrl();
render(null, "");
// With ?sample the request goes out as soon as the text is here: the worker holds it until
// the wasm is ready, so nothing waits for a round trip.
const sampleLoading = new URLSearchParams(location.search).has("sample") ? loadSample() : null;

engine.ready.then(
  async () => {
    loaded = true;
    document.documentElement.dataset.ready = "true";
    if (sampleLoading) await sampleLoading;
    else update();
    // The service worker's first install downloads every file again: not while the
    // first result is on its way.
    if (elements.article.value.trim() !== "") {
      await Promise.race([firstDraw, new Promise((resolve) => setTimeout(resolve, 3000))]);
    }
    registerServiceWorker();
  },
  renderError,
);

// Listening from the start: the service worker's messages are queued until the document has
// loaded and then dispatched, so a listener added later could miss one.
navigator.serviceWorker?.addEventListener("message", ({ data }) => {
  if (data?.type === "updated") {
    showNotice("A new version of nutshell was saved for offline use.", {
      label: "Reload to use it",
      run: () => location.reload(),
    });
  }
});

function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker
    .register("./sw.js", { scope: "./", updateViaCache: "none" })
    .then(() => {
      document.documentElement.dataset.serviceWorker = "registered";
    })
    .catch(() => {
      // No offline copy (e.g. a private window that forbids service workers): the page
      // itself works the same.
      document.documentElement.dataset.serviceWorker = "unavailable";
    });
}
