// Benchmark inputs, all built from ../shared (never from the repo's own tests):
// WCXB article pages, running text from the NER corpora, the Arabic reference paste.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const shared = path.resolve(root, '../shared');
export const outDir = path.join(root, 'build/bench');
const pagesDir = path.join(shared, 'data/wcxb-dev-articles/html');
export const corpora = {
  ar: path.join(shared, 'data/anercorp-train/anercorp-train.txt'),
  en: path.join(shared, 'data/wikigold/wikigold.conll.txt'),
};
export const arabicPaste = path.join(shared, 'samples/000_4e73025099dc559b.txt');

/**
 * `count` WCXB article pages spread evenly over the 711 (every k-th by id), unzipped into
 * build/bench/pages/ for the native driver. Returns [{id, file, html}].
 */
export function wcxbPages(count) {
  const all = readdirSync(pagesDir).filter((f) => f.endsWith('.html.gz')).sort();
  const step = all.length / Math.min(count, all.length);
  const chosen = Array.from({ length: Math.min(count, all.length) }, (_, i) => all[Math.floor(i * step)]);
  const dir = path.join(outDir, 'pages');
  mkdirSync(dir, { recursive: true });
  return chosen.map((name) => {
    const html = gunzipSync(readFileSync(path.join(pagesDir, name))).toString('utf8');
    const file = path.join(dir, name.replace(/\.gz$/, ''));
    writeFileSync(file, html);
    return { id: name.replace(/\.html\.gz$/, ''), file, html };
  });
}

/** Running text from a CoNLL corpus ("token TAG" lines): five sentences to a paragraph, up to `bytes`. */
export function corpusText(file, bytes) {
  const sentences = readFileSync(file, 'utf8').split(/\n\s*\n/).map((s) =>
    s.split('\n').map((l) => l.split(/\s+/)[0]).filter(Boolean).join(' ')).filter(Boolean);
  const paragraphs = [];
  let size = 0;
  for (let i = 0; size < bytes; i += 5) {
    const start = i % sentences.length;
    const paragraph = sentences.slice(start, start + 5).join(' ');
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return paragraphs.join('\n\n') + '\n';
}

/** `text` repeated as paragraphs, then cut at the last paragraph end before `bytes` (at least once). */
export function repeatTo(text, bytes) {
  const one = text.trim();
  let out = one;
  while (Buffer.byteLength(out) < bytes) out += '\n\n' + one;
  return cutAt(out, bytes, '\n\n');
}

/** The longest prefix of `text` within `bytes` UTF-8 bytes that ends just before `sep` (or the whole cut). */
export function cutAt(text, bytes, sep) {
  const buf = Buffer.from(text);
  if (buf.length <= bytes) return text;
  let prefix = buf.subarray(0, bytes).toString('utf8').replace(/\uFFFD$/, '');
  const end = prefix.lastIndexOf(sep);
  if (end > 0) prefix = prefix.slice(0, end);
  return prefix;
}

/** WCXB pages' bodies laid end to end, as one document of at most `bytes`, cut at a tag end. */
export function concatenatedPages(pages, bytes) {
  let html = '<!DOCTYPE html>';
  for (let i = 0; Buffer.byteLength(html) < bytes; i++) {
    const page = pages[i % pages.length].html;
    html += page.slice(Math.max(0, page.search(/<body[\s>]/i)));
  }
  return cutAt(html, bytes, '>') + '>';
}

/** Whitespace-separated words: the one token count every engine's tokens/s is measured with. */
export const countTokens = (text) => text.split(/\s+/).filter(Boolean).length;
