#ifndef NETKB_CCMARKGFM_SHIM_H
#define NETKB_CCMARKGFM_SHIM_H

#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

/* Option flags are macros Swift imports as Int32 constants; these getters keep
   the adapter free of C globals, which Swift 6 rejects as shared mutable state. */
static inline int netkb_cmark_options(void) {
    return CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8;
}

#endif
