#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <vector>

#include "text/clitics.h"
#include "text/fold.h"
#include "text/script.h"
#include "text/tokens.h"
#include "text/utf.h"
#include "text/word_set.h"

using namespace maqal;

TEST(CheckInput, RejectsBadInputWithItsOffset) {
  EXPECT_EQ(text::check_input("")->code, "empty");
  EXPECT_EQ(text::check_input(" \n\t\u200f ")->code, "empty");
  auto invalid = text::check_input("abc\xC3\x28 def");
  ASSERT_TRUE(invalid);
  EXPECT_EQ(invalid->code, "invalid_utf8");
  EXPECT_EQ(invalid->offset, 3u);
  EXPECT_EQ(text::check_input("\xED\xA0\x80")->code, "invalid_utf8");  // a UTF-16 surrogate encoded
  EXPECT_EQ(text::check_input("\xC0\xAF")->code, "invalid_utf8");      // overlong '/'
  auto nul = text::check_input(std::string_view("ab\0cd", 5));
  ASSERT_TRUE(nul);
  EXPECT_EQ(nul->code, "nul_byte");
  EXPECT_EQ(nul->offset, 2u);
  EXPECT_FALSE(text::check_input("غزة"));
}

TEST(Utf16Offsets, CountsSurrogatePairsAndArabic) {
  const std::string s = "a😀بc";  // 1 + 4 + 2 + 1 bytes; 1 + 2 + 1 + 1 units
  text::Utf16Offsets to16(s);
  EXPECT_EQ(to16(0), 0u);
  EXPECT_EQ(to16(1), 1u);
  EXPECT_EQ(to16(5), 3u);
  EXPECT_EQ(to16(7), 4u);
  EXPECT_EQ(to16(8), 5u);
}

TEST(Utf16Offsets, AgreesWithAFullCountOnLongText) {
  std::string s;
  for (int i = 0; i < 500; ++i) s += i % 3 ? "غزة " : "x😀 ";
  text::Utf16Offsets to16(s);
  std::size_t units = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) EXPECT_EQ(to16(i), units) << i;
    if (i < s.size()) {
      const unsigned char c = s[i];
      if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;
    }
  }
}

TEST(Fold, ArabicLetterVariantsMarksTatweelAndDigits) {
  EXPECT_EQ(text::fold("إقرأ أيضاً"), text::fold("اقرا ايضا"));
  EXPECT_EQ(text::fold("غزة"), "غزه");
  EXPECT_EQ(text::fold("مستشفى"), "مستشفي");
  EXPECT_EQ(text::fold("مـــحـمد"), "محمد");
  EXPECT_EQ(text::fold("مُحَمَّد"), "محمد");
  EXPECT_EQ(text::fold("٢٠٢٤"), "2024");
  EXPECT_EQ(text::fold("Gaza"), "gaza");
  EXPECT_EQ(text::fold("Ｆoo"), "foo");
  EXPECT_EQ(text::fold("a\u200fb"), "ab");  // bidi marks are invisible to matching
}

TEST(Tokens, WordsNumbersAndPunctuationWithByteOffsets) {
  const std::string s = "قال: 1,250 شخصاً.";
  auto tokens = text::tokenize(s);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].kind, text::TokenKind::word);
  EXPECT_EQ(s.substr(tokens[0].start, tokens[0].end - tokens[0].start), "قال");
  EXPECT_EQ(tokens[1].form(), ":");
  EXPECT_EQ(tokens[2].kind, text::TokenKind::number);
  EXPECT_EQ(tokens[2].form(), "1,250");
  EXPECT_EQ(tokens[3].form(), "شخصا");
}

// Chunks between blanks that the tokenizer breaks without ICU (letters, ASCII digits, a mark before or
// after them or alone) come out as ICU's word breaker makes them; "_" and "@" join what is around them.
TEST(Tokens, SimpleChunksAsTheWordBreakerMakesThem) {
  const std::string s = "«كلمة» (word), 1990. قال، x_y a@b - ! Done";
  std::vector<std::string> written;
  std::string kinds;
  for (const auto& t : text::tokenize(s)) {
    written.push_back(s.substr(t.start, t.end - t.start));
    kinds += "wnp"[static_cast<int>(t.kind)];
  }
  EXPECT_EQ(written, (std::vector<std::string>{"«", "كلمة", "»", "(", "word", ")", ",", "1990", ".", "قال", "،", "x_y",
                                               "a@b", "-", "!", "Done"}));
  EXPECT_EQ(kinds, "pwppwppnpwpwwppw");
}

// A tanween ends an Arabic word (its alef seat with it): a letter after it is the next word, glued on
// when a link was copied without its blank. Without a letter after it, the word is whole.
TEST(Tokens, WordsGluedAfterTanweenAreTwo) {
  const auto written = [](const std::string& s, const text::Tokens& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.push_back(s.substr(t.start, t.end - t.start));
    return out;
  };
  for (const std::string s : {"أيضاًهوكشتاين", "أيضًاهوكشتاين"}) {
    const auto tokens = text::tokenize(s);
    ASSERT_EQ(tokens.size(), 2u) << s;
    EXPECT_EQ(written(s, tokens)[1], "هوكشتاين") << s;
    EXPECT_EQ(tokens[1].kind, text::TokenKind::word);
  }
  const std::string whole = "قالت شخصاً جدًّا، قياديًا";
  EXPECT_EQ(written(whole, text::tokenize(whole)), (std::vector<std::string>{"قالت", "شخصاً", "جدًّا", "،", "قياديًا"}));
}

// A document's tokens share one store of forms, each distinct form once, alive as long as any tokens.
TEST(Tokens, DocumentTokenizerStoresEachFormOnce) {
  const std::vector<std::string> texts = {"The Minister met THE press.", "the minister left, 12 days later"};
  std::vector<text::Tokens> blocks;
  {
    text::DocumentTokenizer tokenize;
    for (const auto& t : texts) blocks.push_back(tokenize(t));
  }
  for (std::size_t b = 0; b < texts.size(); ++b) {
    const text::Tokens alone = text::tokenize(texts[b]);
    ASSERT_EQ(blocks[b].size(), alone.size());
    for (std::size_t i = 0; i < alone.size(); ++i) {
      EXPECT_EQ(blocks[b][i].form(), alone[i].form());
      EXPECT_EQ(blocks[b][i].start, alone[i].start);
      EXPECT_EQ(blocks[b][i].kind, alone[i].kind);
    }
  }
  EXPECT_EQ(blocks[0][0].form(), "the");
  EXPECT_EQ(blocks[0][0].form().data(), blocks[0][3].form().data());  // "The" and "THE"
  EXPECT_EQ(blocks[0][1].form().data(), blocks[1][1].form().data());  // "Minister" and "minister"
  EXPECT_EQ(text::form_id(blocks[0][0]), 0u);  // ids by first meeting, one per distinct form
  EXPECT_EQ(text::form_id(blocks[0][1]), text::form_id(blocks[1][1]));
  EXPECT_NE(text::form_id(blocks[0][1]), text::form_id(blocks[1][2]));
  EXPECT_EQ(text::form_id(text::tokenize(texts[0])[0]), text::kNoFormId);
  const text::Tokens copy = blocks[1];
  blocks.clear();
  EXPECT_EQ(copy[2].form(), "left");
}

// A NUL follows every form, as it followed a std::string's: reading a code point from an empty form
// (U+0604, a format character, folds to nothing) reads 0, not the next form's first byte
// (tools/fuzz found ends_sentence() reading past one).
TEST(Tokens, EveryFormEndsInNul) {
  const std::string s = "\u0604\u0668 : \u0604.";
  text::DocumentTokenizer tokenize;
  for (const text::Tokens& tokens : {text::tokenize(s), tokenize(s)}) {
    ASSERT_FALSE(tokens.empty());
    EXPECT_TRUE(std::any_of(tokens.begin(), tokens.end(), [](const text::Token& t) { return t.form().empty(); }));
    for (const auto& t : tokens) EXPECT_EQ(t.form().data()[t.form().size()], '\0');
  }
}

TEST(Fold, CopiesUnchangedRunsAroundFoldedLetters) {
  EXPECT_EQ(text::fold("abcDEF\u00C9x\xFF" "yz"), "abcdefexyz");  // É → e; a byte that is no UTF-8 is dropped
  EXPECT_EQ(text::fold("\u0661\u0662x"), "12x");                  // Arabic-Indic digits
  EXPECT_EQ(text::fold(""), "");
}

TEST(Tokens, SentencesDoNotEndAtMr) {
  auto ends = text::sentence_ends("Mr. Smith went home. He slept.");
  ASSERT_EQ(ends.size(), 2u);
  EXPECT_EQ(ends[0], 21u);
}

TEST(Clitics, StemsLookPastProcliticsButKeepShortWords) {
  const std::string word = text::fold("وبالولايات");  // stems are views into the word
  auto stems = text::stems(word);
  EXPECT_NE(std::find(stems.begin(), stems.end(), text::fold("ولايات")), stems.end());
  const std::string lebanon = text::fold("لبنان");
  EXPECT_EQ(text::stems(lebanon).front(), lebanon);  // the word as written is tried first
  EXPECT_EQ(text::without_article(text::fold("ألفي")), "");  // 2000, not ال + في
  EXPECT_EQ(text::without_article(text::fold("الجمعة")), text::fold("جمعة"));
  auto english = text::stems("israel's");
  EXPECT_NE(std::find(english.begin(), english.end(), "israel"), english.end());
}

// A document's tokens carry their stems as cuts: the same stems, in the same order, as the form's,
// where the cuts fit ("وللولايات": و, ولل, ول), and text::tokenize's tokens, which carry none.
TEST(Clitics, TokenStemsAreTheFormsStems) {
  text::DocumentTokenizer tokenize;
  const std::string s = "وللولايات وبالولايات israel's لبنان ف 3";
  for (const text::Tokens& tokens : {tokenize(s), text::tokenize(s)})
    for (const text::Token& t : tokens) {
      const text::Stems of_form = text::stems(t.form()), of_token = text::stems(t);
      EXPECT_TRUE(std::equal(of_form.begin(), of_form.end(), of_token.begin(), of_token.end())) << t.form();
    }
  EXPECT_EQ(text::stems(tokenize(s).front()).size(), 4u);
}

// first_letter_case() answers ASCII and the Arabic block without ICU: as ICU would.
TEST(Utf, FirstLetterCaseAgreesWithIcu) {
  using maqal::text::LetterCase;
  for (UChar32 c = 1; c < 0x800; ++c) {  // ASCII, Latin, Greek, Cyrillic, Hebrew, the Arabic block and after
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    const LetterCase icu = u_isupper(c) || u_istitle(c) ? LetterCase::upper : u_islower(c) ? LetterCase::lower : LetterCase::none;
    EXPECT_EQ(maqal::text::first_letter_case({buf, static_cast<std::size_t>(n)}), icu) << c;
  }
}

TEST(Script, DirectionAndLanguage) {
  EXPECT_EQ(text::direction("«غزة» Gaza", "ltr"), "rtl");
  EXPECT_EQ(text::direction("123 Gaza غزة", "rtl"), "ltr");
  EXPECT_EQ(text::direction("123 ...", "rtl"), "rtl");
  EXPECT_EQ(text::language("قال وزير الخارجية في Washington"), "ar");
  EXPECT_EQ(text::language("Blinken said in غزة"), "en");
  EXPECT_EQ(text::language("123 456"), "und");
}

TEST(WordSet, KeepsTheFirstEqualViewThroughGrowth) {
  text::WordSet set;
  EXPECT_TRUE(set.empty());
  EXPECT_FALSE(set.contains("غزة"));
  std::vector<std::string> words;
  for (int i = 0; i < 1000; ++i) words.push_back("w" + std::to_string(i));
  for (const auto& w : words) EXPECT_EQ(set.insert(w).data(), w.data());
  const std::string again = "w500";
  EXPECT_EQ(set.insert(again).data(), words[500].data());  // the view already kept
  for (const auto& w : words) ASSERT_EQ(set.find(std::string(w))->data(), w.data());
  EXPECT_FALSE(set.contains("w1000"));
  EXPECT_FALSE(set.contains(""));
  set.insert("");
  EXPECT_TRUE(set.contains(""));
}
