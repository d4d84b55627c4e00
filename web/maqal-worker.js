// The worker behind createMaqalWorker(): runs createMaqal() off the page's main thread.
// Messages in: {id, method, args}; out: {id, value} or {id, error}. The first call, init,
// carries the compiled wasm module.
import { createMaqal } from './maqal.js';
// maqal.js's own imports, named here too: the worker fetches its whole module graph in one wave,
// not maqal.js first and then these.
import './gen/maqal-core.mjs';
import './dom_feed.js';

let maqal = null;

self.onmessage = async ({ data: { id, method, args } }) => {
  try {
    if (method === 'init') {
      maqal = await createMaqal({ wasmModule: args[0] });
      self.postMessage({ id, value: true });
      return;
    }
    if (!maqal || typeof maqal[method] !== 'function') throw new Error(`unknown call ${method}`);
    self.postMessage({ id, value: maqal[method](...args) });
  } catch (err) {
    self.postMessage({ id, error: String(err && err.message ? err.message : err) });
  }
};
