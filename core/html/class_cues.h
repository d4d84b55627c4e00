// The class and id cues of core/lang/common/html_cues.tsv, matched once for both HTML stages: the
// block builder reads the byline and caption cues, main-content scoring the positive and negative ones.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>


namespace maqal::html {

// What the cues say of one class or id token.
struct TokenCues {
  bool positive = false;  // a positive cue, unless a negative one comes after it in the token
  const std::string* negative = nullptr;  // the first negative cue's kind ("nav", "comments"...)
  bool byline = false;
  bool caption = false;  // the element is an image's caption, as a <figcaption>
};

struct ClassToken {
  std::string_view text;  // lower case, held by the ClassCueMatcher that made the token
  TokenCues cues;
};

// One per page: each distinct token is matched once (menus repeat the same few classes thousands
// of times).
class ClassCueMatcher {
 public:
  ClassCueMatcher() = default;
  ClassCueMatcher(ClassCueMatcher&&) = default;
  ClassCueMatcher& operator=(ClassCueMatcher&&) = default;
  ClassCueMatcher(const ClassCueMatcher&) = delete;  // a copy would leave the elements pointing into this one

  // Appends the tokens of a class or id value (split at white space) to `out`, each with its cues.
  // The pointers stay valid as long as the matcher, also when it is moved.
  void add_tokens(std::string_view value, std::vector<const ClassToken*>& out);

 private:
  struct Seen {
    std::string_view written;  // the token as written (bylines split camelCase), in text_
    ClassToken token;
  };
  const ClassToken& find_or_add(std::string_view written);
  // A copy of `s` in text_, lower-cased when `lower`.
  std::string_view keep(std::string_view s, bool lower);

  // Every element's tokens are looked up: an open-addressing table of power-of-two size, probed
  // linearly, with an inline hash (no call, no division, no node to allocate per token).
  std::deque<Seen> seen_;  // a deque: the tokens stay in place as it grows
  std::vector<const Seen*> slots_;  // empty slots are null; at most half are used
  // The tokens' texts, one after another in chunks that never grow past their capacity, so that
  // the views stay valid (also when the matcher moves): no string allocated per token.
  std::vector<std::string> text_;
};

// Where the part of a class or id token that starts at `from` ends: at the next - or _, else at
// the token's end. A loop: find_first_of("-_") calls memchr on "-_" for every byte.
inline std::size_t part_end(std::string_view token, std::size_t from) {
  while (from < token.size() && token[from] != '-' && token[from] != '_') ++from;
  return from;
}

// The "tail" rows of html_cues.tsv: texts (lower case) of the furniture that follows an article
// ("appeared first on", "about the author"), for main-content scoring.
const std::vector<std::string>& tail_cues();
// Those of kind "section": names of a section of other things ("related posts", "read next").
const std::vector<std::string>& section_tail_cues();

}  // namespace maqal::html
