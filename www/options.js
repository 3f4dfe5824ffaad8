// The summary-length setting: its scales, how the URL states it (?sentences=3, ?percent=20,
// ?words=100, ?preset=headline) and the options object the wasm API takes for it.
//
// Shared by the page (main.js: the controls and the URL) and the worker (which starts the
// first summary of `?sample` on its own, before the page script has run, and must ask for
// exactly what the page will ask for). Pure functions, no DOM. The worker gets this file
// bundled in (`cargo xtask build` writes www/pkg/worker.js).

export const SCALES = {
  sentences: { min: 1, max: 15, step: 1, initial: 3, unit: "sentence" },
  percent: { min: 5, max: 60, step: 5, initial: 20, unit: "percent" },
  words: { min: 20, max: 300, step: 10, initial: 100, unit: "word" },
};
export const PRESETS = ["headline", "tldr", "key-points"];

/** `value` on `mode`'s scale: rounded to its step, clamped, the initial value if not a number. */
export function clampToScale(mode, value) {
  const { min, max, step } = SCALES[mode];
  if (!Number.isFinite(value)) return SCALES[mode].initial;
  return Math.min(max, Math.max(min, Math.round(value / step) * step));
}

/**
 * The length a URL query asks for, as {mode, value} (value null for a preset); anything
 * invalid is ignored, and no setting means 3 sentences.
 */
export function lengthFromQuery(search) {
  const params = new URLSearchParams(search);
  const preset = params.get("preset");
  if (preset && PRESETS.includes(preset)) return { mode: preset, value: null };
  for (const mode of Object.keys(SCALES)) {
    if (params.has(mode)) return { mode, value: clampToScale(mode, Number(params.get(mode))) };
  }
  return { mode: "sentences", value: SCALES.sentences.initial };
}

/** The options object the wasm API takes for a length setting (and a title, if any). */
export function lengthOptions(mode, value, title = "") {
  const options = {};
  if (mode === "sentences") options.sentences = value;
  else if (mode === "percent") options.ratio = value / 100;
  else if (mode === "words") options.words = value;
  else options.preset = mode;
  if (title) options.title = title;
  return options;
}
