// The learned name model (core/entities/ner.{h,cpp}) and its place in the entity stage.
#include <gtest/gtest.h>

#include <algorithm>

#include "entities/consistency.h"
#include "entities/ner.h"
#include "maqal/maqal.h"
#include "test_util.h"
#include "text/script.h"
#include "text/tokens.h"

namespace {

namespace ner = maqal::entities::ner;

const maqal::Entity* find(const maqal::Result& r, const std::string& type, const std::string& text) {
  const auto it = std::find_if(r.entities.begin(), r.entities.end(),
                               [&](const maqal::Entity& e) { return e.type == type && e.text == text; });
  return it == r.entities.end() ? nullptr : &*it;
}

TEST(NerModel, BothLanguagesAreCompiledIn) {
  EXPECT_GT(ner::model(ner::Lang::ar).features(), 10000u);
  EXPECT_GT(ner::model(ner::Lang::en).features(), 5000u);
}

TEST(NerModel, ModelFileRoundTrips) {
  ner::ModelFile file;
  file.about = "test";
  file.start[ner::begin_tag(0)] = 7;
  file.transitions[ner::begin_tag(0) * ner::kTags + ner::last_tag(0)] = -3;
  file.words = {{5, {true, 2, 1}}, {900, {false, 3, 1}}};
  file.rows = {{17, {}}, {70000, {}}};
  file.rows[0].weights[0] = 12;
  file.rows[0].weights[ner::unit_tag(2)] = -1;
  file.rows[1].weights[ner::kTags - 1] = 1000;
  ner::ModelFile back;
  std::string error;
  ASSERT_TRUE(back.decode(file.encode(), &error)) << error;
  EXPECT_EQ(back.about, "test");
  EXPECT_EQ(back.start[ner::begin_tag(0)], 7);
  EXPECT_EQ(back.transitions[ner::begin_tag(0) * ner::kTags + ner::last_tag(0)], -3);
  ASSERT_EQ(back.words.size(), 2u);
  EXPECT_EQ(back.words[1].key, 900u);
  EXPECT_EQ(back.words[1].info.fine, 3);
  EXPECT_TRUE(back.words[0].info.known);
  ASSERT_EQ(back.rows.size(), 2u);
  EXPECT_EQ(back.rows[1].key, 70000u);
  // Weights go through a codebook: small ones and the largest stay exact.
  EXPECT_EQ(back.rows[0].weights[0], 12);
  EXPECT_EQ(back.rows[0].weights[ner::unit_tag(2)], -1);
  EXPECT_EQ(back.rows[1].weights[ner::kTags - 1], 1000);
  EXPECT_EQ(back.rows[1].weights[0], 0);

  ner::Model m;
  ASSERT_TRUE(m.load(file.encode(), &error)) << error;
  EXPECT_TRUE(m.knows(5));
  EXPECT_FALSE(m.knows(900));
  EXPECT_EQ(m.word(900).fine, 3);
  EXPECT_EQ(m.features(), 2u);
}

TEST(NerModel, MalformedModelFilesAreRejected) {
  ner::Model m;
  std::string error;
  EXPECT_FALSE(m.load("maqal-ner\t1\n", &error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(m.load("", &error));
  EXPECT_TRUE(m.empty());
  ner::ModelFile file;
  file.rows = {{17, {}}};
  file.rows[0].weights[1] = 5;
  const std::string bytes = file.encode();
  for (std::size_t cut = 0; cut < bytes.size(); ++cut)  // every truncation is caught, none crashes
    EXPECT_FALSE(m.load(std::string_view(bytes).substr(0, cut), &error)) << cut;
  EXPECT_FALSE(m.load(bytes + "x", &error));
  std::string other_tags = bytes;
  other_tags[11] = static_cast<char>(ner::kTags + 1);
  EXPECT_FALSE(m.load(other_tags, &error));
  EXPECT_EQ(error, "tag set differs from the code's");
  EXPECT_TRUE(m.load(bytes, &error));
}

TEST(NerModel, TagsAreAlwaysValidBilou) {
  // Emissions that favour I-PER everywhere: an I- tag can still never start a sequence or follow O,
  // and a sequence ends on L-, U- or O.
  const std::size_t n = 4;
  std::vector<float> emission(n * ner::kTags, 0.0f);
  for (std::size_t i = 0; i < n; ++i) emission[i * ner::kTags + ner::inside_tag(0)] = 5.0f;
  std::vector<float> start(ner::kTags, 0.0f), transitions(ner::kTags * ner::kTags, 0.0f);
  const std::vector<int> tags = ner::viterbi<float>(emission.data(), n, start.data(), transitions.data());
  ASSERT_EQ(tags.size(), n);
  for (std::size_t i = 0; i < n; ++i) EXPECT_TRUE(ner::allowed(i ? tags[i - 1] : -1, tags[i])) << i;
  EXPECT_EQ(tags[0], ner::begin_tag(0));  // B-PER I-PER I-PER L-PER
  EXPECT_EQ(tags[n - 1], ner::last_tag(0));
}

TEST(NerModel, MentionsFollowCoNLLConventions) {
  // O B-PER L-PER B-PER I-LOC O U-ORG L-ORG: an I- of another type, or after U-, starts a new mention.
  const std::vector<int> tags = {0, ner::begin_tag(0), ner::last_tag(0), ner::begin_tag(0), ner::inside_tag(2), 0,
                                 ner::unit_tag(1), ner::last_tag(1)};
  const auto m = ner::mentions(tags);
  ASSERT_EQ(m.size(), 5u);
  EXPECT_EQ(m[0].first, 1u);
  EXPECT_EQ(m[0].last, 3u);
  EXPECT_EQ(m[1].first, 3u);
  EXPECT_EQ(m[1].last, 4u);
  EXPECT_EQ(m[2].type, 2);
  EXPECT_EQ(m[3].first, 6u);
  EXPECT_EQ(m[3].last, 7u);
  EXPECT_EQ(m[4].first, 7u);
  EXPECT_EQ(m[4].type, 1);
}

TEST(NerModel, FeaturesAreTheSameForTheSameText) {
  const std::string text = "وقال الرئيس محمود عباس إن";
  const auto tokens = maqal::text::tokenize(text);
  const auto lex = ner::lexicon_matches(tokens);
  const ner::Model& m = ner::model(ner::Lang::ar);
  const ner::Vocabulary vocabulary = [&](std::uint32_t k) { return m.word(k); };
  ner::Features a, b;
  ner::extract(text, tokens, lex, vocabulary, a);
  ner::extract(text, tokens, lex, vocabulary, b);
  EXPECT_EQ(a.keys, b.keys);
  EXPECT_EQ(a.size(), tokens.size());
}

bool same(const std::vector<ner::Mention>& a, const std::vector<ner::Mention>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const ner::Mention& x, const ner::Mention& y) {
    return x.first == y.first && x.last == y.last && x.type == y.type;
  });
}

// find() scores a token's own features once per distinct token and the rest per position: the same
// sums as tag() over extract()'s features (the path the trainer evaluates).
TEST(NerModel, FindTagsAsTheExtractedFeaturesDo) {
  const ner::Model& m = ner::model(ner::Lang::ar);
  const ner::Vocabulary vocabulary = [&](std::uint32_t k) { return m.word(k); };
  // No sentence-final punctuation: find() clears tags there, tag() does not.
  const std::string text =
      "وقال الرئيس الفلسطيني محمود عباس إن وزير الخارجية الأمريكي أنتوني بلينكن التقى بنيامين نتنياهو في "
      "القدس وإن عباس وبلينكن بحثا مع الأمم المتحدة ومجلس الأمن وضع قطاع غزة";
  const auto tokens = maqal::text::tokenize(text);
  const auto lex = ner::lexicon_matches(tokens);
  ner::Features f;
  ner::extract(text, tokens, lex, vocabulary, f);
  const auto expected = ner::mentions(m.tag(f));
  EXPECT_GE(expected.size(), 4u);
  EXPECT_TRUE(same(m.find(text, tokens, lex), expected));
}

// find_names() shares one memo over a document's blocks: it finds what find() on each block alone,
// then the document pass, finds.
TEST(NerModel, MemoSharedAcrossBlocksChangesNothing) {
  const std::string input = maqal::test::reference_paste();
  ASSERT_FALSE(input.empty()) << "../shared/samples/000_4e73025099dc559b.txt is missing";
  const ner::Model& m = ner::model(ner::Lang::ar);
  std::vector<maqal::Block> blocks;
  for (std::size_t pos = 0; pos < input.size();) {
    const std::size_t end = std::min(input.find('\n', pos), input.size());
    const std::string line = input.substr(pos, end - pos);
    if (maqal::text::language(line) == "ar") blocks.push_back({.text = line});
    pos = end + 1;
  }
  ASSERT_GT(blocks.size(), 10u);
  std::vector<maqal::text::Tokens> tokens;
  std::vector<std::vector<maqal::entities::LexMatch>> lex;
  std::vector<ner::Sequence> document;
  for (const auto& b : blocks) {
    tokens.push_back(maqal::text::tokenize(b.text));
    lex.push_back(ner::lexicon_matches(tokens.back()));
  }
  for (std::size_t i = 0; i < blocks.size(); ++i)
    document.push_back({blocks[i].text, &tokens[i], &m, m.find(blocks[i].text, tokens[i], lex[i])});
  maqal::entities::make_names_consistent(document);
  const auto found = ner::find_names(blocks, tokens, ner::DocumentMatches(tokens));
  std::size_t names = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    ASSERT_EQ(found[i].size(), document[i].mentions.size()) << blocks[i].text;
    for (std::size_t k = 0; k < found[i].size(); ++k) {
      const ner::Mention& mention = document[i].mentions[k];
      EXPECT_EQ(found[i][k].start, tokens[i][mention.first].start);
      EXPECT_EQ(found[i][k].end, tokens[i][mention.last - 1].end);
      EXPECT_EQ(found[i][k].type, mention.type);
      ++names;
    }
  }
  EXPECT_GE(names, 10u);
}

TEST(NerNames, PeopleOfTheReferencePaste) {
  const std::string input = maqal::test::reference_paste();
  ASSERT_FALSE(input.empty()) << "../shared/samples/000_4e73025099dc559b.txt is missing";
  const maqal::Result r = maqal::parse_text(input);
  for (const char* name : {"أنتوني بلينكن", "رون ديرمر", "بنيامين نتنياهو"}) {
    const maqal::Entity* e = find(r, "PER", name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->norm, name);
  }
  // Later mentions by the last name alone are found too (the document pass).
  EXPECT_NE(find(r, "PER", "بلينكن"), nullptr);
  // Lexicon names keep their lexicon type and English norm.
  const maqal::Entity* un = find(r, "ORG", "الأمم المتحدة");
  ASSERT_NE(un, nullptr);
  EXPECT_EQ(un->norm, "United Nations");
  EXPECT_EQ(find(r, "PER", "الأمم المتحدة"), nullptr);
  // Entities never overlap.
  for (std::size_t i = 1; i < r.entities.size(); ++i)
    EXPECT_LE(r.entities[i - 1].span.end8, r.entities[i].span.start8) << r.entities[i].text;
}

TEST(NerNames, ArabicNamesInContext) {
  const maqal::Result r = maqal::parse_text(
      "التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي.\n\n"
      "وقال الرئيس الفلسطيني محمود عباس إن الاتفاق قريب.");
  EXPECT_NE(find(r, "PER", "سامح شكري"), nullptr);
  EXPECT_NE(find(r, "PER", "أيمن الصفدي"), nullptr);
  EXPECT_NE(find(r, "PER", "محمود عباس"), nullptr);
  EXPECT_NE(find(r, "NORP", "المصري"), nullptr);  // the lexicon's groups stay as they were
}

TEST(NerNames, NormIsTheNameWithoutItsClitic) {
  const std::string text =
      "أجرى وزير الخارجية الأمريكي أنتوني بلينكن مكالمة هاتفية.\n\n"
      "وقال الوزير إن بلينكن أكد على أهمية الاتفاق، وأشاد وبلينكن بالجهود.";
  const auto tokens = maqal::text::tokenize(text);
  const std::string_view word = "وبلينكن";
  const auto it = std::find_if(tokens.begin(), tokens.end(), [&](const maqal::text::Token& t) {
    return text.substr(t.start, t.end - t.start) == word;
  });
  ASSERT_NE(it, tokens.end());
  const std::size_t i = static_cast<std::size_t>(it - tokens.begin());
  const ner::Mention m{i, i + 1, 0};
  const auto in_document = [&](std::string_view w) {
    return std::any_of(tokens.begin(), tokens.end(), [&](const maqal::text::Token& t) { return t.form() == w; });
  };
  EXPECT_EQ(ner::name_norm(text, tokens, m, in_document), "بلينكن");
  // Without the bare form in the document, a name that starts like a clitic is left whole.
  const auto nowhere = [](std::string_view) { return false; };
  EXPECT_EQ(ner::name_norm(text, tokens, m, nowhere), "وبلينكن");

  const std::string lil = "قال متحدث للبرلمان الأوروبي";
  const auto lil_tokens = maqal::text::tokenize(lil);
  EXPECT_EQ(ner::name_norm(lil, lil_tokens, {2, 4, 1}, nowhere), "البرلمان الأوروبي");

  // The article after "و" is read off ("والبرلمان" → "البرلمان"); after "ك" ("like") only where the word
  // with it is one the model saw or the document writes: a foreign name opens with those letters.
  const std::string wal = "قال متحدث والبرلمان الأوروبي";
  EXPECT_EQ(ner::name_norm(wal, maqal::text::tokenize(wal), {2, 4, 1}, nowhere), "البرلمان الأوروبي");
  const std::string kal = "وصل الوفد إلى كاليفورنيا";
  EXPECT_EQ(ner::name_norm(kal, maqal::text::tokenize(kal), {3, 4, 2}, nowhere), "كاليفورنيا");
  const std::string kofi = "وقال كوفي أنان إن الخطة جيدة وفي وقتها";
  const auto everywhere = [](std::string_view) { return true; };
  EXPECT_EQ(ner::name_norm(kofi, maqal::text::tokenize(kofi), {1, 3, 0}, everywhere), "كوفي أنان");

  const std::string en = "He met Blinken's team.";
  const auto en_tokens = maqal::text::tokenize(en);
  ASSERT_GE(en_tokens.size(), 3u);
  EXPECT_EQ(ner::name_norm(en, en_tokens, {2, 3, 0}, nowhere), "Blinken");

  // In the whole parse the bare name then joins the full name the paste gives: one cluster.
  const maqal::Result r = maqal::parse_text(text);
  const maqal::Entity* e = find(r, "PER", "وبلينكن");
  const maqal::Entity* full = find(r, "PER", "أنتوني بلينكن");
  ASSERT_NE(e, nullptr);
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(e->norm, "أنتوني بلينكن");
  EXPECT_EQ(e->cluster, full->cluster);
}

TEST(NerNames, EnglishPeopleAndOrganizations) {
  const maqal::Result r = maqal::parse_text(
      "German chancellor Angela Merkel arrived in Berlin on Monday.\n\n"
      "The European Commission fined Google, said Margrethe Vestager.\n\n"
      "He told the BBC that the Conservative Party would win.");
  EXPECT_NE(find(r, "PER", "Angela Merkel"), nullptr);
  EXPECT_NE(find(r, "PER", "Margrethe Vestager"), nullptr);
  EXPECT_NE(find(r, "ORG", "BBC"), nullptr);
  EXPECT_NE(find(r, "ORG", "Conservative Party"), nullptr);
  // Lower-case words are not names.
  for (const auto& e : r.entities) EXPECT_FALSE(e.text == "arrived" || e.text == "fined") << e.text;
}

TEST(NerNames, ACommonWordOpeningASentenceIsNoName) {
  const maqal::Result r = maqal::parse_text(
      "The European Commission paid for it. Speaking in Brussels, the commissioner Anna Virtanen said so.");
  EXPECT_NE(find(r, "PER", "Anna Virtanen"), nullptr);
  for (const auto& e : r.entities) EXPECT_NE(e.text, "Speaking") << e.type;
}

}  // namespace
