// Types of the Maqal ES module (web/maqal.js). Schema: docs/schema.md.

export type Role =
  | 'title' | 'subtitle' | 'byline' | 'dateline' | 'lead' | 'paragraph' | 'subheading' | 'blockquote'
  | 'caption' | 'list_item' | 'source' | 'tags' | 'read_also' | 'related' | 'teaser' | 'boilerplate';

export type EntityType =
  | 'PER' | 'ORG' | 'LOC' | 'NORP' | 'MISC' | 'DATE' | 'TIME' | 'NUMBER' | 'MONEY' | 'PERCENT'
  | 'URL' | 'EMAIL' | 'HASHTAG' | 'MENTION' | 'PHONE';

/** start/end: UTF-16 code-unit offsets (JavaScript string indices); start8/end8: UTF-8 bytes. */
export interface Span { start: number; end: number; start8: number; end8: number; }

export interface Block extends Span {
  role: Role;
  kind?: 'nav' | 'share' | 'ad' | 'subscribe' | 'cookie' | 'footer' | 'copyright' | 'comments' | 'placeholder';
  text: string;
  article: number | null;
  dir: 'rtl' | 'ltr';
  bullet?: true;
  /** An ordered list item's number ("3." written, or an <ol>'s third item). */
  number?: number;
}

export interface Article {
  id: number;
  kind: 'main' | 'secondary';
  title: string | null;
  byline: string | null;
  published: string | null;
  published_iso: string | null;
  source: string | null;
  tags: string[];
  related: { text: string; article: number | null }[];
  body: string;
}

export interface Entity extends Span { type: EntityType; text: string; cluster: number; norm: string; }
export interface Quote extends Span { text: string; speaker: string | null; speaker_clusters: number[]; }
export interface Cluster { id: number; type: EntityType; name: string; norm: string; mentions: number[]; roles: string[]; }

/** The structure and metadata: all a parse with {entities: false} (extraction only) gives. */
export interface Extraction {
  version: string;
  lang: string;
  dir: 'rtl' | 'ltr';
  /** HTML input only: the extracted text that every span indexes. */
  text?: string;
  blocks: Block[];
  articles: Article[];
}

/** The whole result: the extraction, and the entity stage's entities, quotes and clusters. */
export interface Result extends Extraction {
  entities: Entity[];
  quotes: Quote[];
  clusters: Cluster[];
}

export interface ErrorResult {
  /** offset: UTF-8 byte of the problem; for lone_surrogate (JavaScript only), the string index. */
  error: { code: 'invalid_utf8' | 'lone_surrogate' | 'empty' | 'nul_byte' | 'too_large' | 'too_deep' | 'bad_events'; message: string; offset: number };
}

/** entities false: extraction only. Blocks, roles, articles and metadata are the same as a whole
 * parse's, the entity stage is skipped (several times faster on long texts) and the result has no
 * `entities`, `quotes` or `clusters`. Default true. */
export interface ExtractOptions { entities?: boolean; }
/** html: parse the input as HTML (what parseHtml sets). */
export interface ParseOptions extends ExtractOptions { html?: boolean; }
/** Options of parseHtml. feed 'dom': the browser's DOMParser parses the HTML (faster in a page, the
 * same result); default or where there is no DOMParser: the core's own HTML parser. */
export interface HtmlOptions extends ExtractOptions { feed?: 'dom' | 'core'; }
type Extracting = { entities: false };

export interface Maqal {
  /** Plain text (a paste) → result. */
  parse(text: string, options: ParseOptions & Extracting): Extraction | ErrorResult;
  parse(text: string, options?: ParseOptions): Result | ErrorResult;
  /** HTML (a whole page or a clipboard fragment) → result; `result.text` is the text its offsets index. */
  parseHtml(html: string, options: HtmlOptions & Extracting): Extraction | ErrorResult;
  parseHtml(html: string, options?: HtmlOptions): Result | ErrorResult;
  /** The result as JSON text, byte-identical to `maqal parse` (without the final newline). */
  parseJson(text: string, options?: ParseOptions): string;
  /** A Document the browser already has: the live page (extension) or one from DOMParser. */
  parseDocument(doc: Document, options: ExtractOptions & Extracting): Extraction | ErrorResult;
  parseDocument(doc: Document, options?: ExtractOptions): Result | ErrorResult;
  /** The event stream of dom_feed.js's encodeDom() → result (what parseDocument sends to the core). */
  parseDomEvents(events: string, options: ExtractOptions & Extracting): Extraction | ErrorResult;
  parseDomEvents(events: string, options?: ExtractOptions): Result | ErrorResult;
  version(): string;
}

/** The same calls run in a Web Worker; cancel() terminates it (pending calls reject with an AbortError). */
export interface MaqalWorker {
  parse(text: string, options: ParseOptions & Extracting): Promise<Extraction | ErrorResult>;
  parse(text: string, options?: ParseOptions): Promise<Result | ErrorResult>;
  parseHtml(html: string, options: HtmlOptions & Extracting): Promise<Extraction | ErrorResult>;
  parseHtml(html: string, options?: HtmlOptions): Promise<Result | ErrorResult>;
  parseDocument(doc: Document, options: ExtractOptions & Extracting): Promise<Extraction | ErrorResult>;
  parseDocument(doc: Document, options?: ExtractOptions): Promise<Result | ErrorResult>;
  parseJson(text: string, options?: ParseOptions): Promise<string>;
  version(): Promise<string>;
  cancel(): void;
}

export interface CreateOptions {
  /** The bytes of gen/maqal-core.wasm (otherwise fetched beside maqal.js, or read from disk in Node.js). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** gen/maqal-core.wasm already compiled (see compileMaqal). */
  wasmModule?: WebAssembly.Module;
}

export function createMaqal(options?: CreateOptions): Promise<Maqal>;
/** worker: one already started on maqal-worker.js, a classic script (`new Worker(url)`, see web/engine-start.js); otherwise one is started. */
export function createMaqalWorker(options?: { worker?: Worker }): Promise<MaqalWorker>;
/** Fetches and compiles gen/maqal-core.wasm (browsers). */
export function compileMaqal(): Promise<WebAssembly.Module>;
