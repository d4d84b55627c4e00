// How the benchmark calls Maqal on HTML, in Node and in the browser page alike: the module's
// parseHtml(html, options) when it has one, else parse(html, {...options, html: true}); and the DOM
// feed (parseHtml(html, {...options, feed: 'dom'})) only when the module has it and it parses
// `probe` without error. options {entities: false}: extraction only; null when the module has no
// such mode (it ignores the option and still gives entities), so older builds can be measured too.
export function htmlParsers(maqal, probe, options = {}) {
  const hasParseHtml = typeof maqal.parseHtml === 'function';
  const string = hasParseHtml ? (html) => maqal.parseHtml(html, options) : (html) => maqal.parse(html, { ...options, html: true });
  if (options.entities === false && 'entities' in string(probe)) return null;
  let dom = null;
  if (hasParseHtml && typeof DOMParser === 'function') {
    try {
      const result = maqal.parseHtml(probe, { ...options, feed: 'dom' });
      if (result && !result.error) dom = (html) => maqal.parseHtml(html, { ...options, feed: 'dom' });
    } catch {
      // no DOM feed in this build of the module
    }
  }
  return { string, dom, call: hasParseHtml ? 'parseHtml(html)' : 'parse(html, {html: true})' };
}
