// The DOM feed (core/html/dom_events.h): a document sent as an event stream gives the same result
// as its HTML parsed by Gumbo. The stream is made here from Gumbo's own events, as web/dom_feed.js
// makes it from a browser's tree (that side is checked in Chromium: tests/e2e/dom_feed.test.mjs).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "html/dom_events.h"
#include "html/gumbo_events.h"
#include "maqal/maqal.h"
#include "test_util.h"

namespace {

// Writes events in the stream format, escaping the mark characters as the browser side does.
class StreamWriter : public maqal::html::EventSink {
 public:
  void open(std::string_view tag, const std::vector<maqal::html::Attribute>& attributes) override {
    put('\x01', tag);
    for (const auto& a : attributes) put('\x02', a.name), put('\x03', a.value);
  }
  void close(std::string_view) override { out += '\x04'; }
  void text(std::string_view utf8) override { put('\x05', utf8); }
  std::string out;

 private:
  void put(char mark, std::string_view field) {
    out += mark;
    for (char c : field) {
      if (c >= '\x01' && c <= '\x06') out += '\x06', out += static_cast<char>(c + 0x40);
      else out += c;
    }
  }
};

std::string events_of(const std::string& html) {
  StreamWriter writer;
  EXPECT_FALSE(maqal::html::feed_gumbo(html, writer));
  return writer.out;
}

void expect_same_result(const std::string& html, const std::string& name) {
  const std::string expected = maqal::to_json(maqal::parse_html(html));
  EXPECT_EQ(maqal::to_json(maqal::parse_dom_events(events_of(html))), expected) << name;
}

// The first pages of the Readability test set: varied markup, enough to catch a difference.
constexpr int kPages = 40;

TEST(DomEvents, SameResultAsGumboOnDevPages) {
  namespace fs = std::filesystem;
  const fs::path pages = maqal::test::repo_path("../shared/data/readability-test-pages");
  if (!fs::exists(pages)) GTEST_SKIP() << "no ../shared/data";
  std::vector<fs::path> dirs;
  for (const auto& dir : fs::directory_iterator(pages)) dirs.push_back(dir.path());
  std::sort(dirs.begin(), dirs.end());
  dirs.resize(std::min<std::size_t>(dirs.size(), kPages));
  int compared = 0;
  for (const auto& dir : dirs) {
    const std::string html = maqal::test::read_file((dir / "source.html").string());
    if (html.empty()) continue;
    expect_same_result(html, dir.filename().string());
    ++compared;
  }
  EXPECT_GE(compared, kPages * 3 / 4);  // a few test pages have no source.html
}

// Records events as text, to see what a stream decodes to.
class Recorder : public maqal::html::EventSink {
 public:
  void open(std::string_view tag, const std::vector<maqal::html::Attribute>& attributes) override {
    out += "<" + std::string(tag);
    for (const auto& a : attributes) out += " " + std::string(a.name) + "=" + std::string(a.value);
    out += ">";
  }
  void close(std::string_view tag) override { out += "</" + std::string(tag) + ">"; }
  void text(std::string_view utf8) override { out += utf8; }
  std::string out;
};

// Gumbo runs over the text that nothing reads (a style, an iframe, a script other than JSON-LD),
// as web/dom_feed.js leaves it out, whatever that text holds ('<', "</", a CR, a NUL); a script's
// text after a comment opener ("<!--", rare now) is read as before. The JSON-LD script's text and
// the elements after each are as they were.
TEST(DomEvents, GumboRunsOverTextNothingReads) {
  const std::string html = std::string("<head><style>p{color:red}\r\na<b</style>"
                                       "<script type=\"application/ld+json\">{\"a\": 1}</script>"
                                       "<script>if (a<b) s = \"</p>\";") + '\0' +
                           " x = 1;</script></head><body><p>One</p><script><!-- document.write(\"<script>\") -->"
                           "</script><iframe>x<y</iframe><p>Two\r\nlines</p></body>";
  Recorder r;
  ASSERT_FALSE(maqal::html::feed_gumbo(html, r));
  for (const char* unread : {"color", "x = 1", "x<y"}) EXPECT_EQ(r.out.find(unread), std::string::npos) << unread;
  EXPECT_NE(r.out.find("{\"a\": 1}"), std::string::npos);
  EXPECT_NE(r.out.find("<p>One</p>"), std::string::npos);
  EXPECT_NE(r.out.find("</iframe><p>Two\nlines</p></body>"), std::string::npos);
}

TEST(DomEvents, ControlCharactersTravelEscaped) {
  Recorder r;
  ASSERT_FALSE(maqal::html::feed_dom_events("\x01" "p" "\x02" "title" "\x03" "a\x06" "Bz" "\x05" "x\x06" "Fy", r));
  EXPECT_EQ(r.out, "<p title=a\x02z>x\x06y</p>");
  StreamWriter w;
  w.text("x\x06y");
  EXPECT_EQ(w.out, "\x05" "x\x06" "Fy");
}

TEST(DomEvents, ElementsLeftOpenAreClosed) {
  const maqal::Result r = maqal::parse_dom_events("\x01" "html" "\x01" "body" "\x01" "p" "\x05" "Words of a paragraph left open here.");
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.blocks.size(), 1u);
  EXPECT_EQ(r.blocks[0].text, "Words of a paragraph left open here.");
}

TEST(DomEvents, MalformedStreamsGiveAClearError) {
  for (const std::string bad : {std::string("\x04"), std::string("plain text"), std::string("\x01" "p" "\x02" "class")}) {
    const maqal::Result r = maqal::parse_dom_events(bad);
    ASSERT_TRUE(r.error) << bad;
    EXPECT_EQ(r.error->code, "bad_events") << bad;
  }
}

TEST(DomEvents, DeepNestingIsBoundedLikeGumbo) {
  std::string deep;
  for (unsigned i = 0; i < 100000; ++i) deep += "\x01" "div";
  const maqal::Result r = maqal::parse_dom_events(deep);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "too_deep");
}

}  // namespace
