#include "entities/dictionary.h"

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "lang/data.h"

// File (little-endian): "maqal-dict" NUL, u8 version (1), u8 rice bits k; then for the common words
// and the proper words: u32 count n, then the n hashes (each word's hash modulo n << k, sorted) as
// gaps, each gap a unary quotient (gap >> k ones, a zero) and k remainder bits, bits from the lowest
// of each byte. A word not in a set falls on one of its hashes with a chance of about 2^-k.

namespace maqal::entities::dictionary {
namespace {

constexpr std::string_view kMagic{"maqal-dict\0", 11};
constexpr std::uint8_t kVersion = 1;
constexpr int kRiceBits = 6;

std::uint64_t hash(std::string_view s, std::string_view then = {}) {  // of s + then: FNV-1a, then splitmix64's finalizer
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  for (unsigned char c : then) h = (h ^ c) * 1099511628211ull;
  h += 0x9E3779B97F4A7C15ull;
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
  return h ^ (h >> 31);
}

// A word's hash modulo the range of a set of `count` words.
std::uint32_t slot(std::string_view word, std::size_t count, int bits) {
  return static_cast<std::uint32_t>(hash(word) % (static_cast<std::uint64_t>(std::max<std::size_t>(count, 1)) << bits));
}

bool fail(std::string* error, const char* message) {
  if (error) *error = message;
  return false;
}

void write_set(std::string& out, const std::vector<std::string>& words) {
  std::vector<std::uint32_t> hashes;
  for (const auto& w : words) hashes.push_back(slot(w, words.size(), kRiceBits));
  std::sort(hashes.begin(), hashes.end());
  for (int i = 0; i < 4; ++i) out += static_cast<char>((words.size() >> (8 * i)) & 0xFF);
  std::uint8_t byte = 0;
  int used = 0;
  auto bit = [&](bool b) {
    byte |= static_cast<std::uint8_t>(b) << used;
    if (++used == 8) out += static_cast<char>(byte), byte = 0, used = 0;
  };
  std::uint32_t previous = 0;
  for (std::uint32_t h : hashes) {
    const std::uint32_t gap = h - previous;
    previous = h;
    for (std::uint32_t q = gap >> kRiceBits; q > 0; --q) bit(true);
    bit(false);
    for (int b = 0; b < kRiceBits; ++b) bit(gap >> b & 1);
  }
  if (used) out += static_cast<char>(byte);
}

// Reads a set written by write_set from the front of `in`, which it advances past it.
bool read_set(std::string_view& in, int bits, std::uint64_t& range, std::vector<std::uint64_t>& set) {
  if (in.size() < 4) return false;
  std::uint32_t count = 0;
  for (int i = 0; i < 4; ++i) count |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(in[i])) << (8 * i);
  in.remove_prefix(4);
  if (count > in.size() * 8) return false;  // each hash takes at least one bit
  std::size_t position = 0;  // in bits
  auto bit = [&](bool& b) {
    if (position / 8 >= in.size()) return false;
    b = static_cast<std::uint8_t>(in[position / 8]) >> (position % 8) & 1;
    ++position;
    return true;
  };
  range = static_cast<std::uint64_t>(std::max<std::uint32_t>(count, 1)) << bits;
  set.assign((range + 63) / 64, 0);
  std::uint64_t value = 0;
  for (std::uint32_t k = 0; k < count; ++k) {
    std::uint64_t quotient = 0;
    for (bool b = true;;) {
      if (!bit(b)) return false;
      if (!b) break;
      if (++quotient > range) return false;
    }
    std::uint64_t remainder = 0;
    for (int i = 0; i < bits; ++i) {
      bool b;
      if (!bit(b)) return false;
      remainder |= static_cast<std::uint64_t>(b) << i;
    }
    value += quotient << bits | remainder;
    if (value >= range) return false;
    set[value / 64] |= std::uint64_t{1} << (value % 64);
  }
  in.remove_prefix((position + 7) / 8);
  return true;
}

const Sets& compiled() {
  static const Sets sets = [] {
    Sets s;
    if (!s.decode(data::file("en/dictionary.bin"))) s = Sets();
    return s;
  }();
  return sets;
}

// The inflections listing() reads through: a suffix and what the base form ends in instead.
constexpr std::pair<std::string_view, std::string_view> kInflections[] = {
    {"'s", ""}, {"\u2019s", ""}, {"s", ""}, {"es", ""}, {"ies", "y"}, {"ed", ""}, {"ed", "e"},
    {"ing", ""}, {"ing", "e"}, {"ly", ""}};

// Calls f(stem, ending) for each (suffix, replacement) rule w ends in with three letters or more
// before it: the base form is stem + ending.
template <class Rules, class F>
void each_base_form(std::string_view w, const Rules& rules, F&& f) {
  for (const auto& [suffix, replacement] : rules)
    if (w.size() >= suffix.size() + 3 && w.ends_with(suffix)) f(w.substr(0, w.size() - suffix.size()), replacement);
}

}  // namespace

std::vector<std::string> base_forms(std::string_view w) {
  std::vector<std::string> out;
  each_base_form(w, kInflections, [&](std::string_view stem, std::string_view ending) { out.push_back(std::string(stem) + std::string(ending)); });
  return out;
}

std::string encode(const std::vector<std::string>& common, const std::vector<std::string>& proper) {
  std::string out(kMagic);
  out += static_cast<char>(kVersion);
  out += static_cast<char>(kRiceBits);
  write_set(out, common);
  write_set(out, proper);
  return out;
}

bool Sets::decode(std::string_view bytes, std::string* error) {
  common_ = proper_ = HashBits();
  if (!bytes.starts_with(kMagic)) return fail(error, "not a maqal-dict file");
  bytes.remove_prefix(kMagic.size());
  if (bytes.size() < 2 || static_cast<std::uint8_t>(bytes[0]) != kVersion) return fail(error, "unknown dictionary version");
  if (bytes[1] != kRiceBits) return fail(error, "dictionary hashes of another width");
  bytes.remove_prefix(2);
  if (!read_set(bytes, kRiceBits, common_.range, common_.bits) ||
      !read_set(bytes, kRiceBits, proper_.range, proper_.bits)) {
    common_ = proper_ = HashBits();
    return fail(error, "truncated or bad dictionary file");
  }
  if (!bytes.empty()) return fail(error, "bytes after the dictionary");
  return true;
}

bool Sets::HashBits::has(std::uint64_t word_hash) const {
  if (bits.empty()) return false;
  const std::uint64_t value = word_hash % range;
  return bits[value / 64] >> (value % 64) & 1;
}

std::uint8_t Sets::listing_of(std::uint64_t word_hash) const {
  return (common_.has(word_hash) ? kCommon : 0) | (proper_.has(word_hash) ? kProper : 0);
}

std::uint8_t Sets::listing(std::string_view w) const {
  if (common_.bits.empty() && proper_.bits.empty()) return kUnlisted;
  std::uint8_t out = listing_of(hash(w));
  if (out) return out;
  each_base_form(w, kInflections, [&](std::string_view stem, std::string_view ending) { out |= listing_of(hash(stem, ending)); });
  return out;
}

bool derived_from_common(std::string_view folded_word) {
  static const auto derivations = [] {
    std::vector<std::pair<std::string, std::string>> out;  // ending, base ending
    for (const auto& row : data::rows("en/derivations.tsv"))
      out.emplace_back(std::string(row[0]), row.size() > 1 ? std::string(row[1]) : std::string());
    return out;
  }();
  // English endings: a word opening with a byte past ASCII (Arabic) ends in none of them, as a rule.
  if (folded_word.empty() || static_cast<unsigned char>(folded_word[0]) >= 0x80 || listing(folded_word) != kUnlisted) return false;
  bool derived = false;
  each_base_form(folded_word, derivations, [&](std::string_view stem, std::string_view ending) {
    derived = derived || (listing(std::string(stem) + std::string(ending)) & kCommon);
  });
  return derived;
}

std::uint8_t listing(std::string_view folded_word) {
  // An English word list: a word in another script is in it only by a hash's chance (one in 64).
  if (folded_word.empty()) return kUnlisted;
  if (static_cast<unsigned char>(folded_word[0]) >= 0x80) {  // ASCII letters are Latin: no ICU call for most words
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(folded_word.data()), i, static_cast<int32_t>(folded_word.size()), c);
    UErrorCode status = U_ZERO_ERROR;
    if (c < 0 || uscript_getScript(c, &status) != USCRIPT_LATIN) return kUnlisted;
  }
  return compiled().listing(folded_word);
}

}  // namespace maqal::entities::dictionary
