// The nutshell page: DOM only. The summarizer itself runs in a module Web Worker
// (worker.js, which owns the WebAssembly); this file sends it the text and options and
// draws what comes back.
//
// Sections: engine (worker requests; only the newest answer is drawn), options (read from
// the controls), renderers (one per result region, all text inserted with textContent,
// never as HTML), and wiring (input events, debounced). Later features (files, HTML input,
// export, URL options) plug in as new option readers, input sources or renderers.

const DEBOUNCE_MS = 150;

const elements = {
  article: document.getElementById("article"),
  length: document.getElementById("length"),
  lengthValue: document.getElementById("length-value"),
  status: document.getElementById("status"),
  summary: document.getElementById("summary"),
  summaryList: document.getElementById("summary-list"),
  figures: document.getElementById("figures"),
  figuresTable: document.getElementById("figures-table"),
  figuresBody: document.querySelector("#figures-table tbody"),
  keyphrases: document.getElementById("keyphrases"),
  keyphraseList: document.getElementById("keyphrase-list"),
  source: document.getElementById("source"),
  sourceText: document.getElementById("source-text"),
};

// ---------------------------------------------------------------------------------------
// Engine: requests to the worker, with ids; answers to superseded requests are dropped.

/** What `request` resolves to when a newer request was sent before the answer came. */
const STALE = Symbol("stale");

function createEngine() {
  const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  const pending = new Map();
  let lastId = 0;

  worker.addEventListener("message", ({ data }) => {
    const waiter = pending.get(data.id);
    if (!waiter) return;
    pending.delete(data.id);
    if (data.id !== lastId) waiter.resolve(STALE);
    else if ("error" in data) waiter.reject(new Error(data.error));
    else waiter.resolve(data.result);
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    const error = new Error(`the summarizer could not start: ${event.message || "worker error"}`);
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });

  return {
    /** Sends `op` for `text`; resolves to the result, or STALE if a newer request exists. */
    request(op, text, options) {
      const id = ++lastId;
      for (const [oldId, waiter] of pending) {
        pending.delete(oldId);
        waiter.resolve(STALE);
      }
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, op, text, options });
      });
    },
  };
}

// ---------------------------------------------------------------------------------------
// Options: everything the controls say, as the plain object the wasm API takes.

function readOptions() {
  return { sentences: Number(elements.length.value) };
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// ---------------------------------------------------------------------------------------
// Renderers: one per region. Article text is only ever inserted with textContent.

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

function renderSummary(result) {
  const items = result ? result.summary : [];
  elements.summaryList.replaceChildren(
    ...items.map((sentence) => {
      const li = el("li", "summary-item", sentence.text);
      li.dataset.index = String(sentence.index);
      li.title = `Sentence ${sentence.index + 1}, score ${sentence.score.toFixed(2)}`;
      return li;
    }),
  );
  setEmpty(elements.summary, items.length === 0);
}

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

function formatNumber(value) {
  return typeof value === "number" ? numberFormat.format(value) : String(value);
}

/** A figure's normalized value as people read it: "≈ 12,000", "800,000,000,000 USD", "40%". */
function formatValue(fact) {
  if (fact.value === null || fact.value === undefined) return "—";
  let text = Array.isArray(fact.value)
    ? fact.value.map(formatNumber).join(" – ")
    : formatNumber(fact.value);
  if (fact.unit === "%") text += "%";
  else if (fact.unit) text += ` ${fact.unit}`;
  if (fact.bound === "min") text = `≥ ${text}`;
  else if (fact.bound === "max") text = `≤ ${text}`;
  if (fact.approximate) text = `≈ ${text}`;
  return text;
}

function renderFigures(result) {
  const facts = result ? result.facts : [];
  elements.figuresBody.replaceChildren(
    ...facts.map((fact) => {
      const row = el("tr");
      row.dataset.kind = fact.kind;
      row.append(
        el("td", "figure-text", fact.text),
        el("td", "figure-kind", fact.kind),
        el("td", "figure-value", formatValue(fact)),
        el("td", "figure-counted", fact.counted ?? ""),
      );
      return row;
    }),
  );
  setEmpty(elements.figures, facts.length === 0);
  // The "Counts" column only when some figure says what it counts.
  elements.figuresTable.classList.toggle("has-counted", facts.some((fact) => fact.counted));
}

function renderKeyphrases(result) {
  const phrases = result ? result.keyphrases : [];
  elements.keyphraseList.replaceChildren(
    ...phrases.map((phrase) => el("li", "keyphrase", phrase.text)),
  );
  setEmpty(elements.keyphrases, phrases.length === 0);
}

/** The article with summary sentences highlighted; offsets are UTF-16, as JS strings. */
function renderSource(result, text) {
  const parts = [];
  let at = 0;
  for (const sentence of result ? result.sentences : []) {
    if (sentence.start < at) continue;
    if (sentence.start > at) parts.push(document.createTextNode(text.slice(at, sentence.start)));
    const span = el(sentence.selected ? "mark" : "span", "source-sentence");
    span.textContent = text.slice(sentence.start, sentence.end);
    span.dataset.index = String(sentence.index);
    parts.push(span);
    at = sentence.end;
  }
  if (result && at < text.length) parts.push(document.createTextNode(text.slice(at)));
  elements.sourceText.replaceChildren(...parts);
  setEmpty(elements.source, parts.length === 0);
}

let loaded = false;

function renderStatus(result) {
  if (!result) {
    elements.status.textContent = loaded
      ? "Ready. Paste an article to summarize it."
      : "Loading the summarizer…";
    return;
  }
  const { stats } = result;
  elements.status.textContent =
    `${plural(stats.sentences, "sentence")}, ${plural(stats.words, "word")} → ` +
    `summary of ${plural(result.summary.length, "sentence")}, ${plural(stats.summary_words, "word")}; ` +
    `${plural(result.facts.length, "figure")} · ${stats.elapsed_ms.toFixed(1)} ms`;
}

function render(result, text) {
  renderSummary(result);
  renderFigures(result);
  renderKeyphrases(result);
  renderSource(result, text);
  renderStatus(result);
}

function renderError(error) {
  elements.status.textContent = `Error: ${error.message}`;
  elements.status.classList.add("is-error");
}

// ---------------------------------------------------------------------------------------
// Wiring: every change asks for a new summary; typing is debounced.

const engine = createEngine();
let timer = 0;

async function update() {
  clearTimeout(timer);
  const text = elements.article.value;
  elements.status.classList.remove("is-error");
  if (text.trim() === "") {
    render(null, "");
    return;
  }
  try {
    const result = await engine.request("summarize", text, readOptions());
    if (result === STALE) return;
    render(result, text);
  } catch (error) {
    renderError(error);
  }
}

function scheduleUpdate() {
  clearTimeout(timer);
  timer = setTimeout(update, DEBOUNCE_MS);
}

function updateLengthLabel() {
  elements.lengthValue.textContent = plural(Number(elements.length.value), "sentence");
}

elements.article.addEventListener("input", scheduleUpdate);
elements.length.addEventListener("input", () => {
  updateLengthLabel();
  update();
});

updateLengthLabel();
render(null, "");
// Load the wasm now rather than on the first keystroke, and report if it cannot load.
engine.request("defaultOptions", "", undefined).then(
  () => {
    loaded = true;
    document.documentElement.dataset.ready = "true";
    update();
  },
  renderError,
);
