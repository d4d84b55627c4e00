/* Gumbo with a bound on the depth of the tree and one-pass freeing (gumbo_bounded.c). */
#pragma once

#include <stddef.h>

#include "gumbo.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Parses `html`; *output is NULL when the stack of open elements grew past max_depth. Returns a
 * handle that owns every allocation of the parse: give it to maqal_gumbo_free (never call
 * gumbo_destroy_output on *output). */
void* maqal_gumbo_parse(const char* html, size_t length, unsigned max_depth, GumboOutput** output);
void maqal_gumbo_free(void* handle);

#ifdef __cplusplus
}
#endif
