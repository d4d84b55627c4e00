// The main article of a parse result as clean blocks: what the reading view shows and what
// "copy as Markdown" writes. No DOM here (tested in Node.js).

/** Roles that belong to an article's text (the rest is page furniture around it). */
const ARTICLE_ROLES = new Set(['title', 'subtitle', 'byline', 'dateline', 'lead', 'paragraph', 'subheading',
  'blockquote', 'caption', 'list_item', 'source', 'tags']);

/** The main article (else the first) and its blocks in order; null when there is no article. */
export function mainArticle(result) {
  const articles = (result && Array.isArray(result.articles)) ? result.articles : [];
  const article = articles.find((a) => a.kind === 'main') || articles[0];
  if (!article) return null;
  const blocks = (Array.isArray(result.blocks) ? result.blocks : [])
    .filter((b) => b.article === article.id && ARTICLE_ROLES.has(b.role) && typeof b.text === 'string' && b.text.trim());
  return { article, blocks };
}

/** Escapes what Markdown would read as markup, so the text comes out as written. */
export function escapeMarkdown(text) {
  return text
    .replace(/[\\`*_[\]<>|]/g, '\\$&')
    .replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/gm, (m, space, mark) => `${space}${mark.replace(/[#>+\-.)]/, '\\$&')}`);
}

const oneLine = (text) => text.replace(/\s+/g, ' ').trim();

/** The main article as Markdown: headings, paragraphs, quotes and lists; '' without an article. */
export function articleMarkdown(result) {
  const main = mainArticle(result);
  if (!main) return '';
  const out = [];
  let inList = false;
  for (const b of main.blocks) {
    const text = escapeMarkdown(oneLine(b.text));
    const line = {
      title: `# ${text}`,
      subtitle: `## ${text}`,
      subheading: `## ${text}`,
      byline: `*${text}*`,
      dateline: `*${text}*`,
      blockquote: `> ${text}`,
      caption: `*${text}*`,
      list_item: `${b.number ? `${b.number}.` : '-'} ${text.replace(/^[•·▪◦‣\\-]+\s*/, '')}`,
    }[b.role] || text;
    // consecutive list items form one list; everything else is its own paragraph
    if (inList && b.role === 'list_item') out[out.length - 1] += `\n${line}`;
    else out.push(line);
    inList = b.role === 'list_item';
  }
  return `${out.join('\n\n')}\n`;
}
