// Calls every ICU API the parser relies on and prints the results.
// tools/build_icu_wasm.sh builds it natively against Debian's ICU (full data)
// and with em++ against the wasm ICU (data subset) and requires identical
// output: any difference means tools/icu_data_items.txt lacks an item.
//   icu_check          a short sample
//   icu_check --full   everything (more texts, locales and characters)
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucasemap.h>
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

  if (full) chars();
  lower("İSTANBUL Ｆoo ÀÉ ΣΑΣ");
  return 0;
}
