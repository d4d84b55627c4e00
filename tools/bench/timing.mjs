// Timing helpers shared by the Node parts and the browser page (no Node-only imports here).

export const median = (xs) => quantile(xs, 0.5);

/** The q-quantile by the nearest-rank method. */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/**
 * Per-item medians of `runs` passes for every engine ({name: work(item)}), after untimed calls on the
 * first `warmup` items. The engines take turns on each item, so they see the same machine load.
 */
export function timeEach(items, runs, engines, warmup = 3) {
  for (const item of items.slice(0, warmup)) for (const work of Object.values(engines)) work(item);
  const times = Object.fromEntries(Object.keys(engines).map((name) => [name, items.map(() => [])]));
  for (let pass = 0; pass < runs; pass++) {
    items.forEach((item, i) => {
      for (const [name, work] of Object.entries(engines)) {
        const start = performance.now();
        work(item);
        times[name][i].push(performance.now() - start);
      }
    });
  }
  return Object.fromEntries(Object.entries(times).map(([name, perItem]) => [name, perItem.map(median)]));
}
