import type {
  Article,
  FiguresResult,
  Options,
  SegmentResult,
  SummaryResult,
} from "./nutshell.js";

/** nutshell running in a module Web Worker; every call returns a promise. */
export interface Summarizer {
  summarize(text: string, options?: Options): Promise<SummaryResult>;
  segment(text: string): Promise<SegmentResult>;
  figures(text: string): Promise<FiguresResult>;
  extractArticle(html: string): Promise<Article>;
  /** Stops the worker; pending calls reject. */
  terminate(): void;
}

/** Starts the worker (by default the package's `worker.js`). */
export function createSummarizer(workerUrl?: URL | string): Summarizer;
