// `dateline eval petrarch --records FILE`: runs every sentence of a PETRARCH validation file
// (PETR.UnitTest.records.xml, PETR2_GSR_validation.xml) through the pipeline, with the record's date as
// publication date, and compares the event mentions with the expected <EventCoding> rows.
//
// Those files use invented countries (Arnor, Gondor, the Shire …) defined in their own dictionaries,
// which Dateline's actor knowledge base rightly does not know. An expected coding is *scorable* when its
// source and target codes start with a real ISO 3166 alpha-3 country (CAMEO spellings such as MOR are
// mapped); a record is scorable when all its codings are (or it expects no event). Reported: expected
// scorable codings reproduced at CAMEO root level and at the full code (same source and target
// country), and precision at root level of the mentions produced on scorable records.
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/date.h"
#include "pipeline/pipeline.h"

namespace dateline::cli {
namespace {

struct PetrArgs {
  std::string records;
  bool verbose = false;
  bool happened_only = false;
};

struct Coding {
  std::string source, target, code;
};

struct Record {
  std::string id, date, text;
  std::vector<Coding> codings;
  bool noevents = false;
};

std::string Attr(const std::string& tag, const std::string& name) {
  const std::string key = name + "=\"";
  size_t p = tag.find(key);
  if (p == std::string::npos) return "";
  p += key.size();
  size_t e = tag.find('"', p);
  return e == std::string::npos ? "" : tag.substr(p, e - p);
}

std::string Unescape(std::string s) {
  const std::pair<const char*, const char*> ents[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"},
                                                       {"&quot;", "\""}, {"&apos;", "'"}};
  for (auto [from, to] : ents) {
    for (size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, std::strlen(from), to);
  }
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Both layouts: <Sentence …> … </Sentence> with codings inside, and <Sentence …/> followed by its
// <EventCoding/> and <Text> siblings. Comments are skipped.
std::vector<Record> ParseRecords(std::string xml) {
  for (size_t p; (p = xml.find("<!--")) != std::string::npos;) {
    size_t e = xml.find("-->", p);
    xml.erase(p, e == std::string::npos ? std::string::npos : e + 3 - p);
  }
  std::vector<Record> out;
  size_t p = 0;
  while ((p = xml.find("<Sentence ", p)) != std::string::npos) {
    size_t tag_end = xml.find('>', p);
    if (tag_end == std::string::npos) break;
    const std::string tag = xml.substr(p, tag_end - p + 1);
    size_t next = xml.find("<Sentence ", tag_end);
    size_t stop = std::min(next, xml.find("</Sentences>", tag_end));
    const std::string body = xml.substr(tag_end + 1, stop == std::string::npos ? std::string::npos : stop - tag_end - 1);
    Record r;
    r.id = Attr(tag, "id");
    r.date = Attr(tag, "date");
    for (size_t q = 0; (q = body.find("<EventCoding", q)) != std::string::npos; ++q) {
      const std::string ct = body.substr(q, body.find('>', q) - q + 1);
      if (Attr(ct, "noevents") == "True" || Attr(ct, "noevents") == "true") {
        r.noevents = true;
        continue;
      }
      r.codings.push_back({Attr(ct, "sourcecode"), Attr(ct, "targetcode"), Attr(ct, "eventcode")});
    }
    size_t tb = body.find("<Text>"), te = body.find("</Text>");
    if (tb != std::string::npos && te != std::string::npos) r.text = Unescape(body.substr(tb + 6, te - tb - 6));
    if (!r.text.empty()) out.push_back(std::move(r));
    p = tag_end;
  }
  return out;
}

std::set<std::string> RealCountries() {
  std::set<std::string> out;
  std::ifstream in("/usr/share/iso-codes/json/iso_3166-1.json");
  if (!in) return out;
  try {
    nlohmann::json j = nlohmann::json::parse(in);
    for (const auto& c : j["3166-1"]) out.insert(c["alpha_3"].get<std::string>());
  } catch (const std::exception&) {
  }
  return out;
}

// CAMEO country spellings that differ from ISO 3166.
std::string IsoOf(const std::string& cameo3) {
  static const std::map<std::string, std::string> m = {{"MOR", "MAR"}, {"ROM", "ROU"}, {"TMP", "TLS"},
                                                        {"ZAR", "COD"}, {"BUR", "MMR"}};
  auto it = m.find(cameo3);
  return it == m.end() ? cameo3 : it->second;
}

int RunEvalPetrarch(const PetrArgs& args) {
  std::ifstream in(args.records);
  if (!in) return ReportStatus("eval petrarch", Status::NotFound(args.records + ": cannot open"));
  std::stringstream ss;
  ss << in.rdbuf();
  auto records = ParseRecords(ss.str());
  if (records.empty()) return ReportStatus("eval petrarch", Status::InvalidArgument(args.records + ": no <Sentence> records"));
  const auto real = RealCountries();
  if (real.empty()) {
    return ReportStatus("eval petrarch", Status::NotFound("/usr/share/iso-codes/json/iso_3166-1.json (install iso-codes)"));
  }
  auto pipeline = Pipeline::Load(PipelineOptions{});
  if (!pipeline.ok()) return ReportStatus("eval petrarch", pipeline.status());
  auto country = [&](const std::string& code) -> std::string {
    if (code.size() < 3) return "";
    std::string c = IsoOf(code.substr(0, 3));
    return real.count(c) ? c : "";
  };
  size_t expected = 0, scorable = 0, root_hits = 0, full_hits = 0, sys_total = 0, sys_root_ok = 0;
  size_t scorable_records = 0, noevent_records = 0, noevent_clean = 0;
  for (const Record& r : records) {
    expected += r.codings.size();
    bool all_real = true;
    for (const Coding& c : r.codings) {
      all_real = all_real && !country(c.source).empty() && (c.target.empty() || !country(c.target).empty());
    }
    if (!all_real) continue;
    ++scorable_records;
    Document doc;
    doc.id = r.id;
    doc.text = r.text;
    if (r.date.size() == 8) {
      auto d = ParseIsoDate(r.date.substr(0, 4) + "-" + r.date.substr(4, 2) + "-" + r.date.substr(6, 2));
      if (d.ok()) doc.published = *d;
    }
    Status s = (*pipeline)->Process(&doc);
    if (!s.ok()) std::cerr << "eval petrarch: " << r.id << ": " << s.ToString() << "\n";
    std::vector<const EventMention*> mentions;
    for (const auto& e : doc.events) {
      if (args.happened_only && e.status != EventStatus::kHappened) continue;
      mentions.push_back(&e);
    }
    auto same_actors = [&](const EventMention& e, const Coding& c) {
      if (e.source.actor.country != country(c.source)) return false;
      return c.target.empty() || e.target.actor.country == country(c.target);
    };
    for (const Coding& c : r.codings) {
      ++scorable;
      bool root = false, full = false;
      for (const EventMention* e : mentions) {
        if (!same_actors(*e, c)) continue;
        root = root || e->cameo.substr(0, 2) == c.code.substr(0, 2);
        full = full || e->cameo == c.code;
      }
      root_hits += root;
      full_hits += full;
      if (args.verbose && !root) {
        std::cerr << "MISS " << r.id << " " << c.source << "->" << c.target << " " << c.code << " | " << r.text << "\n";
      }
    }
    if (r.noevents) ++noevent_records;
    if (r.noevents && mentions.empty()) ++noevent_clean;
    for (const EventMention* e : mentions) {
      ++sys_total;
      bool ok = false;
      for (const Coding& c : r.codings) ok = ok || (same_actors(*e, c) && e->cameo.substr(0, 2) == c.code.substr(0, 2));
      sys_root_ok += ok;
      if (args.verbose && !ok) {
        std::cerr << "FP   " << r.id << " " << e->source.actor.country << "->" << e->target.actor.country << " "
                  << e->cameo << " '" << e->trigger << "' " << EventStatusName(e->status) << " | " << r.text << "\n";
      }
    }
  }
  auto pct = [](size_t a, size_t b) { return b ? 100.0 * a / b : 0.0; };
  std::cout << "records: " << records.size() << " (" << scorable_records
            << " scorable: every expected actor is a real country, or no event expected)\n"
            << "expected codings: " << expected << ", scorable: " << scorable << " (the rest name invented countries)\n"
            << "reproduced at CAMEO root: " << root_hits << "/" << scorable << " = " << pct(root_hits, scorable) << "%\n"
            << "reproduced at full code: " << full_hits << "/" << scorable << " = " << pct(full_hits, scorable) << "%\n"
            << "system mentions on scorable records: " << sys_total << ", matching an expected coding at root: "
            << sys_root_ok << " = precision " << pct(sys_root_ok, sys_total) << "%\n"
            << "no-event records: " << noevent_records << ", of which coded with no mention: " << noevent_clean << "\n";
  return 0;
}

const bool kRegistered = RegisterCommand(
    "eval petrarch", "Score event coding on PETRARCH validation records (CAMEO root/full, precision)",
    [](CLI::App* app) {
      auto args = std::make_shared<PetrArgs>();
      app->add_option("--records", args->records, "PETRARCH records XML (PETR.UnitTest.records.xml, PETR2_GSR_validation.xml)")
          ->required();
      app->add_flag("-v,--verbose", args->verbose, "List misses and false positives on stderr");
      app->add_flag("--happened-only", args->happened_only, "Count only mentions with status happened");
      return [args] { return RunEvalPetrarch(*args); };
    });

}  // namespace
}  // namespace dateline::cli
