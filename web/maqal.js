// Maqal as an ES module: `const maqal = await createMaqal(); maqal.parse(text)`.
// The C++ core runs as WebAssembly; results are the same JSON the native CLI prints.
import createMaqalCore from './gen/maqal-core.mjs';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * @param {{wasmBinary?: ArrayBuffer | Uint8Array}} [options] wasmBinary: the bytes of
 *   gen/maqal-core.wasm, for hosts where the module cannot fetch it itself (Node.js).
 */
export async function createMaqal(options = {}) {
  const moduleOptions = options.wasmBinary ? { wasmBinary: options.wasmBinary } : {};
  const core = await createMaqalCore(moduleOptions);
  const parseJson = (input, opts = {}) => {
    const text = String(input);
    // Embind's UTF-8 encoder would pair a lone surrogate with the next character and lose both.
    const lone = text.search(LONE_SURROGATE);
    if (lone >= 0) {
      return JSON.stringify({ error: { code: 'lone_surrogate', message: `unpaired UTF-16 surrogate at index ${lone}`, offset: lone } });
    }
    return core.parse(text, Boolean(opts.html));
  };
  return {
    /** The parse result as JSON text, exactly as `maqal parse` prints it (without the newline). */
    parseJson,
    /** The parse result as an object; bad input gives {error: {code, message, offset}}. */
    parse: (text, opts = {}) => JSON.parse(parseJson(text, opts)),
    version: () => core.version(),
  };
}
