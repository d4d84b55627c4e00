// News pastes laid out as news sites lay them out (headline or none, lead, paragraphs, source, tags,
// a "read also" article, a related list), written from the real sentences of ANERcorp (Arabic news)
// and Wikigold (English), read from ../shared/data at test time, not copied into the repo. Every
// block must get the role and article its place in the layout gives it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <sstream>

#include "maqal/maqal.h"
#include "test_util.h"

namespace {

struct Sentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;
};

// "token TAG" lines, a blank line between sentences.
std::vector<Sentence> read_corpus(const std::string& path) {
  std::vector<Sentence> out(1);
  std::istringstream in(maqal::test::read_file(maqal::test::repo_path(path)));
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) {
      if (!out.back().tokens.empty()) out.emplace_back();
      continue;
    }
    const std::size_t space = line.rfind(' ');
    out.back().tokens.push_back(line.substr(0, space));
    out.back().tags.push_back(line.substr(space + 1));
  }
  return out;
}

// Letters only (Arabic or Latin): no digits or punctuation inside.
bool is_word(const std::string& t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c));
  });
}

// Tokens joined as written: no space before punctuation.
std::string join(const std::vector<std::string>& tokens) {
  std::string s;
  for (const auto& t : tokens) {
    if (!s.empty() && (is_word(t) || t == "(" || std::isdigit(static_cast<unsigned char>(t[0])))) s += ' ';
    s += t;
  }
  return s;
}

struct Expected {
  std::string role;
  std::optional<int> article;
};

class Layout {
 public:
  explicit Layout(const std::vector<Sentence>& corpus) : corpus_(corpus) {}

  // The next prose sentence (a full sentence of 12+ tokens ending in a full stop).
  std::string sentence() {
    for (;; ++at_) {
      const Sentence& s = corpus_[at_ % corpus_.size()];
      if (s.tokens.size() >= 12 && s.tokens.back() == "." && is_word(s.tokens.front())) return join(corpus_[at_++ % corpus_.size()].tokens);
    }
  }

  // A headline: the first seven words of a sentence that starts with seven words.
  std::string headline() {
    for (;; ++at_) {
      const Sentence& s = corpus_[at_ % corpus_.size()];
      if (s.tokens.size() < 9 || !std::all_of(s.tokens.begin(), s.tokens.begin() + 7, is_word)) continue;
      ++at_;
      return join({s.tokens.begin(), s.tokens.begin() + 7});
    }
  }

  // The next name of an entity type as written (a B- or I- token starting it, then I- tokens;
  // ANERcorp writes IOB2, Wikigold IOB1).
  std::string name(const std::string& type) {
    for (const std::size_t stop = at_ + corpus_.size();; ++at_) {
      if (at_ == stop) {
        ADD_FAILURE() << "no " << type << " name in the corpus";
        return {};
      }
      const Sentence& s = corpus_[at_ % corpus_.size()];
      for (std::size_t i = 0; i < s.tags.size(); ++i) {
        if (!s.tags[i].ends_with("-" + type) || (i > 0 && s.tags[i - 1].ends_with("-" + type))) continue;
        std::vector<std::string> words{s.tokens[i]};
        while (i + 1 < s.tags.size() && s.tags[i + 1] == "I-" + type) words.push_back(s.tokens[++i]);
        if (std::all_of(words.begin(), words.end(), is_word)) {
          ++at_;
          return join(words);
        }
      }
    }
  }

  void add(const std::string& line, const std::string& role, std::optional<int> article) {
    text_ += line + "\n\n";
    expected_.push_back({role, article});
  }

  std::string text() const { return text_; }
  const std::vector<Expected>& expected() const { return expected_; }
  void reset() { text_.clear(), expected_.clear(); }

 private:
  const std::vector<Sentence>& corpus_;
  std::size_t at_ = 0;
  std::string text_;
  std::vector<Expected> expected_;
};

struct Site {
  std::string corpus, person_tag, source, tags, tag_separator, read_also_marker, related_header;
  int pastes;
};

class NewsPastes : public testing::TestWithParam<Site> {};

TEST_P(NewsPastes, EveryBlockGetsTheRoleOfItsPlace) {
  const Site& site = GetParam();
  const auto corpus = read_corpus(site.corpus);
  ASSERT_GT(corpus.size(), 1000u) << site.corpus << " is missing";
  Layout page(corpus);
  int blocks = 0, wrong = 0;
  for (int k = 0; k < site.pastes; ++k) {
    page.reset();
    if (k % 2 == 0) page.add(page.headline(), "title", 0);  // odd pastes start with their lead
    page.add(page.sentence(), "lead", 0);
    for (int p = 0; p < 3; ++p) page.add(page.sentence() + " " + page.sentence(), "paragraph", 0);
    page.add(site.source + ": " + page.name("ORG"), "source", 0);
    page.add(site.tags + ": " + page.name("LOC") + site.tag_separator + page.name("LOC") + site.tag_separator +
                 page.name(site.person_tag), "tags", 0);
    const bool read_also = k % 3 != 2;
    if (read_also) {
      page.add(site.read_also_marker, "read_also", 1);
      page.add(page.headline(), "title", 1);
      page.add(page.sentence(), "lead", 1);
      page.add(page.sentence() + " " + page.sentence(), "paragraph", 1);
    }
    page.add(site.related_header, "related", 0);
    for (int r = 0; r < 4; ++r) page.add("• " + page.headline(), "related", 0);

    // MAQAL_SHOW_PASTE=K prints paste K, to see what the layout makes of the corpus.
    if (const char* show = std::getenv("MAQAL_SHOW_PASTE"); show && std::atoi(show) == k) std::cout << page.text();
    const maqal::Result result = maqal::parse_text(page.text());
    ASSERT_FALSE(result.error);
    ASSERT_EQ(result.blocks.size(), page.expected().size()) << page.text();
    for (std::size_t b = 0; b < result.blocks.size(); ++b, ++blocks) {
      const Expected& want = page.expected()[b];
      if (result.blocks[b].role == want.role && result.blocks[b].article == want.article) continue;
      ++wrong;
      ADD_FAILURE() << "paste " << k << " block " << b << " «" << result.blocks[b].text.substr(0, 80) << "»: got "
                    << result.blocks[b].role << " of " << (result.blocks[b].article ? *result.blocks[b].article : -1)
                    << ", want " << want.role << " of " << (want.article ? *want.article : -1);
    }
    ASSERT_EQ(result.articles.size(), read_also ? 2u : 1u) << "paste " << k;
    EXPECT_EQ(result.articles[0].tags.size(), 3u) << "paste " << k;
    EXPECT_EQ(result.articles[0].title.has_value(), k % 2 == 0) << "paste " << k;
  }
  EXPECT_EQ(wrong, 0) << wrong << " of " << blocks << " blocks";
}

INSTANTIATE_TEST_SUITE_P(
    Sites, NewsPastes,
    testing::Values(Site{"../shared/data/anercorp-train/anercorp-train.txt", "PERS", "المصدر", "كلمات دلالية", "، ",
                         "إقرأ أيضاً:", "أخبار ذات صلة", 40},
                    Site{"../shared/data/wikigold/wikigold.conll.txt", "PER", "Source", "Tags", ", ", "Read more:",
                         "Related articles", 20}));

}  // namespace
