// The document pass over the name model's output (core/entities/consistency.{h,cpp}): a name found
// once is a name wherever the document writes it again. The model's mentions are given by hand here,
// so the tests check the pass alone.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "entities/consistency.h"
#include "maqal/maqal.h"
#include "entities/false_names.h"
#include "entities/ner.h"
#include "text/tokens.h"

namespace {

namespace ner = maqal::entities::ner;

// A document of sentences whose names are given by phrase: tag(s, "England", "LOC", n) tags the
// phrase's nth occurrence in sentence s.
struct Document {
  std::vector<std::string> texts;
  std::vector<maqal::text::Tokens> tokens;
  std::vector<ner::Sequence> sequences;

  Document(ner::Lang lang, std::vector<std::string> sentences) : texts(std::move(sentences)) {
    for (const auto& t : texts) tokens.push_back(maqal::text::tokenize(t));
    for (std::size_t i = 0; i < texts.size(); ++i) sequences.push_back({texts[i], &tokens[i], &ner::model(lang), {}});
  }
  // The tokens [first, last) of a phrase's nth occurrence in sentence s.
  ner::Mention at(std::size_t s, const std::string& phrase, int type = 0, int nth = 0) const {
    std::size_t pos = texts[s].find(phrase);
    while (nth-- > 0) pos = texts[s].find(phrase, pos + 1);
    EXPECT_NE(pos, std::string::npos) << phrase;
    ner::Mention m{0, 0, type};
    while (tokens[s][m.first].end <= pos) ++m.first;
    m.last = m.first;
    while (m.last < tokens[s].size() && tokens[s][m.last].start < pos + phrase.size()) ++m.last;
    return m;
  }
  void tag(std::size_t s, const std::string& phrase, const char* type, int nth = 0) {
    sequences[s].mentions.push_back(at(s, phrase, ner::type_index(type), nth));
  }
  // The type of the mention over exactly the phrase's tokens, "" when there is none.
  std::string type_at(std::size_t s, const std::string& phrase, int nth = 0) const {
    const ner::Mention want = at(s, phrase, 0, nth);
    for (const auto& m : sequences[s].mentions)
      if (m.first == want.first && m.last == want.last) return std::string(ner::kTypeNames[m.type]);
    return "";
  }
};

TEST(Consistency, ANameFoundOnceIsFoundEverywhere) {
  Document d(ner::Lang::en,
             {"Commercial Bank of Egypt raised rates near the Blue Ridge, England said, and London agreed near the Nile.",
              "England and England welcomed it at the Blue Ridge. The move helps the Nile, Apple and the Blue Ridge. The end, Apple said.",
              "Later the Commercial Bank of Egypt and England agreed on the Blue Ridge. The apple fell in the Nile near London."});
  d.tag(0, "Commercial Bank of Egypt", "ORG");
  d.tag(0, "Blue Ridge", "LOC");
  d.tag(0, "England", "LOC");
  d.tag(0, "London", "LOC");
  d.tag(0, "Nile", "LOC");
  d.tag(1, "England", "LOC");
  d.tag(1, "England", "PER", 1);
  d.tag(1, "Blue Ridge", "LOC");
  d.tag(1, "The", "MISC");
  d.tag(1, "Nile", "LOC");
  d.tag(1, "Blue Ridge", "ORG", 1);
  d.tag(1, "The", "MISC", 1);
  d.tag(1, "Apple", "ORG");
  d.tag(1, "Apple", "ORG", 1);
  // The single words must be ones the model knows, or ner::propagate() spreads them first.
  for (const char* word : {"england", "london"}) ASSERT_TRUE(ner::model(ner::Lang::en).knows(ner::word_key(word))) << word;
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(2, "Commercial Bank of Egypt"), "ORG");  // several words, as a whole
  EXPECT_EQ(d.type_at(2, "Blue Ridge"), "LOC");                   // two LOC against one ORG
  EXPECT_EQ(d.type_at(2, "Nile"), "LOC");                      // one word, twice LOC
  EXPECT_EQ(d.type_at(2, "England"), "LOC");                    // one word, twice LOC against one PER
  EXPECT_EQ(d.type_at(2, "London"), "");                        // one word the model found once
  EXPECT_EQ(d.type_at(2, "The"), "");                          // a function word never spreads
  EXPECT_EQ(d.type_at(2, "apple"), "");                        // written in lower case: a word
  EXPECT_EQ(d.sequences[2].mentions.size(), 4u);
  // What the model found stays, typed as most of the name's mentions are.
  EXPECT_EQ(d.type_at(1, "England", 1), "LOC");
  EXPECT_EQ(d.type_at(1, "Blue Ridge", 1), "LOC");
  EXPECT_EQ(d.sequences[0].mentions.size(), 5u);
}

// One name, one type: a mention takes the type the model gave most of the name's mentions, unless two
// types tie.
TEST(Consistency, ANameTakesTheTypeMostOfItsMentionsHave) {
  Document d(ner::Lang::en, {"Yahoo said Yahoo's deal with Verizon and Walden would close.",
                             "Yahoo shares rose as Verizon and Walden stood still.",
                             "Investors watched Walden."});
  d.tag(0, "Yahoo", "ORG");
  d.tag(0, "Yahoo's", "ORG");
  d.tag(0, "Verizon", "ORG");
  d.tag(0, "Walden", "PER");
  d.tag(1, "Yahoo", "LOC");
  d.tag(1, "Verizon", "LOC");
  d.tag(1, "Walden", "LOC");
  d.tag(2, "Walden", "ORG");
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(1, "Yahoo"), "ORG");    // two ORG ("Yahoo's" is Yahoo) against one LOC
  EXPECT_EQ(d.type_at(0, "Verizon"), "ORG");  // one ORG, one LOC: a tie
  EXPECT_EQ(d.type_at(1, "Verizon"), "LOC");
  EXPECT_EQ(d.type_at(1, "Walden"), "LOC");   // PER, LOC, ORG once each
}

// ner::propagate(): the last word of a person named in full, standing alone, is that person whatever
// type the model gave it, unless the model knows the word (it may be something else).
TEST(Consistency, APersonsLastWordAloneIsThatPerson) {
  Document d(ner::Lang::en, {"Eduard Hitzig studied the cortex with George Washington in mind.",
                             "Later Hitzig moved to Zurich, and Washington praised him."});
  d.tag(0, "Eduard Hitzig", "PER");
  d.tag(0, "George Washington", "PER");
  d.tag(1, "Hitzig", "LOC");
  d.tag(1, "Zurich", "LOC");
  d.tag(1, "Washington", "LOC");
  ASSERT_FALSE(ner::model(ner::Lang::en).knows(ner::word_key("hitzig")));
  ASSERT_TRUE(ner::model(ner::Lang::en).knows(ner::word_key("washington")));
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(1, "Hitzig"), "PER");
  EXPECT_EQ(d.type_at(1, "Zurich"), "LOC");
  EXPECT_EQ(d.type_at(1, "Washington"), "LOC");
}

// drop_false_names(): a name holds no bracket (the model's "Robert) Parata" is two names), and a
// function word alone is no name unless written as an acronym ("Us" of "About Us", "We’re"; "US").
TEST(Consistency, PunctuationCutsNamesAndFunctionWordsAreNoNames) {
  Document d(ner::Lang::en, {"Hori (Robert) Parata spoke for S&P.", "About Us",
                             "We\u2019re here, and the US agreed."});
  d.tag(0, "Robert) Parata", "PER");
  d.tag(0, "S&P", "ORG");
  d.tag(1, "Us", "LOC");
  d.tag(2, "We\u2019re", "LOC");
  d.tag(2, "US", "LOC");
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "Robert"), "PER");
  EXPECT_EQ(d.type_at(0, "Parata"), "PER");
  EXPECT_EQ(d.type_at(0, "S&P"), "ORG");
  EXPECT_TRUE(d.sequences[1].mentions.empty());
  EXPECT_EQ(d.type_at(2, "We\u2019re"), "");
  EXPECT_EQ(d.type_at(2, "US"), "LOC");
}

// A function word as written ends no name; a clitic read off a name ("الله" as "ال" + "له") is no
// function word, nor is a person's last word that only folds as one ("امام", Imam), and an acronym
// ("US") is a name.
TEST(Consistency, AFunctionWordEndsNoName) {
  Document ar(ner::Lang::ar, {"وخسر فريق الاتحاد أمام الأهلي.", "مبتهلين إلى الله العلي القدير",
                              "تشهد أفلام عادل امام إقبالا كبيرا.", "لا يجد مايكل غير محل واحد."});
  ar.tag(0, "الاتحاد أمام", "ORG");
  ar.tag(1, "الله", "MISC");
  ar.tag(2, "عادل امام", "PER");
  ar.tag(3, "مايكل غير", "PER");
  maqal::entities::make_names_consistent(ar.sequences);
  EXPECT_EQ(ar.type_at(0, "الاتحاد"), "ORG");
  EXPECT_EQ(ar.type_at(0, "الاتحاد أمام"), "");
  EXPECT_EQ(ar.type_at(1, "الله"), "MISC");
  EXPECT_EQ(ar.type_at(2, "عادل امام"), "PER");
  EXPECT_EQ(ar.type_at(3, "مايكل"), "PER");

  Document en(ner::Lang::en, {"He met the Bank of officials.", "He met the Bank of the US there."});
  en.tag(0, "Bank of", "ORG");
  en.tag(1, "Bank of the US", "ORG");
  maqal::entities::make_names_consistent(en.sequences);
  EXPECT_EQ(en.type_at(0, "Bank"), "ORG");
  EXPECT_EQ(en.type_at(1, "Bank of the US"), "ORG");
}

// A club whose name is a common word is the club in a match's frame, and then wherever the document
// writes it (core/lang/ar/clubs.tsv); outside sport the word stays a word.
TEST(Consistency, AClubInAMatchFrameIsThatClubThroughTheDocument) {
  Document sport(ner::Lang::ar, {"وقال مدرب الوحدة إن فريقه جاهز.", "ويحتل الوحدة المركز الثالث."});
  maqal::entities::make_names_consistent(sport.sequences);
  EXPECT_EQ(sport.type_at(0, "الوحدة"), "ORG");
  EXPECT_EQ(sport.type_at(1, "الوحدة"), "ORG");

  Document politics(ner::Lang::ar, {"وأكد الرئيس على الوحدة الوطنية.", "ويحتل الوحدة المركز الثالث."});
  maqal::entities::make_names_consistent(politics.sequences);
  EXPECT_EQ(politics.type_at(0, "الوحدة"), "");
  EXPECT_EQ(politics.type_at(1, "الوحدة"), "");
}

// type_by_head(): the first or last words of a name say its type (core/lang/*/name_heads.tsv).
TEST(Consistency, HeadWordsTypeAName) {
  Document en(ner::Lang::en, {"Acme Holdings Inc hired Fairfax County staff for the Ministry of Defence and Kent University."});
  en.tag(0, "Acme Holdings Inc", "PER");
  en.tag(0, "Fairfax County", "PER");
  en.tag(0, "Ministry of Defence", "LOC");
  en.tag(0, "University", "MISC");
  maqal::entities::make_names_consistent(en.sequences);
  EXPECT_EQ(en.type_at(0, "Acme Holdings Inc"), "ORG");
  EXPECT_EQ(en.type_at(0, "Fairfax County"), "LOC");
  EXPECT_EQ(en.type_at(0, "Ministry of Defence"), "ORG");
  EXPECT_EQ(en.type_at(0, "University"), "MISC");  // the head alone says nothing
  // "قال متحدث باسم لوزارة الداخلية إن نهر الأردن …": a clitic on the head word does not matter.
  Document ar(ner::Lang::ar, {"\u0642\u0627\u0644 \u0645\u062a\u062d\u062f\u062b \u0644\u0648\u0632\u0627\u0631\u0629 "
                              "\u0627\u0644\u062f\u0627\u062e\u0644\u064a\u0629 \u0625\u0646 \u0646\u0647\u0631 "
                              "\u0627\u0644\u0623\u0631\u062f\u0646"});
  const std::string ministry = "\u0644\u0648\u0632\u0627\u0631\u0629 \u0627\u0644\u062f\u0627\u062e\u0644\u064a\u0629";
  const std::string river = "\u0646\u0647\u0631 \u0627\u0644\u0623\u0631\u062f\u0646";
  ar.tag(0, ministry, "LOC");
  ar.tag(0, river, "PER");
  maqal::entities::make_names_consistent(ar.sequences);
  EXPECT_EQ(ar.type_at(0, ministry), "ORG");
  EXPECT_EQ(ar.type_at(0, river), "LOC");
}

// A personal title opening a name is no part of it and makes the rest a person, when the rest is
// made of names; the person's last word alone is then that person too.
TEST(Consistency, ATitleOpeningANameMakesTheRestAPerson) {
  Document d(ner::Lang::en, {"President Obama met General Motors workers.", "Later Obama left."});
  d.tag(0, "President Obama", "ORG");
  d.tag(0, "General Motors", "ORG");
  d.tag(1, "Obama", "LOC");
  ASSERT_FALSE(ner::model(ner::Lang::en).knows(ner::word_key("obama")));
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "Obama"), "PER");
  EXPECT_EQ(d.type_at(0, "President Obama"), "");
  EXPECT_EQ(d.type_at(0, "General Motors"), "ORG");  // "Motors" is a common word: no title here
  EXPECT_EQ(d.type_at(1, "Obama"), "PER");
}

TEST(Consistency, ClitickedOccurrencesAreTheNameWithTheWholeWordAsSpan) {
  Document d(ner::Lang::ar, {"قال البنك التجاري إن أرباحه زادت",
                             "وأكد رئيس مجلس إدارة البنك التجاري أن للبنك التجاري فروعا كثيرة والبنك التجاري يتوسع",
                             "وزير المالية التقى وزير الاقتصاد ثم الوزير في البنك"});
  d.tag(0, "البنك التجاري", "ORG");
  d.tag(2, "وزير", "PER");  // a title word tagged by mistake, twice
  d.tag(2, "وزير", "PER", 1);
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(1, "البنك التجاري"), "ORG");
  EXPECT_EQ(d.type_at(1, "للبنك التجاري"), "ORG");   // the span covers the written word, clitic included
  EXPECT_EQ(d.type_at(1, "والبنك التجاري"), "ORG");
  EXPECT_EQ(d.type_at(2, "الوزير"), "");            // a title word never spreads
  EXPECT_EQ(d.type_at(2, "البنك"), "");             // a part of a name is not the name
  // The norm of the cliticked occurrence is the bare name.
  const auto in_document = [&](std::string_view w) {
    for (const auto& tokens : d.tokens)
      for (const auto& t : tokens)
        if (t.form() == w) return true;
    return false;
  };
  EXPECT_EQ(ner::name_norm(d.texts[1], d.tokens[1], d.at(1, "للبنك التجاري"), in_document), "البنك التجاري");
}

// The model's false names go before the pass counts names (entities/false_names.h).
TEST(Consistency, DescriptionsAndVerbsAreNoNames) {
  Document d(ner::Lang::ar, {"قال خبير استراتيجي إن الحرب طويلة، وقال المحلل السياسي إنها لن تنتهي",
                             "وقال الوزير شكري إن مصر تريد الهدنة، وأضاف مسؤول مصري أنها قريبة",
                             "وأضاف: وفّرنا الجو، وقالت رنا وماريانا إن الطعام وصل إلى فارنا",
                             "وحذر خبير عسكري من الحرب، وقال الشيخ الخراساني إنها طويلة"});
  d.tag(0, "خبير استراتيجي", "PER");
  d.tag(0, "المحلل السياسي", "PER");
  d.tag(1, "الوزير شكري", "PER");  // a name after a definite title: kept, without the title
  d.tag(1, "مسؤول مصري", "PER");
  d.tag(2, "وفّرنا الجو", "PER");
  d.tag(2, "رنا", "PER", 1);   // one letter before "نا": a name (the phrase's first occurrence is in "وفّرنا")
  d.tag(2, "وماريانا", "PER");  // a long vowel before "نا": a name
  d.tag(2, "فارنا", "LOC");     // a place ending so (Varna)
  d.tag(3, "عسكري", "PER");     // the adjective alone, its indefinite title before it
  d.tag(3, "الخراساني", "PER");  // a family name after a definite title
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "خبير استراتيجي"), "");
  EXPECT_EQ(d.type_at(0, "المحلل السياسي"), "");
  EXPECT_EQ(d.type_at(1, "شكري"), "PER");
  EXPECT_EQ(d.type_at(1, "مسؤول مصري"), "");
  EXPECT_EQ(d.type_at(2, "وفّرنا الجو"), "");
  EXPECT_EQ(d.type_at(2, "رنا", 1), "PER");
  EXPECT_EQ(d.type_at(2, "وماريانا"), "PER");
  EXPECT_EQ(d.type_at(2, "فارنا"), "LOC");
  EXPECT_EQ(d.type_at(3, "عسكري"), "");
  EXPECT_EQ(d.type_at(3, "الخراساني"), "PER");
}

// A title or occupation with the article names no one; quoted, it may be a newspaper; without the
// article the word may be a name that folds as a title does ("رييس", Reyes, as "رئيس").
TEST(Consistency, ATitleAloneIsNoName) {
  Document d(ner::Lang::ar, {"وراوغ الحارس وسدد، ثم انفرد بالحارس مرة أخرى",
                             "وكتبت صحيفة « السفير » أن الاتفاق قريب",
                             "تابعها رييس داخل المرمى، وقال الفنان حسين فهمي إن البرنامج جديد"});
  d.tag(0, "الحارس", "ORG");
  d.tag(0, "بالحارس", "ORG");
  d.tag(1, "السفير", "ORG");
  d.tag(2, "رييس", "PER");
  d.tag(2, "الفنان حسين فهمي", "PER");
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "الحارس"), "");
  EXPECT_EQ(d.type_at(0, "بالحارس"), "");
  EXPECT_EQ(d.type_at(1, "السفير"), "ORG");
  EXPECT_EQ(d.type_at(2, "رييس"), "PER");
  EXPECT_EQ(d.type_at(2, "حسين فهمي"), "PER");  // the occupation cut off
}

// A quoted title after a word for a work is that work, over any name the model found in it; a word
// further off, or a title of more than six words, says nothing.
TEST(Consistency, AQuotedTitleAfterAWorkIsThatWork) {
  Document d(ner::Lang::ar, {"وتقدم برنامجها « حبيب الملايين » على قناة المحور",
                             "صدر كتاب جديد « دفاتر شامية » أمس، وقال كتاب الصحف العربية « سوريا الجديدة » إن",
                             "وقال إن « القاهرة » ترحب بالاتفاق"});
  d.tag(0, "حبيب", "PER");
  d.tag(1, "سوريا", "LOC");
  d.tag(2, "القاهرة", "LOC");
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "حبيب الملايين"), "MISC");
  EXPECT_EQ(d.type_at(0, "حبيب"), "");
  EXPECT_EQ(d.type_at(1, "دفاتر شامية"), "MISC");
  EXPECT_EQ(d.type_at(1, "سوريا"), "LOC");  // two words after "كتاب"
  EXPECT_EQ(d.type_at(2, "القاهرة"), "ORG");  // no work: a quoted place
}

TEST(Consistency, AListLineLosesItsLabelAndCommonWordsAndSpreadsNothing) {
  Document d(ner::Lang::en, {"Tags: Transport, City Council, Cycling, Maria Lopez",
                             "Tags: Transport, City Council, Cycling",
                             "The City Council met Maria Lopez on Transport. Cycling grew.",
                             "Blinken: we will talk to Hamas, Israel and Egypt about Gaza and the hostages."});
  for (std::size_t s : {0, 1}) {
    d.tag(s, "Tags", "ORG");
    d.tag(s, "Transport", "ORG");
    d.tag(s, "City Council", "ORG");
    d.tag(s, "Cycling", "PER");
  }
  d.tag(0, "Maria Lopez", "PER");
  d.tag(3, "Blinken", "PER");  // a colon, but no list after it
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "Tags"), "");
  EXPECT_EQ(d.type_at(0, "Transport"), "");
  EXPECT_EQ(d.type_at(0, "Cycling"), "");
  EXPECT_EQ(d.type_at(0, "City Council"), "ORG");  // kept where the model found it
  EXPECT_EQ(d.type_at(0, "Maria Lopez"), "PER");
  EXPECT_EQ(d.type_at(2, "City Council"), "");     // not spread from list lines
  EXPECT_EQ(d.type_at(2, "Transport"), "");
  EXPECT_EQ(d.type_at(3, "Blinken"), "PER");
  EXPECT_TRUE(maqal::entities::list_line(d.tokens[0]));
  EXPECT_FALSE(maqal::entities::list_line(d.tokens[2]));
  EXPECT_FALSE(maqal::entities::list_line(d.tokens[3]));
}

TEST(Consistency, ALineOfCommonWordsIsAHeadingNotAName) {
  Document d(ner::Lang::en, {"Privacy Policy", "Contact Us.", "Maria Lopez", "Read the Cookie Policy here."});
  d.tag(0, "Privacy Policy", "ORG");
  d.tag(1, "Contact Us", "ORG");
  d.tag(2, "Maria Lopez", "PER");
  d.tag(3, "Cookie Policy", "ORG");  // in a sentence: the model's call stands
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "Privacy Policy"), "");
  EXPECT_EQ(d.type_at(1, "Contact Us"), "");
  EXPECT_EQ(d.type_at(2, "Maria Lopez"), "PER");
  EXPECT_EQ(d.type_at(3, "Cookie Policy"), "ORG");
}

TEST(Consistency, InHeadlinesAndBylinesCapitalsOfCommonWordsAreStyle) {
  Document d(ner::Lang::en, {"Harbour city opens Europe's largest tidal plant",
                             "By Helen Marsh, Environment correspondent",
                             "Shell profits soar as Harbour Lights closes",
                             "The plant opened in Brest. Shell said it would buy power from it, and Harbour Lights agreed."});
  d.sequences[0].styled = d.sequences[1].styled = d.sequences[2].styled = true;
  d.tag(0, "Harbour", "LOC");
  d.tag(0, "Europe", "LOC");
  d.tag(1, "Helen Marsh", "PER");
  d.tag(1, "Environment", "MISC");
  d.tag(2, "Shell", "ORG");
  d.tag(2, "Harbour Lights", "ORG");
  d.tag(3, "Shell", "ORG");
  d.tag(3, "Harbour Lights", "ORG");
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "Harbour"), "");
  EXPECT_EQ(d.type_at(0, "Europe"), "LOC");  // a proper noun in the word list
  EXPECT_EQ(d.type_at(1, "Environment"), "");
  EXPECT_EQ(d.type_at(1, "Helen Marsh"), "PER");
  EXPECT_EQ(d.type_at(2, "Shell"), "ORG");  // the running text names them too
  EXPECT_EQ(d.type_at(2, "Harbour Lights"), "ORG");
}

TEST(Consistency, AStyledNameOfCommonWordsThatAreAlsoNamesGoesUnlessOneIsNoName) {
  // "More" and "Trends" are listed as names too; "Data", "Event" and "Management" are not: the
  // heading goes. Every word of "Bill Gates" is a common word and a name as well: it stays.
  Document d(ner::Lang::en, {"More Event Data Collection", "What Are Some Current Trends In Event Management?",
                             "Bill Gates Warns Of New Risks", "Wind farms in the North Sea reach a record output"});
  for (auto& s : d.sequences) s.styled = true;
  d.tag(0, "More Event Data Collection", "ORG");
  d.tag(1, "Are Some Current Trends In Event Management", "ORG");
  d.tag(2, "Bill Gates", "PER");
  d.tag(3, "North Sea", "LOC");
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "More Event Data Collection"), "");
  EXPECT_EQ(d.type_at(1, "Are Some Current Trends In Event Management"), "");
  EXPECT_EQ(d.type_at(2, "Bill Gates"), "PER");
  EXPECT_EQ(d.type_at(3, "North Sea"), "LOC");  // its head, "Sea", says it is a name
}

TEST(Consistency, FunctionWordsOrASentencesOpeningCommonWordNameNobody) {
  Document d(ner::Lang::en, {"But I never said that.", "Accordingly, the court ruled.", "The US and the UN agreed.",
                             "Accordingly Smith left."});
  d.tag(0, "But I", "PER");
  d.tag(1, "Accordingly", "LOC");
  d.tag(2, "US", "LOC");
  d.tag(3, "Accordingly Smith", "PER");
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "But I"), "");
  EXPECT_EQ(d.type_at(1, "Accordingly"), "");
  EXPECT_EQ(d.type_at(2, "US"), "LOC");  // an acronym
  EXPECT_EQ(d.type_at(3, "Accordingly Smith"), "PER");  // one word only
}

TEST(Consistency, ABylinesNamesAreItsWriters) {
  Document d(ner::Lang::en, {"By Casey Ross and Tara Bannow", "Casey Ross and Tara Bannow reported it."});
  d.sequences[0].styled = d.sequences[0].byline = true;
  d.tag(0, "Tara Bannow", "ORG");
  d.tag(1, "Tara Bannow", "ORG");
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "Tara Bannow"), "PER");
  EXPECT_EQ(d.type_at(1, "Tara Bannow"), "ORG");  // in running text the model's call stands
}

TEST(Consistency, ACommonTermIsNoOnesLastName) {
  Document d(ner::Lang::en, {"Coach Everfit AI logs workouts.", "AI can generate quick programs."});
  d.tag(0, "Everfit AI", "PER");
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "Everfit AI"), "PER");
  EXPECT_EQ(d.type_at(1, "AI"), "");  // propagate() would make it the person's last name
}

TEST(Consistency, ASentenceTypesANameBeforeAHeadlineDoes) {
  Document d(ner::Lang::en, {"Liverpool Go Top As Salah Double Sinks Chelsea", "Liverpool moved top of the table."});
  d.sequences[0].styled = true;
  d.tag(0, "Liverpool", "PER");
  d.tag(1, "Liverpool", "ORG");
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "Liverpool"), "ORG");  // the headline's capitals are style: its type is weaker evidence
  EXPECT_EQ(d.type_at(1, "Liverpool"), "ORG");
}

TEST(Consistency, AnAppositionStatesTheTypeEverywhere) {
  Document d(ner::Lang::en, {"Mer Vivante, a campaign group that has pressed for the clean-up, welcomed the vote.",
                             "A spokesman for Mer Vivante said so. Ann Smith, a member of the group, agreed.",
                             "Ann Smith, the group leader, spoke."});
  d.tag(0, "Mer Vivante", "PER");
  d.tag(1, "Mer Vivante", "PER");
  d.tag(1, "Ann Smith", "PER");
  d.tag(2, "Ann Smith", "PER");
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "Mer Vivante"), "ORG");
  EXPECT_EQ(d.type_at(1, "Mer Vivante"), "ORG");
  EXPECT_EQ(d.type_at(1, "Ann Smith"), "PER");  // "a member of the group": the noun is not the head
  EXPECT_EQ(d.type_at(2, "Ann Smith"), "PER");  // "the group leader"
}

// An Arabic noun right before a name says what it is, with a clitic written onto it too; with the
// article it names something else ("عمدة المدينة كلاوس": the city's mayor, a person).
TEST(Consistency, ANounBeforeANameStatesTheType) {
  Document d(ner::Lang::ar, {"وتهدف شركة ديمورا إلى بيع السيارة، وقال مدير ديمورا إنها جاهزة",
                             "وصل الوفد لمدينة بافوس أمس، ويرى عمدة المدينة كلاوس فوفرايت أنها فرصة"});
  d.tag(0, "ديمورا", "PER");
  d.tag(0, "ديمورا", "PER", 1);
  d.tag(1, "بافوس", "PER");
  d.tag(1, "كلاوس فوفرايت", "PER");
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "ديمورا"), "ORG");
  EXPECT_EQ(d.type_at(0, "ديمورا", 1), "ORG");  // wherever the document writes it
  EXPECT_EQ(d.type_at(1, "بافوس"), "LOC");
  EXPECT_EQ(d.type_at(1, "كلاوس فوفرايت"), "PER");
}

// A noun for a kind of thing before or after a person's name is no part of it (the model's "…
// برنامجا", "رواية …").
TEST(Consistency, APersonsNameEndsBeforeANounForAKindOfThing) {
  Document d(ner::Lang::ar, {"ويقدم سامي العدل برنامجا جديدا، وتملك هدى شركة صغيرة، ونشرت رواية محفوظ الأولى"});
  d.tag(0, "سامي العدل برنامجا", "PER");
  d.tag(0, "هدى شركة", "PER");
  d.tag(0, "رواية محفوظ", "PER");
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "سامي العدل"), "PER");
  EXPECT_EQ(d.type_at(0, "هدى"), "PER");
  EXPECT_EQ(d.type_at(0, "محفوظ"), "PER");
}

// A noun for a kind of thing is no name by itself, nor one that spreads: the model's "فيلم" (a
// person, in one article of ANERcorp's training part) is dropped, and its other mentions are not tagged.
TEST(Consistency, ANounForAKindOfThingIsNoName) {
  Document d(ner::Lang::ar, {"عرض فيلم « حلم » أمس", "وبلغت إيرادات فيلم « عقاب » مليون درهم، وهو أول فيلم إماراتي"});
  d.tag(0, "فيلم", "PER");
  d.tag(1, "فيلم", "PER");
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "فيلم"), "");
  EXPECT_EQ(d.type_at(1, "فيلم"), "");
  EXPECT_EQ(d.type_at(1, "فيلم", 1), "");
}

// A given name next to a person's name the model cut short is part of it: the word before (not a
// definite word, "السيد", nor before a name written with "و", another person), or, after a given
// name alone, a word the model never saw.
TEST(Consistency, AGivenNameBesideAPersonsNameJoinsIt) {
  Document d(ner::Lang::ar, {"وتنتظر فاطمة ابراهيمي النتيجة، ومنح الفرنسي لويس ساها التقدم",
                             "وقال السيد قبيصي إن ابوتريكة ومتعب وأسامة حسني جاهزون، وأكد صالح الحمصوي ذلك"});
  d.tag(0, "ابراهيمي", "PER");
  d.tag(0, "لويس", "PER");
  d.tag(1, "قبيصي", "PER");
  d.tag(1, "وأسامة حسني", "PER");
  d.tag(1, "صالح", "PER");
  for (const char* word : {"ساها", "الحمصوي"}) ASSERT_FALSE(ner::model(ner::Lang::ar).knows(ner::word_key(word))) << word;
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "فاطمة ابراهيمي"), "PER");
  EXPECT_EQ(d.type_at(0, "لويس ساها"), "PER");
  EXPECT_EQ(d.type_at(1, "قبيصي"), "PER");
  EXPECT_EQ(d.type_at(1, "وأسامة حسني"), "PER");
  EXPECT_EQ(d.type_at(1, "صالح الحمصوي"), "PER");  // with the article too
}

// A word written with the pronoun "ه" ends no person's name ("… حلمه", his dream), unless it ends in
// "…يه" ("أوليفيه"); no word after "عبد" is cut off ("عبد ربه", "عبد الحي").
TEST(Consistency, APersonsNameEndsBeforeAWordWithAPronoun) {
  Document d(ner::Lang::ar, {"وحقق سامي العدل حلمه أخيرا، وسجل حسني عبد ربه هدفا، وقال جان أوليفيه إن الفريق جاهز",
                             "وغنى المطرب كامل عبد الحي الموشح"});
  d.tag(0, "سامي العدل حلمه", "PER");
  d.tag(0, "حسني عبد ربه", "PER");
  d.tag(0, "جان أوليفيه", "PER");
  d.tag(1, "كامل عبد الحي", "PER");
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(0, "سامي العدل"), "PER");
  EXPECT_EQ(d.type_at(0, "حسني عبد ربه"), "PER");
  EXPECT_EQ(d.type_at(0, "جان أوليفيه"), "PER");
  EXPECT_EQ(d.type_at(1, "كامل عبد الحي"), "PER");  // "حي" (quarter) is a noun of appositions.tsv
}

// A mention that is part of an occurrence of a longer name of the document grows into that name, up
// to the mentions beside it.
TEST(Consistency, APartOfANameTheDocumentHasGrowsIntoIt) {
  Document d(ner::Lang::ar, {"قال الأمين العام بان كي مون إن الوضع خطير",
                             "ودعا بان كي مون إلى وقف القتال، وقال كي مون إنه قلق"});
  d.tag(0, "بان كي مون", "PER");
  d.tag(1, "مون", "PER");
  d.tag(1, "كي مون", "PER", 1);
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(1, "بان كي مون"), "PER");
  EXPECT_EQ(d.type_at(1, "كي مون", 1), "PER");  // no longer name there
}

// The pass keeps the folded keys of the spellings it looks up in a cache that starts over when it is
// full (a long document of varied text asks for hundreds of thousands): a name still spreads when its
// key was worked out before the cache started over.
TEST(Consistency, ANameSpreadsAcrossALongDocumentOfOtherNames) {
  std::string many;  // 20,000 distinct capitalized words, more than the cache keeps
  for (int i = 0; i < 20000; ++i) {
    std::string word = "K";
    for (int n = i; word.size() < 5; n /= 26) word += static_cast<char>('a' + n % 26);
    many += word + (i % 10 == 9 ? ". " : " and ");
  }
  Document d(ner::Lang::en, {"Rates rose near the Blue Ridge, traders said.", many,
                             "Later the traders met on the Blue Ridge again."});
  d.tag(0, "Blue Ridge", "LOC");
  for (std::size_t i = 0; i < 20000; ++i)  // each word is followed by "and" or "."
    d.sequences[1].mentions.push_back({2 * i, 2 * i + 1, ner::type_index("PER")});
  maqal::entities::make_names_consistent(d.sequences);
  EXPECT_EQ(d.type_at(2, "Blue Ridge"), "LOC");
}

// A one-word name the model gave twice spreads to where it left the word untagged, unless it left it
// untagged far more often: then the two were its mistakes on a common word ("سنة", a year).
TEST(Consistency, AWordMostlyLeftUntaggedDoesNotSpread) {
  std::vector<std::string> sentences = {"وقال زعماء السنة إن السنة يرفضون الاتفاق."};
  for (int i = 0; i < 12; ++i) sentences.push_back("ونما الاقتصاد في السنة الماضية.");
  Document common(ner::Lang::ar, sentences);
  common.tag(0, "السنة", "ORG");
  common.tag(0, "السنة", "ORG", 1);
  maqal::entities::make_names_consistent(common.sequences);
  EXPECT_EQ(common.type_at(1, "السنة"), "");

  Document name(ner::Lang::en, {"Hitzig wrote it, and Hitzig said so.", "Later Hitzig agreed.", "Hitzig left."});
  name.tag(0, "Hitzig", "PER");
  name.tag(0, "Hitzig", "PER", 1);
  maqal::entities::make_names_consistent(name.sequences);
  EXPECT_EQ(name.type_at(1, "Hitzig"), "PER");
  EXPECT_EQ(name.type_at(2, "Hitzig"), "PER");
}

// In a script with capitals, a name has one: the model's "reply" in a comment thread's links is none.
TEST(Consistency, ANameWrittenInLowerCaseIsNone) {
  const maqal::Result r = maqal::parse_text("Great article, thanks.\n\nreply to comment\n\nI agree with the author.\n\nreply to comment\n");
  for (const auto& e : r.entities) EXPECT_NE(e.text, "reply");
  const maqal::Result kept = maqal::parse_text("She sold it on eBay and bought an iPhone in Paris.");
  EXPECT_TRUE(std::any_of(kept.entities.begin(), kept.entities.end(), [](const maqal::Entity& e) { return e.text == "Paris"; }));
}

}  // namespace

// A line in title case is a heading whatever role it got: its capitals are style, and a name there
// made only of common words is none unless prose names it (drop_styled_common_words).
TEST(Consistency, ATitleCasedLineIsStyled) {
  const auto title_cased = [](const std::string& line) {
    return maqal::entities::title_cased(line, maqal::text::tokenize(line));
  };
  EXPECT_TRUE(title_cased("Protect Your Data with Encryption"));
  EXPECT_FALSE(title_cased("Tools electricians need to do their job"));
  EXPECT_FALSE(title_cased("Protect Your Data. Train Your Staff."));
  EXPECT_FALSE(title_cased("Blue Cross and Blue Shield of Oklahoma, a Division of Health Care Service Corporation"));
  EXPECT_FALSE(title_cased("New York"));
  EXPECT_FALSE(title_cased("وزارة الخارجية الأمريكية تعلن"));

  const maqal::Result r = maqal::parse_text(
      "Security basics for small firms\n\n"
      "Many firms store customer records on laptops that are never encrypted, and a lost laptop can expose them to thieves.\n\n"
      "- Protect Your Data with Encryption\n- Train Your Staff on Phishing\n\n"
      "Encryption keeps records safe even when a device is stolen, experts at the agency said on Monday.\n");
  for (const auto& e : r.entities) EXPECT_NE(e.text, "Data");
}
