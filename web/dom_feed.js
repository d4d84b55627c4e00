// The DOM feed: a document the browser has already parsed (DOMParser, or the live page in an
// extension) walked into the event stream the core reads (format: core/html/dom_events.h), so the
// wasm does not parse the HTML a second time. Same result as parsing the HTML string with Gumbo.

const OPEN = '\x01', NAME = '\x02', VALUE = '\x03', CLOSE = '\x04', TEXT = '\x05';
const MARKS = /[\x01-\x06]/g;
const ELEMENT = 1, TEXT_NODE = 3, CDATA = 4;
const XHTML = 'http://www.w3.org/1999/xhtml';

// Control characters the stream uses as marks travel as \x06 + (char + 0x40).
function escape(s) {
  MARKS.lastIndex = 0;
  return MARKS.test(s) ? s.replace(MARKS, (c) => '\x06' + String.fromCharCode(c.charCodeAt(0) + 0x40)) : s;
}

// A template's children live in its content fragment; Gumbo gives them as children.
const childrenOf = (node) => (node.localName === 'template' && node.content ? node.content : node);

// The text of a <style> or a <script> the core drops unread (it keeps only JSON-LD scripts:
// core/html/html_blocks.cpp), so it is not sent: often the larger part of a page's bytes.
const unreadText = (node) => node.namespaceURI === XHTML && (node.localName === 'style'
  || (node.localName === 'script' && !(node.getAttribute('type') || '').toLowerCase().includes('ld+json')));

/**
 * Encodes a Document (or any node: its descendants) as the core's DOM event stream.
 * Walks without recursion, so a deep tree cannot overflow the JavaScript stack.
 * @param {Node} root
 * @returns {string}
 */
export function encodeDom(root) {
  const parts = [];
  let node = root.firstChild;
  const stack = [];  // parents whose children are being walked
  while (node || stack.length) {
    if (!node) {  // the last child of the innermost open element is done
      parts.push(CLOSE);
      node = stack.pop().nextSibling;
      continue;
    }
    if (node.nodeType === ELEMENT) {
      const name = node.namespaceURI === XHTML ? node.localName : node.localName.toLowerCase();
      parts.push(OPEN, escape(name));
      for (const a of node.attributes) parts.push(NAME, escape(a.name), VALUE, escape(a.value));
      if (unreadText(node)) {
        parts.push(CLOSE);
        node = node.nextSibling;
        continue;
      }
      stack.push(node);
      node = childrenOf(node).firstChild;
      continue;
    }
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA) parts.push(TEXT, escape(node.data));
    node = node.nextSibling;
  }
  return parts.join('');
}
