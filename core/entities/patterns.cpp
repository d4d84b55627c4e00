#include "entities/patterns.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>

#include "entities/phones.h"
#include "text/utf.h"

namespace maqal::entities {
namespace {

// White space (ICU's White_Space), answering ASCII and the Arabic block without a call: this runs
// for every character of the text.
bool space(UChar32 c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  if (c >= 0x0600 && c < 0x0700) return false;
  return u_isUWhiteSpace(c);
}

bool word_char(UChar32 c) { return u_isalnum(c) || c == '_' || u_charType(c) == U_NON_SPACING_MARK; }

// A chunk ends at white space; trailing punctuation of the sentence ("...example.com).") is not
// part of the link.
std::size_t trim_trailing_punct(std::string_view s, std::size_t start, std::size_t end) {
  while (end > start) {
    int32_t j = static_cast<int32_t>(end);
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), static_cast<int32_t>(start), j, c);
    if (c == '/' || !(u_ispunct(c))) break;
    end = static_cast<std::size_t>(j);
  }
  return end;
}

bool looks_like_email(std::string_view chunk) {
  const std::size_t atsign = chunk.find('@');
  if (atsign == 0 || atsign == std::string_view::npos) return false;
  const std::size_t dot = chunk.find('.', atsign);
  return dot != std::string_view::npos && dot > atsign + 1 && dot + 1 < chunk.size();
}

// Every pattern needs one of these: "://" or "www." (links), '@' (addresses, mentions), '#'
// (hashtags). Most lines have none and are not scanned character by character.
bool may_hold_pattern(std::string_view line) {
  // (find_first_of with a set calls memchr once per character of the line.)
  if (std::any_of(line.begin(), line.end(), [](char c) { return c == '@' || c == '#'; }) ||
      line.find("://") != std::string_view::npos)
    return true;
  for (std::size_t dot = line.find('.'); dot != std::string_view::npos; dot = line.find('.', dot + 1))
    if (dot >= 3 && text::lower_ascii(line.substr(dot - 3, 3)) == "www") return true;
  return false;
}

}  // namespace

std::vector<Entity> find_patterns(std::string_view line) {
  std::vector<Entity> out = find_phones(line);
  if (!may_hold_pattern(line)) return out;
  const std::size_t phones = out.size();
  auto add = [&](const char* type, std::size_t start, std::size_t end, std::string norm) {
    const auto overlaps = [&](const Entity& p) { return start < p.span.end8 && p.span.start8 < end; };
    if (std::any_of(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(phones), overlaps)) return;
    out.push_back({type, std::string(line.substr(start, end - start)), {start, end}, 0, std::move(norm)});
  };
  for (std::size_t i = 0; i < line.size();) {
    std::size_t next;
    if (space(text::code_point_at(line, i, &next))) { i = next; continue; }
    std::size_t end = i;
    while (end < line.size()) {
      std::size_t n;
      if (space(text::code_point_at(line, end, &n))) break;
      end = n;
    }
    // Leading brackets or quotes around a link: "(https://...)".
    std::size_t start = i;
    while (start < end) {
      std::size_t n;
      const UChar32 c = text::code_point_at(line, start, &n);
      if (!u_ispunct(c) || c == '#' || c == '@') break;
      start = n;
    }
    const std::size_t stop = trim_trailing_punct(line, start, end);
    const std::string_view chunk = line.substr(start, stop - start);
    const std::string lower = text::lower_ascii(chunk.substr(0, 8));
    if (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")) {
      add("URL", start, stop, std::string(chunk));
    } else if (looks_like_email(chunk)) {
      add("EMAIL", start, stop, text::lower_ascii(chunk));
    } else if ((chunk.starts_with('#') || chunk.starts_with('@')) && chunk.size() > 1) {
      std::size_t name_end = 1;
      while (name_end < chunk.size()) {
        std::size_t n;
        if (!word_char(text::code_point_at(chunk, name_end, &n))) break;
        name_end = n;
      }
      if (name_end > 1 && u_isalpha(text::code_point_at(chunk, 1)))
        add(chunk[0] == '#' ? "HASHTAG" : "MENTION", start, start + name_end, std::string(chunk.substr(0, name_end)));
    }
    i = end;
  }
  std::sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) { return a.span.start8 < b.span.start8; });
  return out;
}

}  // namespace maqal::entities
