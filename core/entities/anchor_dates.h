// Relative dates and weekdays ("yesterday", "الأسبوع الماضي", "الجمعة") resolved against the date of
// the article they stand in, when it is known: "-1D" → "2024-03-13", "XXXX-WXX-5" → "2024-03-08".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maqal/maqal.h"

namespace maqal::entities {

// `dates[a]` is article a's date (ISO 8601; one without its day anchors nothing); entities outside
// every article take the main article's. A weekday is the last one on or before the date unless a
// word of the future stands beside it ("الجمعة المقبلة", "next Friday": dates.tsv). `text` is what
// the spans index.
void anchor_dates(std::vector<Entity>& entities, const std::vector<Block>& blocks, std::string_view text,
                  const std::vector<std::optional<std::string>>& dates);

}  // namespace maqal::entities
