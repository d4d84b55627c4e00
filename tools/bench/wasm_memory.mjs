// The size of the wasm's memory after one parse of FILE in a fresh instance, in bytes: what the page's
// worker holds from then on (a wasm memory grows and never shrinks). scaling.mjs runs it per input;
// alone (needs web/gen/ built):
//   node tools/bench/wasm_memory.mjs [--html] FILE
import { readFileSync } from 'node:fs';
import createMaqalCore from '../../web/gen/maqal-core.mjs';

const html = process.argv.includes('--html');
const file = process.argv.slice(2).find((a) => a !== '--html');
const bytes = readFileSync(new URL('../../web/gen/maqal-core.wasm', import.meta.url));
let memory = null;
const core = await createMaqalCore({
  instantiateWasm(imports, receive) {
    WebAssembly.instantiate(bytes, imports).then(({ instance, module }) => {
      memory = Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory);
      receive(instance, module);
    });
    return {};
  },
});
const json = core.parse(readFileSync(file, 'utf8'), html, true);
if (json.startsWith('{"error"')) throw new Error(`${file}: ${json.slice(0, 200)}`);
console.log(memory.buffer.byteLength);
