// `dateline timeline [SOURCE]`: the story day by day from a run's database (DIR/dateline.db, or DIR) or an
// events.jsonl file, as Markdown (default) or HTML, for one actor (--actor) and a window (--from/--to).
#include <sys/stat.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "merge/event_json.h"
#include "store/outputs.h"
#include "store/store.h"
#include "timeline/timeline.h"

namespace dateline::cli {
namespace {

struct TimelineArgs {
  std::string source = "out";
  std::string format = "md";
  std::string out;
  std::string actor, from, to, title = "Dateline timeline";
  size_t max_per_day = 25;
};

bool IsDirectory(const std::string& p) {
  struct stat st{};
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool IsSqlite(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  char magic[16] = {};
  in.read(magic, sizeof magic);
  return in.gcount() == 16 && std::string(magic, 15) == "SQLite format 3";
}

StatusOr<std::vector<Event>> LoadEvents(std::string source) {
  if (IsDirectory(source)) source += "/dateline.db";
  if (IsSqlite(source)) {
    StoreOptions so;
    so.read_only = true;
    ASSIGN_OR_RETURN(auto store, Store::Open(source, so));
    return store->LoadEvents();
  }
  return ReadEventsFile(source);
}

int RunTimeline(const TimelineArgs& args) {
  if (args.format != "md" && args.format != "html") {
    return ReportStatus("timeline", Status::InvalidArgument("--format must be md or html, not " + args.format));
  }
  TimelineOptions to;
  to.actor = args.actor;
  to.title = args.title;
  to.max_per_day = args.max_per_day;
  for (auto [text, slot] : {std::pair{args.from, &to.from}, std::pair{args.to, &to.to}}) {
    if (text.empty()) continue;
    auto d = ParseIsoDate(text);
    if (!d.ok()) return ReportStatus("timeline", Status::InvalidArgument("--from/--to: " + d.status().message()));
    *slot = *d;
  }
  auto events = LoadEvents(args.source);
  if (!events.ok()) return ReportStatus("timeline", events.status());
  const Timeline t = BuildTimeline(*events, to);
  const std::string text = args.format == "html" ? RenderTimelineHtml(t, to) : RenderTimelineMarkdown(t, to);
  if (!args.out.empty()) return ReportStatus("timeline", WriteFileAtomic(args.out, text));
  std::cout << text;
  return 0;
}

const bool kRegistered = RegisterCommand(
    "timeline", "Render the day-by-day timeline from a run (DIR, dateline.db or events.jsonl)", [](CLI::App* app) {
      auto args = std::make_shared<TimelineArgs>();
      app->add_option("source", args->source, "Run directory, dateline.db or events.jsonl");
      app->add_option("--format", args->format, "md or html");
      app->add_option("-o,--out", args->out, "Write here instead of stdout");
      app->add_option("--actor", args->actor, "Only events naming this actor (name part, actor id or country code)");
      app->add_option("--from", args->from, "From this date (YYYY-MM-DD)");
      app->add_option("--to", args->to, "Up to this date (YYYY-MM-DD)");
      app->add_option("--title", args->title, "Page title");
      app->add_option("--max-per-day", args->max_per_day, "Events shown per date");
      return [args] { return RunTimeline(*args); };
    });

}  // namespace
}  // namespace dateline::cli
