// An empty worker: it only says that it runs.
self.postMessage("running");
