// maqal_bench: time per pipeline stage on a paste, median of many runs, and the tokens per second of
// the entity stage and of the whole parse. The same source builds for wasm (build/wasm/maqal_bench.cjs,
// run by node; tools/bench/throughput.mjs runs both on the same inputs).
//   build/maqal_bench [--runs N] [--size BYTES] FILE...
// Each FILE is repeated (as separate paragraphs) until it reaches --size bytes (default: as is).
//   build/maqal_bench --pages [--html] [--no-entities | --both] [--runs N] FILE...
// Whole parse (parse + to_json; --no-entities: extraction only) of each FILE in one process, so process
// start is not counted: one warm-up pass over all files, then N timed passes; prints "milliseconds
// bytes FILE" per file (the median of its passes). --both: each file as the whole result and as
// extraction only, taking turns, so both see the same load: "milliseconds milliseconds bytes FILE". tools/bench/run.mjs compares these per-page times with the wasm and peers.
//   build/maqal_bench --html [--runs N] FILE...
// The HTML stages of each page against Gumbo's parse: the parse alone, the walk and the blocks (the
// page's events, recorded once, replayed into the block builder), metadata and main content (tokens
// computed once, untimed); the median CPU time of N runs each, summed over the pages, and
// everything after the parser as a share of the parse.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "entities/entities.h"
#include "entities/quotes.h"
#include "html/content.h"
#include "html/gumbo_bounded.h"
#include "html/gumbo_events.h"
#include "html/html_blocks.h"
#include "html/metadata.h"
#include "maqal/maqal.h"
#include "structure/articles.h"
#include "structure/blocks.h"
#include "structure/roles.h"
#include "text/tokens.h"

namespace {

double median_us(int runs, const std::function<void()>& work) {
  std::vector<double> times;
  work();  // warm-up: lexicons and ICU iterators are built on first use
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    times.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

std::string read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// --pages mode: whole-parse time of every file under each set of options, each the median of `runs`
// passes after a warm-up pass.
int time_pages(const std::vector<const char*>& files, const std::vector<maqal::Options>& modes, int runs) {
  std::vector<std::string> inputs;
  for (const char* path : files) inputs.push_back(read(path));
  std::vector<std::vector<std::vector<double>>> times(inputs.size(), std::vector<std::vector<double>>(modes.size()));
  for (int pass = 0; pass <= runs; ++pass) {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      for (std::size_t m = 0; m < modes.size(); ++m) {
        const auto start = std::chrono::steady_clock::now();
        const std::string json = maqal::to_json(maqal::parse(inputs[i], modes[m]));
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        if (pass > 0) times[i][m].push_back(ms);  // pass 0 warms up lexicons, ICU and the name model
      }
    }
  }
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    for (auto& mode : times[i]) {
      std::sort(mode.begin(), mode.end());
      std::printf("%.4f ", mode[mode.size() / 2]);
    }
    std::printf("%zu %s\n", inputs[i].size(), files[i]);
  }
  return 0;
}

// Median CPU time of `work` in this thread (microseconds): on a shared machine, wall time would
// count the waits for a core.
double median_cpu_us(int runs, const std::function<void()>& work) {
  const auto now = [] {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
  };
  std::vector<double> times;
  work();
  for (int i = 0; i < runs; ++i) {
    const double start = now();
    work();
    times.push_back(now() - start);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// --html mode (no --pages): the HTML stages of every file, summed over the files.
int time_html_stages(const std::vector<const char*>& files, int runs) {
  using namespace maqal;
  double parse = 0, blocks_time = 0, metadata = 0, content = 0;
  std::vector<double> shares;  // per page: after the parser / parse
  for (const char* path : files) {
    const std::string input = read(path);
    const double t_parse = median_cpu_us(runs, [&] {
      GumboOutput* output = nullptr;
      maqal_gumbo_free(maqal_gumbo_parse(input.data(), input.size(), html::kMaxDepth, &output));
    });
    // The page's events, recorded once and replayed into the block builder: the walk of the tree
    // and the blocks, timed without the parse.
    struct Recorder : html::EventSink {
      struct Event {
        int type;  // 0 open, 1 close, 2 text
        std::string name;
        std::vector<std::pair<std::string, std::string>> attributes;
      };
      std::vector<Event> events;
      void open(std::string_view tag, const std::vector<html::Attribute>& attributes) override {
        Event e{0, std::string(tag), {}};
        for (const auto& a : attributes) e.attributes.emplace_back(a.name, a.value);
        events.push_back(std::move(e));
      }
      void close(std::string_view tag) override { events.push_back({1, std::string(tag), {}}); }
      void text(std::string_view utf8) override { events.push_back({2, std::string(utf8), {}}); }
      void replay(html::EventSink& sink) const {
        std::vector<html::Attribute> attributes;
        for (const auto& e : events) {
          if (e.type == 1) sink.close(e.name);
          else if (e.type == 2) sink.text(e.name);
          else {
            attributes.clear();
            for (const auto& [name, value] : e.attributes) attributes.push_back({name, value});
            sink.open(e.name, attributes);
          }
        }
      }
    } recorder;
    html::feed_gumbo(input, recorder);
    html::Document doc;
    const double t_blocks = median_cpu_us(runs, [&] {
      html::BlockBuilder builder;
      recorder.replay(builder);
      doc = builder.finish();
    });
    if (doc.blocks.empty()) continue;
    html::Metadata meta;
    const double t_meta = median_cpu_us(runs, [&] { meta = html::read_metadata(doc); });
    std::vector<text::Tokens> tokens;
    text::DocumentTokenizer tokenize;  // as the parse tokenizes a document
    for (const auto& b : doc.blocks) tokens.push_back(tokenize(b.text));
    std::vector<Block> blocks = doc.blocks;
    const double t_content = median_cpu_us(runs, [&] { html::assign_html_roles(blocks, doc, tokens, meta); });
    parse += t_parse, blocks_time += t_blocks, metadata += t_meta, content += t_content;
    shares.push_back((t_blocks + t_meta + t_content) / t_parse);
  }
  if (shares.empty()) return 1;
  std::sort(shares.begin(), shares.end());
  const double after = blocks_time + metadata + content;
  std::printf("pages %zu  gumbo parse %.1f ms  walk and blocks %.1f ms  metadata %.1f ms  content %.1f ms\n",
              shares.size(), parse / 1e3, blocks_time / 1e3, metadata / 1e3, content / 1e3);
  std::printf("after the parser: %.1f ms = %.1f%% of the parse (per page: median %.1f%%, p95 %.1f%%)\n", after / 1e3,
              100 * after / parse, 100 * shares[shares.size() / 2], 100 * shares[shares.size() * 95 / 100]);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 200;
  std::size_t size = 0;
  bool pages = false, both = false;
  maqal::Options options;
  std::vector<const char*> files;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--pages")) pages = true;
    else if (!std::strcmp(argv[i], "--html")) options.html = true;
    else if (!std::strcmp(argv[i], "--no-entities")) options.entities = false;
    else if (!std::strcmp(argv[i], "--both")) both = true;
    else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) runs = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--size") && i + 1 < argc) size = std::strtoul(argv[++i], nullptr, 10);
    else files.push_back(argv[i]);
  }
  if (files.empty() || runs < 1) {
    std::fprintf(stderr, "usage: maqal_bench [--runs N] [--size BYTES] FILE...\n"
                         "       maqal_bench --pages [--html] [--no-entities | --both] [--runs N] FILE...\n"
                         "       maqal_bench --html [--runs N] FILE...\n");
    return 2;
  }
  if (pages && both) {
    maqal::Options extraction = options;
    extraction.entities = false;
    return time_pages(files, {options, extraction}, runs);
  }
  if (pages) return time_pages(files, {options}, runs);
  if (options.html) return time_html_stages(files, runs);
  std::printf("%-24s %8s %9s %9s %9s %9s %9s %9s %9s\n", "input", "bytes", "blocks", "tokens", "roles",
              "articles", "entities", "quotes", "total");
  for (const char* path : files) {
    const std::string one = read(path);
    std::string input = one;
    while (input.size() < size) input += "\n\n" + one;
    using namespace maqal;
    std::vector<Block> blocks;
    std::vector<text::Tokens> tokens;
    int articles = 0;
    std::vector<Entity> entities;
    const double t_blocks = median_us(runs, [&] { blocks = structure::split_blocks(input); });
    const double t_tokens = median_us(runs, [&] {
      tokens.clear();
      text::DocumentTokenizer tokenize;  // as the parse tokenizes a document
      for (const auto& b : blocks) tokens.push_back(tokenize(b.text));
    });
    // Roles are recomputed in place: a second run over its own output assigns the same roles.
    const double t_roles = median_us(runs, [&] { articles = structure::assign_roles(blocks, tokens); });
    const double t_entities = median_us(runs, [&] { entities = entities::find_entities(blocks, tokens); });
    const double t_articles =
        median_us(runs, [&] {
          auto collected = structure::collect_articles(blocks, tokens, articles, structure::article_dates(blocks, tokens, articles));
          structure::write_bodies(collected, blocks);
        });
    const double t_quotes = median_us(runs, [&] { entities::find_quotes(blocks, tokens, entities, entities::describe_clusters(entities, blocks, tokens)); });
    const double t_total = median_us(runs, [&] { to_json(parse_text(input)); });
    const char* name = std::strrchr(path, '/') ? std::strrchr(path, '/') + 1 : path;
    std::printf("%-24.24s %8zu %7.0fus %7.0fus %7.0fus %7.0fus %7.0fus %7.0fus %7.0fus\n", name, input.size(),
                t_blocks, t_tokens, t_roles, t_articles, t_entities, t_quotes, t_total);
    std::size_t count = 0;
    for (const auto& t : tokens) count += t.size();
    std::printf("  %zu tokens: entity stage %.0f tokens/s, whole parse %.0f tokens/s\n", count, count / t_entities * 1e6,
                count / t_total * 1e6);
  }
  std::printf("median of %d runs each; structure = blocks + roles + articles; "
              "total = parse_text + to_json\n", runs);
  return 0;
}
