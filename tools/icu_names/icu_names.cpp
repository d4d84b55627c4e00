#include "icu_names.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <set>
#include <vector>

#include "lang/data.h"

namespace maqal::tools {
namespace {

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

class Table {
 public:
  void add(const std::string& type, const std::string& name, const std::string& norm) {
    if (name.empty() || !names_.insert(name).second) return;
    text_ += type + '\t' + name + '\t' + norm + '\n';
  }
  const std::string& text() const { return text_; }

 private:
  std::set<std::string> names_;
  std::string text_ =
      "# Generated from ICU by build/icu_names (tools/icu_names): do not edit. Regenerate with\n"
      "#   build/icu_names > core/lang/common/icu_names.tsv\n"
      "# after changing common/languages.tsv, regions.tsv, calendars.tsv or language_names.tsv, or ICU.\n"
      "# type\tname\tnorm\n";
};

void add_regions(Table& table) {
  std::vector<std::string> codes;
  for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) codes.emplace_back(*c);
  for (const auto& row : data::rows("common/regions.tsv")) codes.emplace_back(row[0]);
  for (const auto& row : data::rows("common/languages.tsv")) {
    const icu::Locale display(std::string(row[0]).c_str());
    for (const auto& code : codes) {
      const icu::Locale region("und", code.c_str());
      icu::UnicodeString name, english;
      region.getDisplayCountry(display, name);
      region.getDisplayCountry(icu::Locale::getEnglish(), english);
      if (name.isBogus() || name == icu::UnicodeString(code.c_str())) continue;
      table.add("LOC", utf8(name), utf8(english));
    }
  }
}

void add_calendar_names(Table& table) {
  static constexpr int kIsoWeekday[] = {0, 7, 1, 2, 3, 4, 5, 6};  // ICU: UCAL_SUNDAY = 1
  for (const auto& row : data::rows("common/calendars.tsv")) {
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols symbols(icu::Locale(std::string(row[0]).c_str()), status);
    if (U_FAILURE(status)) continue;
    for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
      int32_t count = 0;
      const icu::UnicodeString* days = symbols.getWeekdays(count, context, icu::DateFormatSymbols::WIDE);
      for (int32_t d = 1; d < count && d < 8; ++d)
        table.add("DATE", utf8(days[d]), "XXXX-WXX-" + std::to_string(kIsoWeekday[d]));
      const icu::UnicodeString* months = symbols.getMonths(count, context, icu::DateFormatSymbols::WIDE);
      for (int32_t m = 0; m < count && m < 12; ++m) {
        char norm[16];
        std::snprintf(norm, sizeof norm, "XXXX-%02d", m + 1);
        table.add("DATE", utf8(months[m]), norm);
      }
    }
  }
}

// Language menus write a language's own name capitalized ("Français"); ICU gives "français".
icu::UnicodeString capitalized(const icu::UnicodeString& name, const icu::Locale& locale) {
  if (name.isEmpty()) return name;
  const int32_t first = name.moveIndex32(0, 1);
  icu::UnicodeString head(name, 0, first);
  return head.toUpper(locale) + icu::UnicodeString(name, first);
}

void add_language_names(Table& table) {
  for (const auto& row : data::rows("common/language_names.tsv")) {
    const icu::Locale language(std::string(row[0]).c_str());
    icu::UnicodeString english, own;
    language.getDisplayLanguage(icu::Locale::getEnglish(), english);
    language.getDisplayLanguage(language, own);
    table.add("MISC", utf8(capitalized(own, language)), utf8(english));
  }
}

}  // namespace

std::string icu_names_table() {
  Table table;
  add_regions(table);
  add_calendar_names(table);
  add_language_names(table);
  return table.text();
}

}  // namespace maqal::tools
