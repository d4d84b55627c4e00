// The worker behind createMaqalWorker(): runs createMaqal() off the page's main thread.
// Messages in: {id, method, args}; out: {id, value} or {id, error}. The first call is init; its answer
// is the wasm module. A classic script, not a module, so that it runs as soon as it arrives: it starts
// the wasm's download and compile at once, beside the modules it imports (all in one wave, not maqal.js
// first and then its imports), and instantiates the engine before init comes. A worker named
// RESTARTED waits for init to hand it the first worker's module instead (createMaqalWorker's cancel).
const RESTARTED = 'maqal:restarted';
const modules = Promise.all(['./maqal.js', './gen/maqal-core.mjs', './dom_feed.js', './maqal-worker-client.js'].map((url) => import(url)));

async function startEngine(wasmModule) {
  const compiling = wasmModule || WebAssembly.compileStreaming(fetch('gen/maqal-core.wasm'));
  const [[{ createMaqal }], module] = await Promise.all([modules, compiling]);
  return { maqal: await createMaqal({ wasmModule: module }), wasmModule: module };
}

let engine = self.name === RESTARTED ? null : startEngine(); // a promise of {maqal, wasmModule}
engine?.catch(() => {}); // a failure is answered to init
let maqal = null;

self.onmessage = async ({ data: { id, method, args } }) => {
  try {
    if (method === 'init') {
      const started = await (engine ||= startEngine(args[0]));
      maqal = started.maqal;
      self.postMessage({ id, value: started.wasmModule });
      return;
    }
    if (!maqal || typeof maqal[method] !== 'function') throw new Error(`unknown call ${method}`);
    self.postMessage({ id, value: maqal[method](...args) });
  } catch (err) {
    self.postMessage({ id, error: String(err && err.message ? err.message : err) });
  }
};
