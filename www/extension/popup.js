// The extension's popup: reads the active tab's HTML (the only code that runs in the page is
// a one-line function returning `outerHTML`, or the highlighter below), then extracts the
// article, summarizes it and lists its figures here, with the wasm core shipped in the
// extension package. Nothing is sent anywhere.
import init, { extractArticle, summarize } from "./pkg/nutshell.js";

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
let article = null; // { title, text }
let result = null;

/** The tab to summarize: the active tab, or `?tab=ID` when the popup is opened as a page. */
async function targetTabId() {
  const fromQuery = new URLSearchParams(location.search).get("tab");
  if (fromQuery) return Number(fromQuery);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  if (!tab) throw new Error("No active tab.");
  return tab.id;
}

async function readPageHtml(tabId) {
  const [injection] = await api.scripting.executeScript({
    target: { tabId },
    func: () => document.documentElement.outerHTML,
  });
  return injection.result;
}

function setStatus(text, isError = false) {
  $("status").textContent = text;
  $("status").classList.toggle("error", isError);
}

function formatValue(fact) {
  const v = fact.value;
  const shown = Array.isArray(v) ? `${v[0]}–${v[1]}` : v === null ? "—" : String(v);
  return fact.unit ? `${shown} ${fact.unit}` : shown;
}

function render() {
  const sentences = Number($("length").value);
  result = summarize(article.text, { sentences, title: article.title ?? undefined });
  $("title").textContent = article.title ?? "";
  const list = $("summary");
  list.replaceChildren(
    ...result.summary.map((s) => {
      const li = document.createElement("li");
      li.textContent = s.text;
      return li;
    }),
  );
  const body = $("figures").tBodies[0];
  body.replaceChildren(
    ...result.facts.map((f) => {
      const row = document.createElement("tr");
      for (const text of [f.text, f.kind, formatValue(f)]) {
        const cell = document.createElement("td");
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }),
  );
  setStatus(
    `${result.stats.sentences} sentences, ${result.facts.length} figures · ${result.stats.elapsed_ms.toFixed(1)} ms`,
  );
  $("highlight").disabled = result.summary.length === 0;
  $("copy").disabled = result.summary.length === 0;
}

/**
 * Runs in the page (isolated world): marks each summary sentence with the CSS Custom
 * Highlight API, which changes no DOM node and is unaffected by the page's CSP.
 */
function highlightInPage(sentences) {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement && !n.parentElement.closest("script,style,noscript,template")
        ? NodeFilter.FILTER_ACCEPT
        : NodeFilter.FILTER_REJECT,
  });
  // Whitespace-collapsed text of the page, with each character's node and offset.
  let flat = "";
  const at = [];
  let lastSpace = true;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      const space = /\s/.test(data[i]);
      if (space && lastSpace) continue;
      flat += space ? " " : data[i];
      at.push([node, i]);
      lastSpace = space;
    }
  }
  const ranges = [];
  for (const sentence of sentences) {
    const needle = sentence.replace(/\s+/g, " ").trim();
    const i = flat.indexOf(needle);
    if (i < 0 || needle.length === 0) continue;
    const [startNode, startOffset] = at[i];
    const [endNode, endOffset] = at[i + needle.length - 1];
    const range = document.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset + 1);
    ranges.push(range);
  }
  if (globalThis.CSS?.highlights && globalThis.Highlight) {
    CSS.highlights.set("nutshell-summary", new Highlight(...ranges));
  }
  ranges[0]?.startContainer.parentElement?.scrollIntoView({ block: "center" });
  return ranges.length;
}

async function highlight() {
  const tabId = await targetTabId();
  await api.scripting.insertCSS({
    target: { tabId },
    css: "::highlight(nutshell-summary) { background-color: #fde68a; color: #111; }",
  });
  const [injection] = await api.scripting.executeScript({
    target: { tabId },
    func: highlightInPage,
    args: [result.summary.map((s) => s.text)],
  });
  setStatus(`Highlighted ${injection.result} of ${result.summary.length} sentences in the page.`);
}

async function main() {
  try {
    const [, html] = await Promise.all([init(), targetTabId().then(readPageHtml)]);
    article = extractArticle(html);
    if (!article.text.trim()) {
      setStatus("No article text found on this page.", true);
      return;
    }
    render();
  } catch (error) {
    setStatus(`Could not summarize this page: ${error.message ?? error}`, true);
  }
}

$("length").addEventListener("change", () => article && render());
$("highlight").addEventListener("click", () => highlight().catch((e) => setStatus(e.message, true)));
$("copy").addEventListener("click", async () => {
  await navigator.clipboard.writeText(result.summary.map((s) => s.text).join("\n"));
  setStatus("Summary copied.");
});
main();
