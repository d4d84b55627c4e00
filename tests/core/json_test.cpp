// core/result/json.cpp writes the JSON itself: its bytes must be the ones nlohmann's dump() gives
// (the golden files and the native/wasm parity were made with it), escapes and spacing included.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <vector>

#include "maqal/maqal.h"
#include "text/utf.h"

namespace {

using Json = nlohmann::ordered_json;

// nlohmann's reading of the document, written back by nlohmann: the same bytes when ours are right.
std::string nlohmann_again(const std::string& ours, bool pretty) {
  return Json::parse(ours).dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

// A result with every field filled, nested values empty and not, and `odd` in the strings.
maqal::Result sample(const std::string& odd) {
  maqal::Result r;
  r.lang = "ar";
  r.dir = "rtl";
  r.text = odd;
  maqal::Block plain{"paragraph", "", odd, {0, 5, 0, 3}, 0, "rtl", false};
  maqal::Block furniture{"boilerplate", "nav", "Home", {5, 9, 3, 7}, std::nullopt, "ltr", true};
  r.blocks = {plain, furniture};
  maqal::Article a;
  a.kind = "main";
  a.title = odd;
  a.published_iso = "2024-05-01";
  a.tags = {"one", odd};
  a.related = {{"x", 1}, {odd, std::nullopt}};
  a.body = odd + "\n\n" + odd;
  r.articles = {a, maqal::Article{1, "secondary", {}, {}, {}, {}, {}, {}, {}, ""}};
  r.entities = {{"PER", odd, {1, 2, 3, 4}, 0, "norm"}};
  r.clusters = {{0, "PER", odd, "norm", {0}, {}}, {1, "LOC", "x", "x", {}, {"role"}}};
  r.quotes = {{odd, {0, 1, 0, 1}, odd, {0, 1}}, {"q", {}, std::nullopt, {}}};
  return r;
}

TEST(Json, SameBytesAsNlohmann) {
  for (const std::string odd : {std::string(""), std::string("plain"), std::string("\"quoted\" back\\slash /"),
                                std::string("tab\tnew\nline\rcr\bbs\fff"), std::string("\x01\x1F\x7F end", 6),
                                std::string("\xD9\x85\xD9\x82\xD8\xA7\xD9\x84 \xF0\x9F\x93\xB0")}) {
    for (const bool pretty : {false, true}) {
      const std::string ours = maqal::to_json(sample(odd), pretty);
      EXPECT_EQ(ours, nlohmann_again(ours, pretty)) << odd;
    }
  }
  maqal::Result error;
  error.error = maqal::Error{"too_deep", "nested \"past\" 512", 42};
  EXPECT_EQ(maqal::to_json(error), R"({"error":{"code":"too_deep","message":"nested \"past\" 512","offset":42}})");
  EXPECT_EQ(maqal::to_json(error, true), nlohmann_again(maqal::to_json(error), true));
}

// write_json hands over the same bytes as to_json, in pieces.
TEST(Json, WrittenInPiecesAsOneString) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "Paragraph " + std::to_string(i) + " says \"hello\" in Cairo.\n\n";
  const maqal::Result r = maqal::parse_text(text);
  for (const bool pretty : {false, true}) {
    std::string joined;
    std::size_t pieces = 0;
    maqal::write_json(r, pretty, [&](std::string_view piece) {
      joined += piece;
      ++pieces;
    });
    EXPECT_EQ(joined, maqal::to_json(r, pretty));
    EXPECT_GT(pieces, 2u);
  }
}

// A string longer than a piece (an article's body) is cut too, between characters: no piece holds
// the whole string, and each is whole UTF-8 (the wasm hands each to JavaScript as a string).
TEST(Json, LongStringsCutBetweenCharacters) {
  std::string body;
  while (body.size() < 1'000'000) body += "\xD9\x85\xD9\x82\xD8\xA7\xD9\x84 \xE2\x80\x94 \"\xF0\x9F\x93\xB0\" ";  // مقال — "📰"
  maqal::Result r;
  r.blocks = {maqal::Block{"paragraph", "", body, {}, std::nullopt, "rtl", false}};
  std::string joined;
  std::size_t largest = 0;
  maqal::write_json(r, false, [&](std::string_view piece) {
    joined += piece;
    largest = std::max(largest, piece.size());
    EXPECT_FALSE(maqal::text::check_input(piece)) << "a piece cut inside a character";
  });
  EXPECT_EQ(joined, maqal::to_json(r));
  EXPECT_LT(largest, body.size() / 4);
}

// Bytes that are no UTF-8 become U+FFFD exactly where nlohmann's replace handler puts them.
TEST(Json, BadUtf8ReplacedAsNlohmannDoes) {
  std::vector<std::string> cases = {"\x80", "\xC0\xAF", "\xC3", "a\xE2\x82", "\xE0\x80\x80", "\xED\xA0\x80",
                                    "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80", "\xE2\x82\xE2\x82\xAC",
                                    "\xF0\x9F\x93x\"", "\xFF\xFE ok"};
  std::mt19937 random(7);
  const char alphabet[] = {'a', '"', '\n', '\x01', '\x7F', '\x80', '\xBF', '\xC2', '\xD9', '\xE0', '\xED', '\xEF', '\xF0', '\xF4', '\xF8'};
  for (int n = 0; n < 5000; ++n) {
    std::string s;
    for (int len = static_cast<int>(random() % 8); len > 0; --len) s += alphabet[random() % sizeof alphabet];
    cases.push_back(s);
  }
  for (const auto& raw : cases) {
    maqal::Result r;
    r.blocks = {maqal::Block{"paragraph", "", raw, {}, std::nullopt, "ltr", false}};
    const Json ours = Json::parse(maqal::to_json(r));  // ours must be valid JSON, too
    const std::string expected = Json(raw).dump(-1, ' ', false, Json::error_handler_t::replace);
    EXPECT_EQ(Json(ours["blocks"][0]["text"].get<std::string>()).dump(), expected) << raw;
  }
}

}  // namespace
