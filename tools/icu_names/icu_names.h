// The place and date names the lexicon takes from ICU, as the table core/lang/common/icu_names.tsv.
// Generated natively at development time, so the wasm needs none of ICU's locale data (about 90 KB of
// the page's download): `build/icu_names > core/lang/common/icu_names.tsv`; a test keeps the table equal
// to what ICU gives.
#pragma once

#include <string>

namespace maqal::tools {

// The table: countries and world regions under their display names in each language of
// common/languages.tsv (LOC, the English name as norm), then the weekday and month names of every
// locale of common/calendars.tsv (DATE, ISO 8601 patterns as norm: XXXX-WXX-5 is "a Friday", XXXX-03
// "a March"). A name is listed once, where it first comes (the lexicon keeps a name's first entry).
std::string icu_names_table();

}  // namespace maqal::tools
