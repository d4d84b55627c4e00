// Maqal as an ES module: `const maqal = await createMaqal(); maqal.parse(text)`.
// The C++ core runs as WebAssembly; results are the same JSON the native CLI prints.
import createMaqalCore from './gen/maqal-core.mjs';
import { encodeDom } from './dom_feed.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * @param {{wasmBinary?: ArrayBuffer | Uint8Array}} [options] wasmBinary: the bytes of
 *   gen/maqal-core.wasm, for hosts where the module cannot fetch it itself (Node.js).
 */
export async function createMaqal(options = {}) {
  const moduleOptions = options.wasmBinary ? { wasmBinary: options.wasmBinary } : {};
  const core = await createMaqalCore(moduleOptions);
  // Embind's UTF-8 encoder would pair a lone surrogate with the next character and lose both.
  const guarded = (text, run) => {
    const lone = text.search(LONE_SURROGATE);
    if (lone >= 0) {
      return JSON.stringify({ error: { code: 'lone_surrogate', message: `unpaired UTF-16 surrogate at index ${lone}`, offset: lone } });
    }
    return run(text);
  };
  const parseJson = (input, opts = {}) => guarded(String(input), (text) => core.parse(text, Boolean(opts.html)));
  // A document the browser has parsed, walked into the core's event stream (web/dom_feed.js).
  const parseDocumentJson = (doc) => guarded(encodeDom(doc), (events) => core.parseDomEvents(events));
  const parseHtmlJson = (html, opts = {}) =>
    opts.feed === 'dom' && typeof DOMParser !== 'undefined'
      ? parseDocumentJson(new DOMParser().parseFromString(String(html), 'text/html'))
      : parseJson(html, { html: true });
  return {
    /** The parse result as JSON text, exactly as `maqal parse` prints it (without the newline). */
    parseJson,
    /** The parse result as an object; bad input gives {error: {code, message, offset}}. */
    parse: (text, opts = {}) => JSON.parse(parseJson(text, opts)),
    /**
     * HTML (a clipboard fragment or a whole page). feed 'dom': let the browser's DOMParser parse it
     * (faster in a page; same result), else the core's own HTML parser (Gumbo; works anywhere).
     */
    parseHtml: (html, opts = {}) => JSON.parse(parseHtmlJson(html, opts)),
    parseHtmlJson,
    /** A Document the browser already has (the live page in an extension, or DOMParser's). */
    parseDocument: (doc) => JSON.parse(parseDocumentJson(doc)),
    version: () => core.version(),
  };
}
