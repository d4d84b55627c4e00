// The worker behind createMaqalWorker(): runs createMaqal() off the page's main thread.
// Messages in: {id, method, args}; out: {id, value} or {id, error}. The first call is init, carrying the
// wasm module when the page has it (a restarted worker); its answer is the module. 'compile' (no answer)
// starts fetching and compiling the wasm before init comes (web/engine-start.js).
import { compileMaqal, createMaqal } from './maqal.js';
// maqal.js's own imports, named here too: the worker fetches its whole module graph in one wave,
// not maqal.js first and then these.
import './gen/maqal-core.mjs';
import './dom_feed.js';

let compiled = null; // the wasm module, compiling (from a 'compile' message or init)
let maqal = null;

self.onmessage = async ({ data: { id, method, args } }) => {
  try {
    if (method === 'compile') {
      compiled ||= compileMaqal();
      compiled.catch(() => {}); // a failure is answered to init
      return;
    }
    if (method === 'init') {
      const wasmModule = args[0] || (await (compiled ||= compileMaqal()));
      maqal = await createMaqal({ wasmModule });
      self.postMessage({ id, value: wasmModule });
      return;
    }
    if (!maqal || typeof maqal[method] !== 'function') throw new Error(`unknown call ${method}`);
    self.postMessage({ id, value: maqal[method](...args) });
  } catch (err) {
    self.postMessage({ id, error: String(err && err.message ? err.message : err) });
  }
};
