/* Gumbo's parser.c compiled with three additions, without changing its source:
 * - a depth bound: Gumbo 0.10.1 has no maximum tree depth and checks "a p element in button scope"
 *   by scanning the whole stack of open elements at every start tag, so 100k nested <div>s take
 *   minutes. Every push onto the stack of open elements goes through bounded_vector_add below; past
 *   the bound the parse stops at once (longjmp) and maqal_gumbo_parse returns 0.
 * - an allocation list: every block Gumbo allocates is linked into one list, so the whole tree (or a
 *   parse stopped half-way) is freed in one linear pass, without Gumbo's recursive destroy_node.
 * - unread text: when the tokenizer enters the text of a <style>, an <iframe> or a <script> that is
 *   not JSON-LD, which html_blocks.cpp skips unread, the copy of tokenizer.c (CMakeLists.txt) runs
 *   over it up to each '<' instead of making each character a token appended to the tree. */
#include <setjmp.h>
#include <stddef.h>
#include <stdlib.h>
#include <strings.h>

#include "tokenizer.h" /* declared here, before the macro below sends parser.c's calls elsewhere */
#include "vector.h"

struct GumboInternalParser;
static void bounded_vector_add(struct GumboInternalParser* parser, void* element, GumboVector* vector);
#define gumbo_vector_add(parser, element, vector) bounded_vector_add(parser, element, vector)
static void noting_set_state(struct GumboInternalParser* parser, GumboTokenizerEnum state);
#define gumbo_tokenizer_set_state(parser, state) noting_set_state(parser, state)

#include "parser.c"

#undef gumbo_vector_add
#undef gumbo_tokenizer_set_state

#include "gumbo_bounded.h"

typedef union Header {
  struct {
    union Header* prev;
    union Header* next;
  } link;
  max_align_t align; /* keeps the payload aligned like malloc's */
} Header;

typedef struct {
  Header head; /* sentinel of a circular list */
  unsigned max_depth;
  int text_unread; /* the element whose raw text the tokenizer is in is skipped unread */
  jmp_buf stop;
} Arena;

static void* arena_allocate(void* userdata, size_t size) {
  Arena* arena = (Arena*)userdata;
  Header* h = (Header*)malloc(sizeof(Header) + size);
  if (!h) abort(); /* as Gumbo's own malloc wrapper would fail: no recovery possible */
  h->link.next = arena->head.link.next;
  h->link.prev = &arena->head;
  arena->head.link.next->link.prev = h;
  arena->head.link.next = h;
  return h + 1;
}

static void arena_deallocate(void* userdata, void* ptr) {
  (void)userdata;
  if (!ptr) return;
  Header* h = (Header*)ptr - 1;
  h->link.prev->link.next = h->link.next;
  h->link.next->link.prev = h->link.prev;
  free(h);
}

static void bounded_vector_add(struct GumboInternalParser* parser, void* element, GumboVector* vector) {
  gumbo_vector_add(parser, element, vector);
  if (vector == &parser->_parser_state->_open_elements) {
    Arena* arena = (Arena*)parser->_options->userdata;
    if (vector->length > arena->max_depth) longjmp(arena->stop, 1);
  }
}

/* Whether nothing reads the text of `element`: the same test as html_blocks.cpp's (a skipped
 * element; a script captured only when its type says JSON-LD) and dom_feed.js's. */
static int text_is_unread(const GumboElement* element) {
  if (element->tag == GUMBO_TAG_STYLE || element->tag == GUMBO_TAG_IFRAME) return 1;
  if (element->tag != GUMBO_TAG_SCRIPT) return 0;
  const GumboAttribute* type = gumbo_get_attribute(&element->attributes, "type");
  if (!type) return 1;
  for (const char* at = type->value; *at; ++at)
    if (strncasecmp(at, "ld+json", 7) == 0) return 0;
  return 1;
}

/* Gumbo enters the raw text or script state right after inserting the element from its start tag,
 * so the current node is the element whose text follows. */
static void noting_set_state(struct GumboInternalParser* parser, GumboTokenizerEnum state) {
  gumbo_tokenizer_set_state(parser, state);
  Arena* arena = (Arena*)parser->_options->userdata;
  const GumboNode* node = get_current_node(parser);
  arena->text_unread = (state == GUMBO_LEX_RAWTEXT || state == GUMBO_LEX_SCRIPT) && node &&
                       node->type == GUMBO_NODE_ELEMENT && text_is_unread(&node->v.element);
}

int maqal_gumbo_text_unread(const GumboParser* parser) {
  return ((const Arena*)parser->_options->userdata)->text_unread;
}

void* maqal_gumbo_parse(const char* html, size_t length, unsigned max_depth, GumboOutput** output) {
  Arena* arena = (Arena*)malloc(sizeof(Arena));
  if (!arena) abort();
  arena->head.link.next = arena->head.link.prev = &arena->head;
  arena->max_depth = max_depth;
  arena->text_unread = 0;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = arena_allocate;
  options.deallocator = arena_deallocate;
  options.userdata = arena;
  options.max_errors = 0; /* parse errors copy the stack of open elements: quadratic, and unused */
  *output = NULL;
  if (setjmp(arena->stop) == 0) *output = gumbo_parse_with_options(&options, html, length);
  return arena;
}

void maqal_gumbo_free(void* handle) {
  Arena* arena = (Arena*)handle;
  if (!arena) return;
  Header* h = arena->head.link.next;
  while (h != &arena->head) {
    Header* next = h->link.next;
    free(h);
    h = next;
  }
  free(arena);
}
