#include "lang/data.h"

#include <string>

namespace maqal::data {

std::vector<std::vector<std::string_view>> rows_of(std::string_view text) {
  std::vector<std::vector<std::string_view>> out;
  std::string_view rest = text;
  while (!rest.empty()) {
    std::size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields;
    for (std::size_t from = 0;;) {
      std::size_t tab = line.find('\t', from);
      fields.push_back(line.substr(from, tab == std::string_view::npos ? line.npos : tab - from));
      if (tab == std::string_view::npos) break;
      from = tab + 1;
    }
    out.push_back(std::move(fields));
  }
  return out;
}

std::vector<std::vector<std::string_view>> rows(std::string_view name) { return rows_of(file(name)); }

std::vector<std::vector<std::string_view>> rows_all_languages(std::string_view file_name) {
  std::vector<std::vector<std::string_view>> out;
  for (std::string_view lang : {"common/", "ar/", "en/"}) {
    std::string path(lang);
    path += file_name;
    for (auto& row : rows(path)) out.push_back(std::move(row));
  }
  return out;
}

}  // namespace maqal::data
