#include "html/gumbo_events.h"

#include <string>
#include <utility>

#include "html/gumbo_bounded.h"
#include "text/utf.h"

namespace maqal::html {
namespace {

// The lower-case tag name of an element: Gumbo's normalized name, or the source name for tags
// Gumbo does not know (custom elements) and for SVG's camel-case names.
std::string tag_name(const GumboElement& e) {
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data ? piece.data : "", piece.data ? piece.length : 0);
  const std::size_t end = name.find_first_of(" \t\n\r\f/>");
  if (end != std::string::npos) name.resize(end);
  return text::lower_ascii(name);
}

}  // namespace

std::optional<Error> feed_gumbo(std::string_view input, EventSink& sink) {
  GumboOutput* output = nullptr;
  void* arena = maqal_gumbo_parse(input.data(), input.size(), kMaxDepth, &output);
  if (!output) {
    maqal_gumbo_free(arena);
    return Error{"too_deep", "elements nested deeper than " + std::to_string(kMaxDepth), 0};
  }
  // An explicit stack of (node, next child index) instead of recursion.
  struct Frame {
    const GumboNode* node;
    unsigned next = 0;
    std::string tag;
  };
  std::vector<Frame> stack;
  std::vector<Attribute> attributes;
  auto children_of = [](const GumboNode* n) -> const GumboVector* {
    if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) return &n->v.element.children;
    return nullptr;
  };
  stack.push_back({output->document, 0, {}});
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector* children = children_of(top.node);
    if (!children || top.next >= children->length) {
      if (top.node->type != GUMBO_NODE_DOCUMENT) sink.close(top.tag);
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children->data[top.next++]);
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        sink.text(child->v.text.text);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        attributes.clear();
        const GumboVector& attrs = child->v.element.attributes;
        for (unsigned i = 0; i < attrs.length; ++i) {
          const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
          attributes.push_back({a->name, a->value});
        }
        std::string tag = tag_name(child->v.element);
        sink.open(tag, attributes);
        stack.push_back({child, 0, std::move(tag)});
        break;
      }
      default:  // comments, the doctype
        break;
    }
  }
  maqal_gumbo_free(arena);
  return std::nullopt;
}

}  // namespace maqal::html
