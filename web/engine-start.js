// Starts the engine's worker while index.html is still being parsed, before the page's first layout
// and before its modules load: the worker fetches, compiles and instantiates the wasm meanwhile, off
// the main thread. app.js adopts it (createMaqalWorker({worker})). A classic script, so that it runs at once.
globalThis.maqalEngineWorker = new Worker(new URL('maqal-worker.js', document.currentScript.src));
