// How the benchmark calls Maqal on HTML, in Node and in the browser page alike: the module's
// parseHtml(html) when it has one, else parse(html, {html: true}); and the DOM feed
// (parseHtml(html, {feed: 'dom'})) only when the module has it and it parses `probe` without error.
export function htmlParsers(maqal, probe) {
  const hasParseHtml = typeof maqal.parseHtml === 'function';
  const string = hasParseHtml ? (html) => maqal.parseHtml(html) : (html) => maqal.parse(html, { html: true });
  let dom = null;
  if (hasParseHtml && typeof DOMParser === 'function') {
    try {
      const result = maqal.parseHtml(probe, { feed: 'dom' });
      if (result && !result.error) dom = (html) => maqal.parseHtml(html, { feed: 'dom' });
    } catch {
      // no DOM feed in this build of the module
    }
  }
  return { string, dom, call: hasParseHtml ? 'parseHtml(html)' : 'parse(html, {html: true})' };
}
