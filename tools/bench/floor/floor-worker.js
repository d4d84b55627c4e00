const compiling = new URLSearchParams(location.search).has('wasm')
  ? WebAssembly.compileStreaming(fetch('/web/gen/maqal-core.wasm'))
  : Promise.resolve();
compiling.then(() => postMessage('ready'));
