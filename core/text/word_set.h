#pragma once
// A set of strings viewed elsewhere (a document's words), for membership questions and dense indices.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace maqal::text {

// Open addressing over indices into one array of views, the table at most half full:
// std::unordered_set's node a word took 1.4 MB of the heap for a megabyte of Arabic text and left it
// in pieces once freed.
class WordSet {
 public:
  bool empty() const { return words_.empty(); }
  std::size_t size() const { return words_.size(); }
  // The view kept at `index` (add()'s).
  std::string_view operator[](std::uint32_t index) const { return words_[index]; }
  bool contains(std::string_view w) const { return find(w) != nullptr; }
  // The kept view equal to `w`, or nullptr.
  const std::string_view* find(std::string_view w) const;
  // `w` kept unless an equal view is; returns the kept one.
  std::string_view insert(std::string_view w) { return words_[add(w).first]; }
  // The index of `w` among the kept views (0, 1, … in the order kept), kept if new, and whether it was.
  std::pair<std::uint32_t, bool> add(std::string_view w);
  // Forgets every view, keeping the table's size for what comes next.
  void clear();
  // A table for `n` views, so that keeping that many never grows it (each growth rehashes them all).
  void reserve(std::size_t n);

 private:
  std::size_t slot_of(std::string_view w) const;  // where `w` is, or the free slot where it would go
  void rehash(std::size_t slots);
  std::vector<std::uint32_t> table_;      // a power of two of slots: index + 1, 0 when free
  std::vector<std::string_view> words_;  // by index
};

}  // namespace maqal::text
