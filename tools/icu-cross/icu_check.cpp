// Calls every ICU API the parser relies on and prints the results.
// tools/build_icu_wasm.sh builds it natively against Debian's ICU (full data)
// and with em++ against the wasm ICU (data subset) and requires identical
// output: any difference means tools/icu_data_items.txt lacks an item.
//   icu_check          a short sample
//   icu_check --full   everything (all ISO/M49 regions, all calendar locales)
#include <unicode/brkiter.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucasemap.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

using icu::UnicodeString;

namespace {

std::string utf8(const UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string hex(const UnicodeString& s) {
  std::string out;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%sU+%04X", out.empty() ? "" : " ", static_cast<unsigned>(c));
    out += buf;
    i += U16_LENGTH(c);
  }
  return out;
}

void normalize(const char* name, const icu::Normalizer2* n2, UErrorCode status, const char* text) {
  if (U_FAILURE(status)) {
    std::printf("%s(%s): instance error %s\n", name, text, u_errorName(status));
    return;
  }
  UnicodeString out = n2->normalize(UnicodeString::fromUTF8(text), status);
  std::printf("%s(%s) = %s [%s] %s\n", name, text, utf8(out).c_str(), hex(out).c_str(), u_errorName(status));
}

void breaks(const char* kind, const char* locale, const char* text, bool withStatus) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc(locale);
  std::unique_ptr<icu::BreakIterator> bi(std::strcmp(kind, "word") == 0
                                             ? icu::BreakIterator::createWordInstance(loc, status)
                                             : icu::BreakIterator::createSentenceInstance(loc, status));
  if (U_FAILURE(status)) {
    std::printf("%s[%s]: error %s\n", kind, locale, u_errorName(status));
    return;
  }
  UnicodeString s = UnicodeString::fromUTF8(text);
  bi->setText(s);
  std::string out;
  int32_t start = bi->first();
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
    out += "|" + utf8(UnicodeString(s, start, end - start));
    if (withStatus) out += "{" + std::to_string(bi->getRuleStatus()) + "}";
  }
  std::printf("%s[%s] %s|  (%s)\n", kind, locale, out.c_str(), u_errorName(status));
}

void country(const char* code, const char* displayLocale) {
  UnicodeString name;
  icu::Locale("und", code).getDisplayCountry(icu::Locale(displayLocale), name);
  std::printf("region %s in %s: %s\n", code, displayLocale, utf8(name).c_str());
}

void countryWithStatus(const char* code, const char* displayLocale) {
  UErrorCode status = U_ZERO_ERROR;
  UChar buf[256];
  std::string id = std::string("und_") + code;
  int32_t len = uloc_getDisplayCountry(id.c_str(), displayLocale, buf, 256, &status);
  UnicodeString name;
  icu::Locale("und", code).getDisplayCountry(icu::Locale(displayLocale), name);
  std::printf("region %s in %s: %s (C API: %s, %s)\n", code, displayLocale, utf8(name).c_str(),
              utf8(UnicodeString(buf, U_FAILURE(status) ? 0 : len)).c_str(), u_errorName(status));
}

std::string join(const UnicodeString* names, int32_t count, int32_t from) {
  std::string out;
  for (int32_t i = from; i < count; ++i) out += (i > from ? "," : "") + utf8(names[i]);
  return out;
}

void calendar(const char* locale) {
  using DFS = icu::DateFormatSymbols;
  UErrorCode status = U_ZERO_ERROR;
  DFS dfs{icu::Locale(locale), status};
  if (U_FAILURE(status)) {
    std::printf("calendar %s: error %s\n", locale, u_errorName(status));
    return;
  }
  std::printf("calendar %s: %s valid=%s actual=%s\n", locale, u_errorName(status),
              dfs.getLocale(ULOC_VALID_LOCALE, status).getName(),
              dfs.getLocale(ULOC_ACTUAL_LOCALE, status).getName());
  int32_t n = 0;
  for (auto ctx : {DFS::FORMAT, DFS::STANDALONE}) {
    const char* c = ctx == DFS::FORMAT ? "format" : "standalone";
    const UnicodeString* days = dfs.getWeekdays(n, ctx, DFS::WIDE);
    std::printf("  weekdays %s: %s\n", c, join(days, n, 1).c_str());  // index 0 is empty
    const UnicodeString* months = dfs.getMonths(n, ctx, DFS::WIDE);
    std::printf("  months %s: %s\n", c, join(months, n, 0).c_str());
  }
}

void chars() {
  const UChar32 cps[] = {0x0627, 0x0661, 0x06F5, 0x0035, 0x064E, 0x0640, 0x200C, 0x1F600, 0x2764,
                         0x05D0, 0x0041, 0x00A0, 0x061F, 0x060C, 0x2014, 0x00AB, 0xFDFA, 0x4E2D};
  const UProperty props[] = {UCHAR_ALPHABETIC, UCHAR_WHITE_SPACE, UCHAR_DIACRITIC, UCHAR_DASH,
                             UCHAR_QUOTATION_MARK, UCHAR_TERMINAL_PUNCTUATION,
                             UCHAR_DEFAULT_IGNORABLE_CODE_POINT, UCHAR_S_TERM, UCHAR_EXTENDER};
  for (UChar32 c : cps) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &status);
    std::string bits;
    for (UProperty p : props) bits += u_hasBinaryProperty(c, p) ? '1' : '0';
    std::printf("U+%04X type=%d digit=%d script=%s/%s dir=%d props=%s %s\n", static_cast<unsigned>(c),
                u_charType(c), u_charDigitValue(c), uscript_getShortName(sc), uscript_getName(sc),
                u_charDirection(c), bits.c_str(), u_errorName(status));
  }
}

void lower(const char* text) {
  UErrorCode status = U_ZERO_ERROR;
  UCaseMap* csm = ucasemap_open("", 0, &status);
  char buf[256];
  int32_t len = ucasemap_utf8ToLower(csm, buf, sizeof buf, text, -1, &status);
  ucasemap_close(csm);
  UnicodeString s = UnicodeString::fromUTF8(text);
  std::printf("lower(%s) = %s / %s / fold=%s %s\n", text, std::string(buf, U_FAILURE(status) ? 0 : len).c_str(),
              utf8(UnicodeString(s).toLower(icu::Locale::getRoot())).c_str(),
              utf8(UnicodeString(s).foldCase()).c_str(), u_errorName(status));
}

}  // namespace

int main(int argc, char** argv) {
  const bool full = argc > 1 && std::strcmp(argv[1], "--full") == 0;

  UErrorCode e1 = U_ZERO_ERROR, e3 = U_ZERO_ERROR;
  const icu::Normalizer2* nfkcCf = icu::Normalizer2::getNFKCCasefoldInstance(e1);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(e3);
  normalize("nfkc_cf", nfkcCf, e1, "ﷺ");
  normalize("nfkc_cf", nfkcCf, e1, "Ｆoo");
  if (full) {
    for (const char* t : {"ﻻ", "ﺍﻟﻠﻪ", "ﬁ", "Ⅻ", "İstanbul", "مُحَمَّد", "٣", "ẞ", "x\u200Dy"}) {
      normalize("nfkc_cf", nfkcCf, e1, t);
      normalize("nfd", nfd, e3, t);
    }
  }
  normalize("nfd", nfd, e3, "é");

  const char* arText = "وقالت الخارجية الأمريكية إن بلينكن";
  const char* enText = "Mr. Smith went home. He slept.";
  breaks("word", "ar", arText, false);
  breaks("sentence", "en@ss=standard", enText, false);
  breaks("sentence", "en", enText, false);
  if (full) {
    const char* texts[] = {arText, enText,
                           "قال د. أحمد: «الوضع صعب». وأضاف؟ نعم! ثم غادر… 2024-05-01 الساعة 10:30.",
                           "The U.S. Dept. of State (e.g. Mrs. Jones) said it's 3.5% vs. 2.1%. Really? Yes!",
                           "email a@b.com, URL https://x.org/a?b=1 — ok 😀👍🏽 #tag @user",
                           "He said \"Stop.\" Then left.\nNew line here. Inc. is a word."};
    for (const char* loc : {"ar", "en", "en@ss=standard", "root"}) {
      for (const char* t : texts) {
        breaks("word", loc, t, true);
        breaks("sentence", loc, t, false);
      }
    }
  }

  for (const char* code : {"PS", "IL", "LB", "IR", "US"}) {
    country(code, "ar");
    country(code, "en");
  }
  country("002", "ar");
  if (full) {
    std::vector<const char*> codes;
    for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) codes.push_back(*c);
    std::printf("ISO countries: %zu\n", codes.size());
    for (const char* m49 : {"001", "002", "003", "005", "009", "011", "013", "014", "015", "017", "018",
                            "019", "021", "029", "030", "034", "035", "039", "053", "054", "057", "061",
                            "142", "143", "145", "150", "151", "154", "155", "202", "419", "EU", "EZ",
                            "UN", "QO", "XK", "ZZ"})
      codes.push_back(m49);
    for (const char* code : codes) {
      countryWithStatus(code, "ar");
      countryWithStatus(code, "en");
    }
  }

  for (const char* loc : {"ar", "ar_LB", "ar_TN"}) {
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols dfs{icu::Locale(loc), status};
    int32_t n = 0;
    const UnicodeString* days = dfs.getWeekdays(n);
    if (std::strcmp(loc, "ar") == 0) std::printf("%s weekdays: %s\n", loc, join(days, n, 1).c_str());
    const UnicodeString* months = dfs.getMonths(n);
    std::printf("%s month 1: %s (%s)\n", loc, utf8(months[0]).c_str(), u_errorName(status));
  }
  {
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols dfs{icu::Locale("en"), status};
    int32_t n = 0;
    const UnicodeString* months = dfs.getMonths(n);
    std::printf("en months: %s (%s)\n", join(months, n, 0).c_str(), u_errorName(status));
  }
  if (full) {
    for (const char* loc : {"en", "ar", "ar_EG", "ar_SA", "ar_LB", "ar_SY", "ar_JO", "ar_IQ", "ar_PS",
                            "ar_TN", "ar_DZ", "ar_MA"})
      calendar(loc);
  }

  if (full) chars();
  lower("İSTANBUL Ｆoo ÀÉ ΣΑΣ");
  return 0;
}
