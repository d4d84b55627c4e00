// Maqal as an ES module: `const maqal = await createMaqal(); maqal.parse(text)`.
// The C++ core runs as WebAssembly; results are the same JSON the native CLI prints.
// createMaqalWorker() gives the same calls, run in a Web Worker, returning promises.
import createMaqalCore from './gen/maqal-core.mjs';
import { encodeDom } from './dom_feed.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const WASM_URL = new URL('./gen/maqal-core.wasm', import.meta.url);
const isNode = typeof process === 'object' && Boolean(process.versions && process.versions.node);

/** Emscripten module options: the wasm from bytes, from a compiled module, or fetched beside this file. */
async function coreOptions({ wasmBinary, wasmModule } = {}) {
  if (wasmModule) {
    return {
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule));
        return {};
      },
    };
  }
  if (wasmBinary) return { wasmBinary };
  if (isNode) {
    // The module is built for browsers; Node.js reads the wasm bytes itself.
    const { readFile } = await import('node:fs/promises');
    return { wasmBinary: await readFile(WASM_URL) };
  }
  return {};
}

/**
 * @param {{wasmBinary?: ArrayBuffer | Uint8Array, wasmModule?: WebAssembly.Module}} [options]
 *   wasmBinary: the bytes of gen/maqal-core.wasm; wasmModule: the same, compiled. Without either the
 *   wasm is fetched from beside this file (read from disk in Node.js).
 */
export async function createMaqal(options = {}) {
  const core = await createMaqalCore(await coreOptions(options));
  // Embind's UTF-8 encoder would pair a lone surrogate with the next character and lose both.
  const guarded = (text, run) => {
    const lone = text.search(LONE_SURROGATE);
    if (lone >= 0) {
      return JSON.stringify({ error: { code: 'lone_surrogate', message: `unpaired UTF-16 surrogate at index ${lone}`, offset: lone } });
    }
    return run(text);
  };
  // {entities: false}: extraction only (structure and metadata; no entities, clusters or quotes).
  const withEntities = (opts) => opts.entities !== false;
  const parseJson = (input, opts = {}) =>
    guarded(String(input), (text) => core.parse(text, Boolean(opts.html), withEntities(opts)));
  const parseDomEvents = (events, opts = {}) =>
    JSON.parse(guarded(String(events), (text) => core.parseDomEvents(text, withEntities(opts))));
  // Every HTML parse goes through here, with its options passed on as given. feed 'dom': the
  // browser's DOMParser parses the HTML (faster in a page, the same result); elsewhere the core's parser.
  const parseHtml = (html, opts = {}) =>
    opts.feed === 'dom' && typeof DOMParser !== 'undefined'
      ? parseDomEvents(encodeDom(new DOMParser().parseFromString(String(html), 'text/html')), opts)
      : JSON.parse(parseJson(html, { ...opts, html: true }));
  return {
    /** The parse result as JSON text, exactly as `maqal parse` prints it (without the newline). */
    parseJson,
    /** Plain text → result object; bad input gives {error: {code, message, offset}}. */
    parse: (text, opts = {}) => (opts.html ? parseHtml(text, opts) : JSON.parse(parseJson(text, opts))),
    /** HTML (a page or a clipboard fragment) → result object; `result.text` is the extracted text. */
    parseHtml,
    /** A Document the browser already has (the live page in an extension, or one from DOMParser). */
    parseDocument: (doc, opts = {}) => parseDomEvents(encodeDom(doc), opts),
    /** The DOM event stream of dom_feed.js's encodeDom() → result object (what parseDocument sends). */
    parseDomEvents,
    version: () => core.version(),
  };
}

/** Fetches and compiles the wasm beside this file (browsers; what each worker does as it starts). */
export function compileMaqal() {
  return WebAssembly.compileStreaming(fetch(WASM_URL));
}

/**
 * The same calls as createMaqal(), run in a Web Worker (maqal-worker.js beside this file), as promises.
 * cancel() stops the running parse: the worker is terminated, pending calls reject with an AbortError,
 * and a fresh worker serves the next call.
 * The first worker fetches and compiles the wasm itself, so the main thread never waits for it; the
 * ones started after a cancel are given its module.
 * @param {{worker?: Worker}} [options] worker: one already started on maqal-worker.js (a page may
 *   start it before its own modules load: see web/engine-start.js); otherwise one is started here.
 */
export async function createMaqalWorker(options = {}) {
  const workerUrl = new URL('./maqal-worker.js', import.meta.url);
  let wasmModule = null; // the first worker's compiled wasm, given to the ones started after a cancel
  let worker = null;
  let ready = null;
  let nextId = 1;
  const pending = new Map();

  const start = (started = null) => {
    worker = started || new Worker(workerUrl, { type: 'module' });
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
