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

// getAttribute() lower-cases the name on an HTML element: an attribute a script gave a capital
// (setAttributeNS) is found by its Attr.
const valueOf = (node, name) => [...node.attributes].find((a) => a.name === name).value;

/**
 * Encodes a Document (or any node: its descendants) as the core's DOM event stream.
 * Walks without recursion, so a deep tree cannot overflow the JavaScript stack. Attributes are read
 * by name (getAttributeNames): iterating `node.attributes` makes the browser create an Attr node for
 * each, which cost most of the time on a page with many attributes. One string grows by `+=`
 * (V8 joins the pieces once, when the string is read).
 * @param {Node} root
 * @returns {string}
 */
export function encodeDom(root) {
  let out = '';
  let node = root.firstChild;
  const stack = [];  // parents whose children are being walked
  while (node || stack.length) {
    if (!node) {  // the last child of the innermost open element is done
      out += CLOSE;
      node = stack.pop().nextSibling;
      continue;
    }
    if (node.nodeType === ELEMENT) {
      const name = node.namespaceURI === XHTML ? node.localName : node.localName.toLowerCase();
      out += OPEN + escape(name);
      for (const attribute of node.getAttributeNames()) {
        out += NAME + escape(attribute) + VALUE + escape(node.getAttribute(attribute) ?? valueOf(node, attribute));
      }
      if (unreadText(node)) {
        out += CLOSE;
        node = node.nextSibling;
        continue;
      }
      stack.push(node);
      node = childrenOf(node).firstChild;
      continue;
    }
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA) out += TEXT + escape(node.data);
    node = node.nextSibling;
  }
  return out;
}
