/* Gumbo's named character references ("&amp;", "&not", "&NotEqualTilde;") looked up in a table sorted
 * by name, in place of the Ragel state machine of its char_ref.c: the same 2,231 names, read from
 * char_ref.rl at build time (CMakeLists.txt writes gumbo_named_refs.inc), in 43 KB where the machine's
 * tables took 180 KB: the page's wasm is 62 KB gzip smaller. */
#include <stddef.h>
#include <string.h>

typedef struct {
  unsigned short name;   /* offset of the name in kNamedRefNames */
  unsigned char length;  /* of the name, its ';' included when it has one */
  int first, second;     /* the code points it stands for; second -1 (kGumboNoChar) for one */
} NamedRef;

#include "gumbo_named_refs.inc" /* kNamedRefNames, kNamedRefs (sorted by name, bytewise) */

/* The sign of name − the text [p, end), bytewise; a name that the text starts with sorts first. */
static int compare(const NamedRef* ref, const char* p, size_t available) {
  const size_t n = ref->length < available ? ref->length : available;
  const int c = memcmp(kNamedRefNames + ref->name, p, n);
  if (c != 0) return c;
  return ref->length < available ? -1 : ref->length > available ? 1 : 0;
}

/* The end of the longest name the text [p, end) starts with, its code points in *first and *second;
 * NULL when none (as the Ragel scanner, which matched the longest). A name the text starts with sorts
 * at or before the text, and a longer one after a shorter one: going back from where the text would
 * sort, the first such name is the longest, and none lies before the names of the text's first byte. */
const char* maqal_longest_named_ref(const char* p, const char* end, int* first, int* second) {
  if (p >= end) return NULL;
  const size_t available = (size_t)(end - p);
  size_t lo = 0, hi = sizeof kNamedRefs / sizeof kNamedRefs[0];
  while (lo < hi) { /* the first name after the text */
    const size_t mid = lo + (hi - lo) / 2;
    if (compare(&kNamedRefs[mid], p, available) <= 0) lo = mid + 1;
    else hi = mid;
  }
  for (size_t i = lo; i-- > 0;) {
    const NamedRef* ref = &kNamedRefs[i];
    if (kNamedRefNames[ref->name] != *p) break;
    if (ref->length <= available && memcmp(kNamedRefNames + ref->name, p, ref->length) == 0) {
      *first = ref->first;
      *second = ref->second;
      return p + ref->length;
    }
  }
  return NULL;
}
