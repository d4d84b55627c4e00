#include "html/class_cues.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "html/events.h"
#include "lang/data.h"
#include "text/utf.h"

namespace maqal::html {
namespace {

// The bytes of a text, each as bit (byte mod 64): a token whose set lacks a bit of a pattern's set
// cannot contain the pattern (bytes sharing a bit only make the test pass more often).
using CharSet = std::uint64_t;

CharSet chars_of(std::string_view s) {
  CharSet set = 0;
  for (char c : s) set |= CharSet{1} << (static_cast<unsigned char>(c) & 63);
  return set;
}

// Eight bytes a step, the last few as one number read in at most two loads: inlined, no call.
std::size_t hash(std::string_view s) {
  constexpr std::uint64_t kMix = 0x9E3779B97F4A7C15;  // 2^64 / golden ratio
  std::uint64_t h = s.size() * kMix;
  const auto step = [&](std::uint64_t bytes) {
    h = (h ^ bytes) * kMix;
    h ^= h >> 32;  // the table uses the low bits: fold the high ones in
  };
  const auto load = [&](std::size_t at, std::size_t n) {  // n (≤ 8) bytes from `at`
    std::uint64_t bytes = 0;
    std::memcpy(&bytes, s.data() + at, n);
    return bytes;
  };
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) step(load(i, 8));
  const std::size_t rest = s.size() - i;
  if (rest >= 4) step(load(i, 4) | load(s.size() - 4, 4) << 32);  // the two may overlap
  else if (rest > 0) step(load(i, 1) | load(i + rest / 2, 1) << 8 | load(s.size() - 1, 1) << 16);
  else step(0);
  return static_cast<std::size_t>(h);
}

struct InlineHash {
  std::size_t operator()(std::string_view s) const { return hash(s); }
};

enum class Polarity { positive, negative, byline, caption };

// One row of common/html_cues.tsv. "part" cues match a whole part of a token: split at - and _
// ("post" matches "post-body", not "poster"), for bylines also where a lower-case letter meets a
// capital ("authorName", not "authorization"); "substring" cues match anywhere ("article").
struct Cue {
  Polarity polarity;
  std::string kind;
  std::string pattern;  // lower case
  CharSet chars;        // the pattern's bytes: a token lacking one cannot contain it
};

// What a part of a token may say: one lookup answers both.
struct PartCues {
  const Cue* cue = nullptr;  // the first row of the pattern that is not a byline cue
  bool byline = false;
};

struct Cues {
  std::vector<Cue> substrings;                              // in file order
  std::unordered_map<std::string_view, PartCues, InlineHash> parts;  // each part of each new token is looked up
  std::vector<Cue> part_rows;
};

Cues load() {
  Cues out;
  for (const auto& row : data::rows("common/html_cues.tsv")) {
    if (row.size() < 4) continue;
    if (row[0] != "positive" && row[0] != "negative" && row[0] != "byline" && row[0] != "caption") continue;
    const Polarity polarity = row[0] == "positive"   ? Polarity::positive
                              : row[0] == "negative" ? Polarity::negative
                              : row[0] == "byline"   ? Polarity::byline
                                                     : Polarity::caption;
    Cue cue{polarity, std::string(row[1]), std::string(row[3]), chars_of(row[3])};
    (row[2] == "part" ? out.part_rows : out.substrings).push_back(std::move(cue));
  }
  for (const Cue& cue : out.part_rows) {  // filled once part_rows no longer moves
    PartCues& part = out.parts[cue.pattern];
    if (cue.polarity == Polarity::byline) part.byline = true;
    else if (!part.cue) part.cue = &cue;
  }
  return out;
}

const Cues& cues() {
  static const Cues instance = load();
  return instance;
}

bool has_capital(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// `written` is the token as written, `token` the same lower-cased; `capital`: `written` has a capital.
TokenCues match(std::string_view written, std::string_view token, bool capital) {
  const Cues& all = cues();
  TokenCues found;
  std::size_t last_positive = 0, last_negative = 0;  // where the last cue of each polarity starts, plus one
  const auto note = [&](const Cue& cue, std::size_t at) {
    if (cue.polarity == Polarity::byline) {
      found.byline = true;
    } else if (cue.polarity == Polarity::caption) {
      found.caption = true;
    } else if (cue.polarity == Polarity::positive) {
      found.positive = true;
      last_positive = std::max(last_positive, at + 1);
    } else {
      if (!found.negative) found.negative = &cue.kind;
      last_negative = std::max(last_negative, at + 1);
    }
  };
  const CharSet present = chars_of(token);
  for (const Cue& cue : all.substrings) {
    if ((cue.chars & ~present) != 0) continue;
    // The last place it starts (forward search: memchr finds the candidates, where rfind compares at each byte).
    std::size_t last = std::string::npos;
    for (std::size_t at = token.find(cue.pattern); at != std::string::npos; at = token.find(cue.pattern, at + 1)) last = at;
    if (last != std::string::npos) note(cue, last);
  }
  bool joins_two = false;  // a part "and": the element holds two things ("map-and-related")
  for (std::size_t from = 0; from <= token.size();) {
    const std::size_t to = part_end(token, from);
    if (auto it = all.parts.find(token.substr(from, to - from)); it != all.parts.end()) {
      if (it->second.cue) note(*it->second.cue, from);
      if (it->second.byline && to > from) found.byline = true;
    }
    joins_two |= token.substr(from, to - from) == "and";
    from = to + 1;
  }
  // As Readability's "maybe a candidate": a box of two things is no furniture box.
  if (joins_two) found.negative = nullptr;
  // A compound names what its last cue says: "blog-related-posts" and "article-footer" are
  // furniture of a post, "elementor-widget-theme-post-content" is content.
  if (last_negative > last_positive) found.positive = false;
  // Bylines are also split where a lower-case letter meets a capital ("authorName"); without a
  // capital, the parts above were all there is.
  for (std::size_t from = 0, k = 0; capital && k <= written.size() && !found.byline; ++k) {
    const bool separator = k < written.size() && (written[k] == '-' || written[k] == '_');
    const bool camel = k > 0 && k < written.size() && written[k] >= 'A' && written[k] <= 'Z' &&
                       written[k - 1] >= 'a' && written[k - 1] <= 'z';
    if (k < written.size() && !separator && !camel) continue;
    if (k > from)
      if (auto it = all.parts.find(token.substr(from, k - from)); it != all.parts.end() && it->second.byline) found.byline = true;
    from = separator ? k + 1 : k;
  }
  return found;
}

}  // namespace

void ClassCueMatcher::add_tokens(std::string_view value, std::vector<const ClassToken*>& out) {
  for (std::size_t i = 0; i < value.size();) {
    if (html_space(value[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while ((end = next_low_byte(value, end)) < value.size() && !html_space(value[end])) ++end;
    out.push_back(&find_or_add(value.substr(i, end - i)));
    i = end;
  }
}

const ClassToken& ClassCueMatcher::find_or_add(std::string_view written) {
  if (2 * (seen_.size() + 1) > slots_.size()) {  // keep at most half the slots used
    // A page has a few hundred distinct tokens: starting at 1024 slots spares most pages a rehash.
    std::vector<const Seen*> grown(std::max<std::size_t>(1024, 2 * slots_.size()), nullptr);
    for (const Seen& seen : seen_) {
      std::size_t at = hash(seen.written) & (grown.size() - 1);
      while (grown[at]) at = (at + 1) & (grown.size() - 1);
      grown[at] = &seen;
    }
    slots_ = std::move(grown);
  }
  std::size_t at = hash(written) & (slots_.size() - 1);
  for (; slots_[at]; at = (at + 1) & (slots_.size() - 1))
    if (slots_[at]->written == written) return slots_[at]->token;
  Seen& seen = seen_.emplace_back();
  seen.token.text = keep(written, true);
  const bool capital = has_capital(written);
  seen.written = capital ? keep(written, false) : seen.token.text;
  seen.token.cues = match(seen.written, seen.token.text, capital);
  slots_[at] = &seen;
  return seen.token;
}

std::string_view ClassCueMatcher::keep(std::string_view s, bool lower) {
  constexpr std::size_t kChunk = 4096;
  if (text_.empty() || text_.back().capacity() - text_.back().size() < s.size())
    text_.emplace_back().reserve(std::max(kChunk, s.size()));  // past the small-string buffer: on the heap
  std::string& chunk = text_.back();
  const std::size_t at = chunk.size();
  chunk += s;  // within the capacity: no reallocation
  if (lower)
    for (std::size_t i = at; i < chunk.size(); ++i) chunk[i] = text::lower_ascii(chunk[i]);
  return {chunk.data() + at, s.size()};
}

namespace {
std::vector<std::string> tail_rows(bool sections_only) {
  std::vector<std::string> out;
  for (const auto& row : data::rows("common/html_cues.tsv"))
    if (row.size() >= 4 && row[0] == "tail" && (!sections_only || row[1] == "section")) out.emplace_back(row[3]);
  return out;
}
}  // namespace

const std::vector<std::string>& tail_cues() {
  static const std::vector<std::string> instance = tail_rows(false);
  return instance;
}

const std::vector<std::string>& section_tail_cues() {
  static const std::vector<std::string> instance = tail_rows(true);
  return instance;
}

}  // namespace maqal::html
