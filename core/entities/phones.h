// Telephone numbers: an international number ("+1 (929) 214-1690", "+20 2 2345 6789"), a North American
// one with its area code in brackets ("(202) 555-0143"), or any number a label names ("Tel: 0100 123 4567",
// "هاتف: ٠٢٢٣٤٥٦٧٨٩"; labels: core/lang/*/phones.tsv). Norm: the digits in ASCII, "+" first when international.
#pragma once

#include <string_view>
#include <vector>

#include "maqal/maqal.h"

namespace maqal::entities {

std::vector<Entity> find_phones(std::string_view line);

}  // namespace maqal::entities
