// A classic script, run at once like web/engine-start.js.
const floorWorker = new Worker(new URL(`floor-worker.js${location.search}`, document.currentScript.src));
floorWorker.onmessage = () => { document.documentElement.dataset.engine = 'ready'; };
