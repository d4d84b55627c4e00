// Maqal as an ES module: `const maqal = await createMaqal(); maqal.parse(text)`.
// The C++ core runs as WebAssembly; results are the same JSON the native CLI prints.
import createMaqalCore from './gen/maqal-core.mjs';

/**
 * @param {{wasmBinary?: ArrayBuffer | Uint8Array}} [options] wasmBinary: the bytes of
 *   gen/maqal-core.wasm, for hosts where the module cannot fetch it itself (Node.js).
 */
export async function createMaqal(options = {}) {
  const moduleOptions = options.wasmBinary ? { wasmBinary: options.wasmBinary } : {};
  const core = await createMaqalCore(moduleOptions);
  const parseJson = (input, opts = {}) => core.parse(String(input), { html: Boolean(opts.html) });
  return {
    /** The parse result as JSON text, exactly as `maqal parse` prints it (without the newline). */
    parseJson,
    /** The parse result as an object; bad input gives {error: {code, message, offset}}. */
    parse: (text, opts = {}) => JSON.parse(parseJson(text, opts)),
    version: () => core.version(),
  };
}
