// `dateline timex`: time expressions in articles (JSON Lines) or TempEval-3 TimeML files (--format timeml).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "core/json.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"
#include "timex/timeml.h"
#include "timex/timex.h"

namespace dateline::cli {
namespace {

struct TimexCmdOptions {
  std::vector<std::string> inputs;
  std::string dct;
  std::string format = "jsonl";
  std::string out_dir;
  bool pipeline = false;
};

void PrintJson(const Document& doc, const std::vector<TimeExpression>& xs) {
  std::string line;
  for (const auto& x : xs) {
    line.clear();
    line += "{\"doc\":";
    AppendJsonString(&line, doc.id);
    line += ",\"start\":" + std::to_string(x.start) + ",\"end\":" + std::to_string(x.end) + ",\"text\":";
    AppendJsonString(&line, std::string_view(doc.text).substr(x.start, x.end - x.start));
    line += ",\"type\":\"";
    line += TimexTypeName(x.type);
    line += "\",\"value\":";
    AppendJsonString(&line, x.value);
    if (!x.mod.empty()) {
      line += ",\"mod\":";
      AppendJsonString(&line, x.mod);
    }
    line += ",\"anchor\":";
    AppendJsonString(&line, x.anchor);
    if (x.date.known()) line += ",\"date\":\"" + x.date.ToString() + "\"";
    line += "}\n";
    std::cout << line;
  }
}

int RunTimeml(const TimexCmdOptions& o, const std::optional<Date>& dct) {
  if (o.out_dir.empty()) return ReportStatus("timex", Status::InvalidArgument("--format timeml needs -o OUTDIR"));
  std::error_code ec;
  std::filesystem::create_directories(o.out_dir, ec);
  std::vector<std::string> files;
  for (const auto& in : o.inputs) {
    if (std::filesystem::is_directory(in)) {
      for (const auto& e : std::filesystem::directory_iterator(in)) {
        const std::string n = e.path().filename().string();
        if (n.ends_with(".tml") || n.ends_with(".TE3input")) files.push_back(e.path().string());
      }
    } else {
      files.push_back(in);
    }
  }
  std::sort(files.begin(), files.end());
  int failures = 0;
  for (const auto& f : files) {
    auto doc = ReadTimeml(f);
    if (!doc.ok()) {
      std::cerr << "dateline timex: " << doc.status().ToString() << " (skipped)\n";
      ++failures;
      continue;
    }
    Date d = dct ? *dct : doc->dct;
    auto xs = TagTimexes(doc->text, d);
    const std::string path = o.out_dir + "/" + doc->name + ".tml";
    std::ofstream out(path, std::ios::binary);
    if (!out) return ReportStatus("timex", Status::IOError("cannot write " + path));
    out << WriteTimeml(*doc, xs);
  }
  std::cerr << "dateline timex: " << files.size() - failures << " TimeML files written to " << o.out_dir << "\n";
  return failures ? 1 : 0;
}

int RunTimex(const TimexCmdOptions& o) {
  std::optional<Date> dct;
  if (!o.dct.empty()) {
    auto d = ParseIsoDate(o.dct);
    if (!d.ok()) return ReportStatus("timex", Status::InvalidArgument("--dct: " + d.status().ToString()));
    dct = *d;
  }
  if (o.format == "timeml") return RunTimeml(o, dct);
  if (o.format != "jsonl") return ReportStatus("timex", Status::InvalidArgument("--format must be jsonl or timeml"));
  std::vector<std::string> inputs = o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs;
  // With --pipeline the earlier stages (segment, tag, parse) run first, so sentence indexes and
  // part-of-speech tense cues are used; without it the tagger reads the raw text.
  std::unique_ptr<Pipeline> pipeline;
  if (o.pipeline) {
    PipelineOptions po;
    po.until = "timex";
    auto p = Pipeline::Load(po);
    if (!p.ok()) return ReportStatus("timex", p.status());
    pipeline = std::move(*p);
  }
  ReadOptions ro;
  ro.dct = dct;
  ReadStats stats;
  size_t found = 0, failed = 0;
  Status s = ReadInputs(
      inputs, ro,
      [&](Document&& doc) {
        if (pipeline) {
          Status ps = pipeline->Process(&doc);
          if (!ps.ok()) {
            ++failed;
            std::cerr << "dateline timex: " << doc.origin << ": " << ps.ToString() << "\n";
          }
        } else {
          doc.timexes = TagTimexes(doc.text, doc.published);
        }
        found += doc.timexes.size();
        PrintJson(doc, doc.timexes);
      },
      nullptr, &stats);
  std::cout.flush();
  if (!s.ok()) return ReportStatus("timex", s);
  std::cerr << "dateline timex: " << stats.documents_accepted << " document(s), " << found << " expression(s), "
            << stats.documents_rejected << " rejected, " << failed << " failed\n";
  return stats.documents_accepted == 0 ? 1 : 0;
}

const bool kRegistered = RegisterCommand(
    "timex", "Find and normalise time expressions (JSON Lines, or TimeML with --format timeml)",
    [](CLI::App* app) {
      auto o = std::make_shared<TimexCmdOptions>();
      app->add_option("inputs", o->inputs, "Articles in any format ingest reads ('-' is stdin), or TimeML files/folders");
      app->add_option("--dct", o->dct, "Publication date YYYY-MM-DD for inputs that carry none (overrides TimeML DCT)");
      app->add_option("--format", o->format, "jsonl (default) or timeml");
      app->add_option("-o,--out", o->out_dir, "Output folder for --format timeml");
      app->add_flag("--pipeline", o->pipeline, "Run segment/tag/parse first (tense from part-of-speech tags)");
      return [o] { return RunTimex(*o); };
    });

}  // namespace
}  // namespace dateline::cli
