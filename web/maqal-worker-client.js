// createMaqalWorker(): the page's side of maqal-worker.js (Maqal's calls as promises, run in a Web
// Worker). Imports nothing of the core, so that a page using only the worker does not load it.
import { encodeDom } from './dom_feed.js';

/**
 * The same calls as createMaqal(), run in a Web Worker (maqal-worker.js beside this file), as promises.
 * cancel() stops the running parse: the worker is terminated, pending calls reject with an AbortError,
 * and a fresh worker serves the next call.
 * The first worker fetches, compiles and instantiates the wasm itself, so the main thread never waits
 * for it; the ones started after a cancel are given its module.
 * @param {{worker?: Worker}} [options] worker: one already started on maqal-worker.js, a classic script
 *   (a page may start it before its own modules load: see web/engine-start.js); otherwise one is
 *   started here.
 */
export async function createMaqalWorker(options = {}) {
  const workerUrl = new URL('./maqal-worker.js', import.meta.url);
  let wasmModule = null; // the first worker's compiled wasm, given to the ones started after a cancel
  let worker = null;
  let ready = null;
  let nextId = 1;
  const pending = new Map();

  const start = (started = null) => {
    // a restarted worker waits for the module instead of fetching the wasm again (maqal-worker.js)
    worker = started || new Worker(workerUrl, wasmModule ? { name: 'maqal:restarted' } : {});
    ready = new Promise((resolve, reject) => {
      pending.set(0, { resolve, reject });
    });
    worker.onmessage = ({ data }) => {
      const call = pending.get(data.id);
      if (!call) return;
      pending.delete(data.id);
      if (data.error) call.reject(new Error(data.error));
      else call.resolve(data.value);
    };
    worker.onerror = (ev) => {
      ev.preventDefault();
      failAll(new Error(`Maqal worker failed: ${ev.message || 'could not load'}`));
    };
    worker.postMessage({ id: 0, method: 'init', args: wasmModule ? [wasmModule] : [] });
  };
  const failAll = (err) => {
    for (const call of pending.values()) call.reject(err);
    pending.clear();
  };
  const call = async (method, ...args) => {
    if (!worker) start();
    await ready;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args });
    });
  };

  start(options.worker);
  wasmModule = await ready;
  return {
    parseJson: (text, opts = {}) => call('parseJson', String(text), opts),
    parse: (text, opts = {}) => call('parse', String(text), opts),
    // A worker has no DOM: the DOM feed reads the HTML here and sends the worker its events.
    parseHtml: (html, opts = {}) =>
      opts.feed === 'dom' && typeof DOMParser !== 'undefined'
        ? call('parseDomEvents', encodeDom(new DOMParser().parseFromString(String(html), 'text/html')), opts)
        : call('parseHtml', String(html), opts),
    parseDocument: (doc, opts = {}) => call('parseDomEvents', encodeDom(doc), opts),
    version: () => call('version'),
    /** Stops the worker (and any parse in it); the next call starts a fresh one. */
    cancel() {
      if (!worker) return;
      worker.terminate();
      worker = null;
      failAll(new DOMException('The parse was cancelled.', 'AbortError'));
    },
  };
}
