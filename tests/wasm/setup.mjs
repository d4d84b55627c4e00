// What the wasm tests share: the repo root, the native CLI they compare with, and the module.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cli = path.join(root, 'build/maqal');

/** The Maqal module from web/ (it reads gen/maqal-core.wasm from disk in Node.js). */
export async function loadMaqal() {
  const { createMaqal } = await import(path.join(root, 'web/maqal.js'));
  return createMaqal();
}
