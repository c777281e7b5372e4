// `dateline timex`: time expressions in articles (JSON Lines) or TempEval-3 TimeML files (--format timeml).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "core/json.h"
#include "timex/timeml.h"
#include "timex/timex.h"

namespace dateline::cli {
namespace {

struct TimexCmdOptions {
  std::vector<std::string> inputs;
  std::string dct;
  std::string format = "jsonl";
  std::string out_dir;
};

// Reads one article: the seed format (" date YYYY-MM-DD " before the text) or plain text.
Status ReadArticle(const std::string& path, Document* doc) {
  std::string raw;
  if (path == "-") {
    std::stringstream ss;
    ss << std::cin.rdbuf();
    raw = ss.str();
    doc->id = "stdin";
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IOError("cannot open " + path + " (check the path)");
    std::stringstream ss;
    ss << in.rdbuf();
    raw = ss.str();
    doc->id = std::filesystem::path(path).stem().string();
  }
  size_t i = 0;
  while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
  if (raw.compare(i, 5, "date ") == 0) {
    size_t b = i + 5, e = b;
    while (e < raw.size() && raw[e] != ' ' && raw[e] != '\n' && raw[e] != '\t') ++e;
    auto d = ParseIsoDate(std::string_view(raw).substr(b, e - b));
    if (d.ok()) {
      doc->published = *d;
      // Keep offsets into the original bytes: the header is blanked, not removed.
      for (size_t k = 0; k < e; ++k) raw[k] = ' ';
    }
  }
  doc->text = std::move(raw);
  return Status::OK();
}

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
  int failures = 0;
  for (const auto& in : inputs) {
    Document doc;
    Status s = ReadArticle(in, &doc);
    if (!s.ok()) {
      ReportStatus("timex", s);
      ++failures;
      continue;
    }
    if (dct && !doc.published.known()) doc.published = *dct;
    PrintJson(doc, TagTimexes(doc.text, doc.published));
  }
  return failures ? 3 : 0;
}

const bool kRegistered = RegisterCommand(
    "timex", "Find and normalise time expressions (JSON Lines, or TimeML with --format timeml)",
    [](CLI::App* app) {
      auto o = std::make_shared<TimexCmdOptions>();
      app->add_option("inputs", o->inputs, "Articles (seed format or plain text; '-' is stdin), or TimeML files/folders");
      app->add_option("--dct", o->dct, "Publication date YYYY-MM-DD for inputs that carry none (overrides TimeML DCT)");
      app->add_option("--format", o->format, "jsonl (default) or timeml");
      app->add_option("-o,--out", o->out_dir, "Output folder for --format timeml");
      return [o] { return RunTimex(*o); };
    });

}  // namespace
}  // namespace dateline::cli
