#include "text/word_set.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "text/utf.h"

namespace maqal::text {
namespace {

// Whether two words hold the same bytes: most are 4 to 16 bytes long, which two overlapping loads of
// fixed size compare for less than a call to memcmp (as hash_word() reads them).
bool same_word(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const auto equal_at = [&]<class Chunk>(std::size_t at, Chunk) {
    Chunk x, y;
    std::memcpy(&x, a.data() + at, sizeof x);
    std::memcpy(&y, b.data() + at, sizeof y);
    return x == y;
  };
  if (n >= 8 && n <= 16) return equal_at(0, std::uint64_t{}) && equal_at(n - 8, std::uint64_t{});
  if (n >= 4 && n < 8) return equal_at(0, std::uint32_t{}) && equal_at(n - 4, std::uint32_t{});
  return a == b;
}

}  // namespace

std::size_t WordSet::slot_of(std::string_view w) const {
  const std::size_t mask = table_.size() - 1;
  std::size_t slot = hash_word(w) & mask;
  while (table_[slot] != 0 && !same_word(words_[table_[slot] - 1], w)) slot = (slot + 1) & mask;
  return slot;
}

const std::string_view* WordSet::find(std::string_view w) const {
  if (table_.empty()) return nullptr;
  const std::uint32_t kept = table_[slot_of(w)];
  return kept != 0 ? &words_[kept - 1] : nullptr;
}

void WordSet::rehash(std::size_t slots) {
  table_.assign(slots, 0);
  for (std::uint32_t index = 0; index < words_.size(); ++index) table_[slot_of(words_[index])] = index + 1;
}

void WordSet::reserve(std::size_t n) {
  std::size_t slots = table_.empty() ? 64 : table_.size();
  while (slots < 2 * n) slots *= 2;
  if (slots > table_.size()) rehash(slots);
}

std::pair<std::uint32_t, bool> WordSet::add(std::string_view w) {
  if (2 * (words_.size() + 1) > table_.size()) rehash(table_.empty() ? 64 : 2 * table_.size());
  std::uint32_t& slot = table_[slot_of(w)];
  if (slot != 0) return {slot - 1, false};
  words_.push_back(w);
  slot = static_cast<std::uint32_t>(words_.size());
  return {slot - 1, true};
}

void WordSet::clear() {
  std::fill(table_.begin(), table_.end(), 0);
  words_.clear();
}

}  // namespace maqal::text
