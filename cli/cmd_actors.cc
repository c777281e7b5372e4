// `dateline actors [INPUT…]`: actor mentions as JSON Lines on stdout, one line per mention:
//   {"doc","start","end","text","actor":{"id","name","country","code","role"},"how"}
// Runs the pipeline up to the actors stage. `--export-gazetteer FILE` writes the knowledge base's names as
// "phrase<TAB>PER|ORG|LOC" lines for the named-entity tagger instead; `--kb-stats` prints the knowledge
// base's size and load time on stderr.
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "actors/actor_annotator.h"
#include "actors/knowledge_base.h"
#include "actors/mention_json.h"
#include "cli/command.h"
#include "core/date.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace dateline::cli {
namespace {

struct ActorsArgs {
  std::vector<std::string> inputs;
  std::string dct;
  std::string format = "auto";
  std::string gazetteer;
  bool kb_stats = false;
};

int ExportGazetteer(const std::string& path) {
  auto kb = KnowledgeBase::Load();
  if (!kb.ok()) return ReportStatus("actors", kb.status());
  std::ofstream out(path);
  if (!out) return ReportStatus("actors", Status::IOError(path + ": cannot write the gazetteer"));
  std::set<std::pair<std::string, std::string>> lines;
  for (const auto& [key, entries] : (*kb)->phrases()) {
    for (const auto& e : entries) {
      const char* type = nullptr;
      switch (e.kind) {
        case KbEntry::kCountry:
        case KbEntry::kCapital: type = "LOC"; break;
        case KbEntry::kSeat:
        case KbEntry::kOrg: type = "ORG"; break;
        case KbEntry::kPerson:
        case KbEntry::kSurname: type = "PER"; break;
        default: break;
      }
      if (type) lines.emplace((e.needs_the ? "the " : "") + e.surface, type);
    }
  }
  out << "# Dateline gazetteer from the actors knowledge base: phrase<TAB>PER|ORG|LOC. Generated — do not edit.\n";
  for (const auto& [phrase, type] : lines) out << phrase << '\t' << type << '\n';
  std::cerr << "dateline actors: wrote " << lines.size() << " gazetteer entries to " << path << "\n";
  return 0;
}

int RunActors(const ActorsArgs& args) {
  if (!args.gazetteer.empty()) return ExportGazetteer(args.gazetteer);
  if (args.kb_stats) {
    const auto t0 = std::chrono::steady_clock::now();
    auto kb = KnowledgeBase::Load();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (!kb.ok()) return ReportStatus("actors", kb.status());
    const KbStats s = (*kb)->stats();
    std::cerr << "knowledge base: " << s.countries << " countries and territories, " << s.regions << " regions, "
              << s.orgs << " organisations, " << s.people << " people (" << s.tenures << " tenures), " << s.roles
              << " role words, " << s.phrases << " phrases; loaded in " << ms << " ms\n";
    return 0;
  }
  ReadOptions ro;
  ro.format = args.format;
  if (!args.dct.empty()) {
    auto d = ParseIsoDate(args.dct);
    if (!d.ok()) return ReportStatus("actors", Status::InvalidArgument("--dct: " + d.status().message()));
    ro.dct = *d;
  }
  PipelineOptions po;
  po.until = "actors";
  auto pipeline = Pipeline::Load(po);
  if (!pipeline.ok()) return ReportStatus("actors", pipeline.status());
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");
  ReadStats stats;
  size_t mentions = 0, failed = 0;
  std::string buf;
  Status s = ReadInputs(
      inputs, ro,
      [&](Document&& doc) {
        Status ps = (*pipeline)->Process(&doc);
        if (!ps.ok()) {
          ++failed;
          std::cerr << "dateline actors: " << doc.origin << ": " << ps.ToString() << "\n";
        }
        buf.clear();
        for (const ActorMention& m : doc.actors) AppendActorMentionJson(doc, m, &buf);
        mentions += doc.actors.size();
        std::cout << buf;
      },
      nullptr, &stats);
  std::cout.flush();
  if (!s.ok()) return ReportStatus("actors", s);
  std::cerr << "dateline actors: " << stats.documents_accepted << " document(s), " << mentions
            << " actor mention(s), " << stats.documents_rejected << " rejected, " << failed << " failed\n";
  if (stats.documents_accepted == 0) {
    std::cerr << "dateline actors: nothing could be read (see the messages above)\n";
    return 1;
  }
  return 0;
}

const bool kRegistered = RegisterCommand(
    "actors", "Find and resolve actor mentions (JSON Lines on stdout)", [](CLI::App* app) {
      auto args = std::make_shared<ActorsArgs>();
      app->add_option("inputs", args->inputs, "Input files or directories ('-' or none: stdin)");
      app->add_option("--dct", args->dct, "Publication date (YYYY-MM-DD) for inputs that carry none");
      app->add_option("--format", args->format, "Input format: auto, seed, jsonl, text");
      app->add_option("--export-gazetteer", args->gazetteer,
                      "Write the knowledge base's names as phrase<TAB>PER|ORG|LOC lines to FILE and exit");
      app->add_flag("--kb-stats", args->kb_stats, "Print the knowledge base's size and load time, then exit");
      return [args] { return RunActors(*args); };
    });

}  // namespace
}  // namespace dateline::cli
