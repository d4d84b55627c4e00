#include "structure/blocks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace maqal::structure {
namespace {

struct Cursor {
  std::string_view s;
  int32_t i;
  UChar32 peek() const {
    if (i >= static_cast<int32_t>(s.size())) return -1;
    int32_t j = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), j, static_cast<int32_t>(s.size()), c);
    return c;
  }
  void advance() { U8_FWD_1(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size())); }
};

bool blank(UChar32 c) { return u_isUWhiteSpace(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT); }

// A list marker: one punctuation mark or symbol that is not a quote or bracket, or a number of at
// most three digits (any script's) followed by '.' or ')' — and then white space.
struct ListMarker {
  std::size_t length = 0;  // bytes; 0: none
  int number = 0;          // a numbered item's number
};

ListMarker list_marker(std::string_view line) {
  Cursor c{line, 0};
  const UChar32 first = c.peek();
  if (first < 0) return {};
  const int8_t type = u_charType(first);
  int number = 0;
  if (type == U_DECIMAL_DIGIT_NUMBER) {
    int digits = 0;
    for (; u_charType(c.peek()) == U_DECIMAL_DIGIT_NUMBER && digits <= 3; ++digits) {
      number = number * 10 + u_charDigitValue(c.peek());
      c.advance();
    }
    if (digits > 3 || (c.peek() != '.' && c.peek() != ')')) return {};
    c.advance();
  } else {
    // Symbols only from the blocks bullets are drawn from (■ ● ➢ ✓), not © or °.
    const UBlockCode block = ublock_getCode(first);
    const bool bullet_symbol = (type == U_OTHER_SYMBOL || type == U_MATH_SYMBOL) &&
        (block == UBLOCK_GEOMETRIC_SHAPES || block == UBLOCK_DINGBATS || block == UBLOCK_ARROWS ||
         block == UBLOCK_MISCELLANEOUS_SYMBOLS || block == UBLOCK_GEOMETRIC_SHAPES_EXTENDED);
    const bool mark = type == U_OTHER_PUNCTUATION || type == U_DASH_PUNCTUATION || bullet_symbol;
    if (!mark || u_hasBinaryProperty(first, UCHAR_QUOTATION_MARK) ||
        u_hasBinaryProperty(first, UCHAR_S_TERM) || first == '#' || first == '@')
      return {};
    c.advance();
  }
  if (!blank(c.peek())) return {};
  return {static_cast<std::size_t>(c.i), number};
}

void add_line(std::string_view text, std::size_t from, std::size_t to, std::vector<Block>& out) {
  Cursor c{text.substr(0, to), static_cast<int32_t>(from)};
  while (c.peek() >= 0 && blank(c.peek())) c.advance();
  std::size_t start = c.i;
  // Trim the end: step back over blanks.
  std::size_t end = to;
  while (end > start) {
    int32_t j = static_cast<int32_t>(end);
    UChar32 ch;
    U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), static_cast<int32_t>(start), j, ch);
    if (!blank(ch)) break;
    end = static_cast<std::size_t>(j);
  }
  if (start == end) return;
  Block block;
  if (const ListMarker marker = list_marker(text.substr(start, end - start)); marker.length > 0) {
    Cursor rest{text.substr(0, end), static_cast<int32_t>(start + marker.length)};
    while (rest.peek() >= 0 && blank(rest.peek())) rest.advance();
    if (static_cast<std::size_t>(rest.i) < end) {
      block.bullet = true;
      block.number = marker.number;
      start = rest.i;
    }
  }
  block.span.start8 = start;
  block.span.end8 = end;
  block.text = std::string(text.substr(start, end - start));
  out.push_back(std::move(block));
}

}  // namespace

std::vector<Block> split_blocks(std::string_view text) {
  std::vector<Block> blocks;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t newline = 0;  // length of a line separator at i
    if (text[i] == '\n' || text[i] == '\r') newline = 1;
    else if (text[i] == '\xE2' && (text.compare(i, 3, "\xE2\x80\xA8") == 0 || text.compare(i, 3, "\xE2\x80\xA9") == 0))
      newline = 3;  // LINE SEPARATOR, PARAGRAPH SEPARATOR
    if (!newline) { ++i; continue; }
    add_line(text, line_start, i, blocks);
    i += newline;
    line_start = i;
  }
  add_line(text, line_start, text.size(), blocks);
  return blocks;
}

}  // namespace maqal::structure
