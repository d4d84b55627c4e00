// Numbers: digits as written, number words joined into one value, scales written on the digits.
// The words are lexicon data (core/lang/*/numbers.tsv), the scale suffixes number_suffixes.tsv.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "maqal/maqal.h"

namespace maqal::entities {

// Digits as written (a folded token), reduced to a plain decimal: "1,250.5" → "1250.5", "٣٬٥٠٠" → "3500".
std::string number_norm(std::string_view folded);

// A number with its scale written on its digits ("5.2bn" → "5200000000"); the suffixes that are
// numbers only beside a currency ("3m": also three metres) count when `beside_currency`. Empty otherwise.
std::string scaled_number(std::string_view folded, bool beside_currency);
// Whether a folded word opens as scaled_number() needs, with a digit, '.' or ',' (most words do not).
inline bool opens_with_digits(std::string_view folded) {
  return !folded.empty() && std::string_view("0123456789.,").find(folded[0]) != std::string_view::npos;
}

// `words`: one line's entities in order. Adjacent NUMBERs that make one number are merged into one,
// its norm their value; none grows into one of `patterns` (URLs, mentions: found before the words).
void merge_numbers(std::string_view line, std::vector<Entity>& words, const std::vector<Entity>& patterns);

}  // namespace maqal::entities
