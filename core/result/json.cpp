// Stage 5: the result as JSON (schema: docs/schema.md). Keys keep a fixed order so native and
// wasm output can be compared byte for byte.
#include <nlohmann/json.hpp>

#include "maqal/maqal.h"

namespace maqal {
namespace {

using Json = nlohmann::ordered_json;

template <typename T>
Json optional(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

void put_span(Json& j, const Span& s) {
  j["start"] = s.start16;
  j["end"] = s.end16;
  j["start8"] = s.start8;
  j["end8"] = s.end8;
}

}  // namespace

std::string to_json(const Result& r, bool pretty) {
  Json doc;
  if (r.error) {
    doc["error"] = {{"code", r.error->code}, {"message", r.error->message}, {"offset", r.error->offset}};
  } else {
    doc["version"] = kVersion;
    doc["lang"] = r.lang;
    doc["dir"] = r.dir;
    if (!r.text.empty()) doc["text"] = r.text;  // HTML input: the extracted text the offsets index
    doc["blocks"] = Json::array();
    for (const auto& b : r.blocks) {
      Json j;
      j["role"] = b.role;
      if (!b.kind.empty()) j["kind"] = b.kind;
      j["text"] = b.text;
      put_span(j, b.span);
      j["article"] = optional(b.article);
      j["dir"] = b.dir;
      if (b.bullet) j["bullet"] = true;
      doc["blocks"].push_back(std::move(j));
    }
    doc["articles"] = Json::array();
    for (const auto& a : r.articles) {
      Json j;
      j["id"] = a.id;
      j["kind"] = a.kind;
      j["title"] = optional(a.title);
      j["byline"] = optional(a.byline);
      j["published"] = optional(a.published);
      j["published_iso"] = optional(a.published_iso);
      j["source"] = optional(a.source);
      j["tags"] = a.tags;
      j["related"] = Json::array();
      for (const auto& item : a.related) j["related"].push_back({{"text", item.text}, {"article", optional(item.article)}});
      j["body"] = a.body;
      doc["articles"].push_back(std::move(j));
    }
    doc["entities"] = Json::array();
    for (const auto& e : r.entities) {
      Json j;
      j["type"] = e.type;
      j["text"] = e.text;
      put_span(j, e.span);
      j["cluster"] = e.cluster;
      j["norm"] = e.norm;
      doc["entities"].push_back(std::move(j));
    }
    doc["clusters"] = Json::array();
    for (const auto& c : r.clusters)
      doc["clusters"].push_back({{"id", c.id}, {"type", c.type}, {"name", c.name}, {"norm", c.norm},
                                 {"mentions", c.mentions}, {"roles", c.roles}});
    doc["quotes"] = Json::array();
    for (const auto& q : r.quotes) {
      Json j;
      j["text"] = q.text;
      put_span(j, q.span);
      j["speaker"] = optional(q.speaker);
      j["speaker_clusters"] = q.speaker_clusters;
      doc["quotes"].push_back(std::move(j));
    }
  }
  // Input is validated UTF-8, so dumping never meets an invalid byte; replace keeps it total anyway.
  return doc.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace maqal
