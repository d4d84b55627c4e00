// Language data (cue tables, lexicons) compiled into the build from core/lang/**.
#pragma once

#include <string_view>
#include <vector>

namespace maqal::data {

// The content of a data file by its path under core/lang ("ar/cues.tsv"); empty when absent. A
// tab-separated file's comment lines are not compiled in (tools/cmake/embed_data.cmake).
std::string_view file(std::string_view name);

// The rows of tab-separated text: blank lines and lines starting with '#' are skipped.
std::vector<std::vector<std::string_view>> rows_of(std::string_view text);

// The rows of a tab-separated data file (rows_of() its content).
std::vector<std::vector<std::string_view>> rows(std::string_view name);

// Rows of the same file for every language, in a fixed order (common, ar, en).
std::vector<std::vector<std::string_view>> rows_all_languages(std::string_view file_name);

}  // namespace maqal::data
