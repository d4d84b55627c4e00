#pragma once
// A set of strings viewed elsewhere (a document's folded words), for membership questions.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace maqal::text {

// Open addressing over the views in one array, at most half full: std::unordered_set's node a word
// took 1.4 MB of the heap for a megabyte of Arabic text and left it in pieces once freed.
class WordSet {
 public:
  bool empty() const { return size_ == 0; }
  bool contains(std::string_view w) const { return find(w) != nullptr; }
  // The kept view equal to `w`, or nullptr.
  const std::string_view* find(std::string_view w) const;
  // `w` kept unless an equal view is; returns the kept one.
  std::string_view insert(std::string_view w);

 private:
  std::vector<std::string_view> slots_;  // a power of two of them; a null data() marks a free slot
  std::size_t size_ = 0;
  std::optional<std::string_view> empty_;  // "" kept apart: its data() may be null
};

}  // namespace maqal::text
