/* Gumbo's parser.c compiled with three additions, without changing its source:
 * - a depth bound: Gumbo 0.10.1 has no maximum tree depth and checks "a p element in button scope"
 *   by scanning the whole stack of open elements at every start tag, so 100k nested <div>s take
 *   minutes. Every push onto the stack of open elements goes through bounded_vector_add below; past
 *   the bound the parse stops at once (longjmp) and maqal_gumbo_parse returns 0.
 * - an arena: Gumbo allocates and frees a block for every token, tag name, attribute and node; the
 *   small ones come from large chunks by size class (16-byte steps), a freed one kept on its class's
 *   list for the next of that size, instead of malloc and free each time (a sixth of the parse).
 *   The larger ones are malloc'd and linked into one list. The whole tree (or a parse stopped
 *   half-way) is freed at once, without Gumbo's recursive destroy_node. Under AddressSanitizer
 *   every block is malloc'd, so that it still sees each block's bounds.
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

#if defined(__SANITIZE_ADDRESS__)
#define MAQAL_EACH_BLOCK_MALLOCED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MAQAL_EACH_BLOCK_MALLOCED 1
#endif
#endif
#ifndef MAQAL_EACH_BLOCK_MALLOCED
#define MAQAL_EACH_BLOCK_MALLOCED 0
#endif

enum {
  kGrain = 16,                                        /* size classes are multiples of this */
  kSmallClasses = MAQAL_EACH_BLOCK_MALLOCED ? 0 : 32, /* blocks up to 512 bytes come from chunks */
  kChunkBytes = 64 * 1024,
};

/* Before every block: its size class (0: a large block, malloc'd). */
typedef union Header {
  size_t size_class;
  max_align_t align; /* keeps the payload aligned like malloc's */
} Header;

/* Before a large block's Header: its links in the list of large blocks. */
typedef union Large {
  struct {
    union Large* prev;
    union Large* next;
  } link;
  max_align_t align;
} Large;

typedef union Chunk {
  union Chunk* next;
  max_align_t align;
} Chunk;

typedef struct {
  Large large; /* sentinel of the circular list of large blocks */
  Chunk* chunks;
  char *free_at, *end;            /* the unused rest of the newest chunk */
  void* freed[kSmallClasses + 1]; /* per size class, the freed blocks, each holding the next */
  unsigned max_depth;
  int text_unread; /* the element whose raw text the tokenizer is in is skipped unread */
  jmp_buf stop;
} Arena;

static void* arena_allocate(void* userdata, size_t size) {
  Arena* arena = (Arena*)userdata;
  const size_t size_class = (size + kGrain - 1) / kGrain + (size == 0);
  if (size_class <= kSmallClasses) {
    void* freed = arena->freed[size_class];
    if (freed) {
      arena->freed[size_class] = *(void**)freed;
      return freed;
    }
    const size_t bytes = sizeof(Header) + size_class * kGrain;
    if ((size_t)(arena->end - arena->free_at) < bytes) {
      Chunk* chunk = (Chunk*)malloc(sizeof(Chunk) + kChunkBytes);
      if (!chunk) abort(); /* as Gumbo's own malloc wrapper would fail: no recovery possible */
      chunk->next = arena->chunks;
      arena->chunks = chunk;
      arena->free_at = (char*)(chunk + 1);
      arena->end = arena->free_at + kChunkBytes;
    }
    Header* h = (Header*)arena->free_at;
    arena->free_at += bytes;
    h->size_class = size_class;
    return h + 1;
  }
  Large* l = (Large*)malloc(sizeof(Large) + sizeof(Header) + size);
  if (!l) abort();
  l->link.next = arena->large.link.next;
  l->link.prev = &arena->large;
  arena->large.link.next->link.prev = l;
  arena->large.link.next = l;
  Header* h = (Header*)(l + 1);
  h->size_class = 0;
  return h + 1;
}

static void arena_deallocate(void* userdata, void* ptr) {
  Arena* arena = (Arena*)userdata;
  if (!ptr) return;
  Header* h = (Header*)ptr - 1;
  if (h->size_class > 0) {
    *(void**)ptr = arena->freed[h->size_class];
    arena->freed[h->size_class] = ptr;
    return;
  }
  Large* l = (Large*)h - 1;
  l->link.prev->link.next = l->link.next;
  l->link.next->link.prev = l->link.prev;
  free(l);
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
  Arena* arena = (Arena*)calloc(1, sizeof(Arena));
  if (!arena) abort();
  arena->large.link.next = arena->large.link.prev = &arena->large;
  arena->max_depth = max_depth;
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
  for (Large* l = arena->large.link.next; l != &arena->large;) {
    Large* next = l->link.next;
    free(l);
    l = next;
  }
  for (Chunk* c = arena->chunks; c;) {
    Chunk* next = c->next;
    free(c);
    c = next;
  }
  free(arena);
}
