// Maqal as an ES module: `const maqal = await createMaqal(); maqal.parse(text)`.
// The C++ core runs as WebAssembly; results are the same JSON the native CLI prints.
// createMaqalWorker() (maqal-worker-client.js) gives the same calls, run in a Web Worker, returning promises.
import createMaqalCore from './gen/maqal-core.mjs';
import { encodeDom } from './dom_feed.js';

// In a module of its own, so that a page driving the worker does not load the core's glue code.
export { createMaqalWorker } from './maqal-worker-client.js';

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

/** Fetches and compiles the wasm beside this file (browsers). */
export function compileMaqal() {
  return WebAssembly.compileStreaming(fetch(WASM_URL));
}
