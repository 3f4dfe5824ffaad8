// Starts the benchmark in a module worker, as the app runs nutshell, and exposes the result.
const worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = ({ data }) => {
  globalThis.benchResult = data;
  document.getElementById("status").textContent = "done";
};
worker.onerror = (e) => {
  globalThis.benchResult = { error: String(e.message ?? e) };
};
