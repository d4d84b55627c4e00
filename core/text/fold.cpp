#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "lang/data.h"
#include "text/utf.h"

namespace maqal::text {
namespace {

bool dropped(UChar32 c) {
  const int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return true;
  // Tatweel and other elongation marks: modifier letters that only stretch a word.
  return type == U_MODIFIER_LETTER && u_hasBinaryProperty(c, UCHAR_EXTENDER);
}

class Folder {
 public:
  Folder() {
    UErrorCode status = U_ZERO_ERROR;
    casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    decompose_ = icu::Normalizer2::getNFDInstance(status);
    for (const auto& row : data::rows_all_languages("folding.tsv"))
      if (row.size() >= 2) variants_[decode(row[0])] = std::string(row[1]);
  }

  // The folded form of a code point; Basic Multilingual Plane results are kept in a flat table
  // (pool offsets), the rest in a map.
  std::string_view code_point(UChar32 c) {
    if (c < 0x10000) {
      const Slot& slot = bmp_slot(c);
      return std::string_view(pool_).substr(slot.offset, slot.length);
    }
    auto [it, inserted] = astral_.try_emplace(c);
    if (inserted) it->second = compute(c);
    return it->second;
  }

  // Whether a code point folds to itself (most Arabic letters, lower-case Latin ones).
  bool unchanged(UChar32 c) { return c < 0x10000 && bmp_slot(c).unchanged; }

 private:
  struct Slot {
    std::uint32_t offset = 0;
    std::uint8_t length = kUnset;
    bool unchanged = false;
  };
  static constexpr std::uint8_t kUnset = 0xFF;

  const Slot& bmp_slot(UChar32 c) {
    Slot& slot = bmp_[c];
    if (slot.length == kUnset) {
      const std::string folded = compute(c);
      char utf8[4];
      int32_t n = 0;
      U8_APPEND_UNSAFE(utf8, n, c);
      slot = {static_cast<std::uint32_t>(pool_.size()), static_cast<std::uint8_t>(folded.size()),
              folded == std::string_view(utf8, n)};
      pool_ += folded;
    }
    return slot;
  }

  static UChar32 decode(std::string_view s) {
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
    return c;
  }

  std::string compute(UChar32 c) const {
    if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) return std::string(1, char('0' + u_charDigitValue(c)));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = casefold_->normalize(icu::UnicodeString(c), status);
    folded = decompose_->normalize(folded, status);
    std::string out;
    for (int32_t i = 0; i < folded.length();) {
      const UChar32 d = folded.char32At(i);
      i += U16_LENGTH(d);
      if (dropped(d)) continue;
      if (auto v = variants_.find(d); v != variants_.end()) {
        out += v->second;
      } else if (u_charType(d) == U_DECIMAL_DIGIT_NUMBER) {
        out += char('0' + u_charDigitValue(d));
      } else {
        char buf[4];
        int32_t n = 0;
        U8_APPEND_UNSAFE(buf, n, d);
        out.append(buf, n);
      }
    }
    return out;
  }

  const icu::Normalizer2* casefold_ = nullptr;
  const icu::Normalizer2* decompose_ = nullptr;
  std::unordered_map<UChar32, std::string> variants_;
  std::vector<Slot> bmp_ = std::vector<Slot>(0x10000);
  std::string pool_;
  std::unordered_map<UChar32, std::string> astral_;
};

}  // namespace

void fold_append(std::string_view utf8, std::string& out) {
  thread_local Folder folder;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  // Bytes that fold to themselves are copied a run at a time: most of a word's.
  int32_t run = 0;
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    if (s[i] < 0x80) {  // ASCII: lower-case letters, everything else as is
      const uint8_t b = s[i++];
      if (b < 'A' || b > 'Z') continue;
      out.append(utf8.data() + run, at - run);
      out += static_cast<char>(s[at] + 32);
    } else {
      UChar32 c;
      U8_NEXT(s, i, length, c);
      if (c >= 0 && folder.unchanged(c)) continue;
      out.append(utf8.data() + run, at - run);
      if (c >= 0) out += folder.code_point(c);  // bytes that are no UTF-8 are dropped
    }
    run = i;
  }
  out.append(utf8.data() + run, length - run);
}

std::string fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  fold_append(utf8, out);
  return out;
}

std::size_t written_size(std::string_view written, std::size_t folded_size) {
  if (folded_size == 0) return 0;
  std::size_t end = 0;
  while (end < written.size() && fold(written.substr(0, end)).size() < folded_size) code_point_at(written, end, &end);
  if (fold(written.substr(0, end)).size() != folded_size) return 0;
  // The marks on the prefix's last letter fold to nothing and stay with it ("لِ").
  for (std::size_t next; end < written.size(); end = next) {
    code_point_at(written, end, &next);
    if (!fold(written.substr(end, next - end)).empty()) break;
  }
  return end;
}

}  // namespace maqal::text
