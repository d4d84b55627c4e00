#include "text/word_set.h"

#include <functional>
#include <utility>

namespace maqal::text {
namespace {

// The slot of `w` in `slots`: where it is, or the free one where it would go.
std::size_t slot_of(const std::vector<std::string_view>& slots, std::string_view w) {
  const std::size_t mask = slots.size() - 1;
  std::size_t slot = std::hash<std::string_view>{}(w) & mask;
  while (slots[slot].data() != nullptr && slots[slot] != w) slot = (slot + 1) & mask;
  return slot;
}

}  // namespace

const std::string_view* WordSet::find(std::string_view w) const {
  if (w.empty()) return empty_ ? &*empty_ : nullptr;
  if (slots_.empty()) return nullptr;
  const std::string_view& slot = slots_[slot_of(slots_, w)];
  return slot.data() != nullptr ? &slot : nullptr;
}

std::string_view WordSet::insert(std::string_view w) {
  if (w.empty()) {
    if (!empty_) empty_ = w, ++size_;
    return *empty_;
  }
  if (2 * (size_ + 1) > slots_.size()) {
    const std::vector<std::string_view> old = std::exchange(slots_, std::vector<std::string_view>(
                                                  slots_.empty() ? 64 : 2 * slots_.size()));
    for (std::string_view v : old)
      if (v.data() != nullptr) slots_[slot_of(slots_, v)] = v;
  }
  std::string_view& slot = slots_[slot_of(slots_, w)];
  if (slot.data() == nullptr) slot = w, ++size_;
  return slot;
}

}  // namespace maqal::text
