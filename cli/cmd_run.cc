// `dateline run [INPUT…] -o DIR`: the main job. Reads every input (accounting for each one), runs the
// per-document pipeline on batches of documents in parallel (results kept in input order, memory bounded
// by the batch size), stores each batch in DIR/dateline.db in one transaction, re-merges the events from
// every stored mention, and writes events.jsonl, events.tsv, timeline.md, timeline.html, run.json and
// rejected.jsonl. Formats: doc/formats/run.md.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include "cli/command.h"
#include "core/paths.h"
#include "core/json.h"
#include "ingest/reader.h"
#include "merge/merge.h"
#include "pipeline/pipeline.h"
#include "store/outputs.h"
#include "store/store.h"
#include "timeline/timeline.h"

namespace dateline::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct RunArgs {
  std::vector<std::string> inputs;
  std::string out_dir;
  std::string dct;
  std::string format = "auto";
  std::string until = "events";
  int threads = 0;
  size_t batch = 128;
  std::string actor, from, to;
  bool quiet = false;
};

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

double PeakRssMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;  // Linux: kilobytes
}

// Batches of documents handed from the reading thread to the processing thread; at most `capacity`
// batches wait, so memory stays bounded however large the corpus.
class BatchQueue {
 public:
  explicit BatchQueue(size_t capacity) : capacity_(capacity) {}
  void Push(std::vector<Document>&& batch) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return queue_.size() < capacity_; });
    queue_.push_back(std::move(batch));
    not_empty_.notify_one();
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }
  // False when closed and drained.
  bool Pop(std::vector<Document>* batch) {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return !queue_.empty() || closed_; });
    if (queue_.empty()) return false;
    *batch = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return true;
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<std::vector<Document>> queue_;
  size_t capacity_;
  bool closed_ = false;
};

// rejected.jsonl, shared by the reading and the processing threads.
class RejectionLog {
 public:
  explicit RejectionLog(const std::string& path) : out_(path, std::ios::trunc) {}
  bool ok() const { return out_.good(); }
  void Add(const std::string& source, const std::string& reason) {
    std::string line = "{\"source\":";
    AppendJsonString(&line, source);
    line += ",\"reason\":";
    AppendJsonString(&line, reason);
    line += "}\n";
    std::lock_guard<std::mutex> lock(mu_);
    out_ << line;
    ++count_;
  }
  size_t count() {
    std::lock_guard<std::mutex> lock(mu_);
    return count_;
  }
  void Flush() {
    std::lock_guard<std::mutex> lock(mu_);
    out_.flush();
  }

 private:
  std::mutex mu_;
  std::ofstream out_;
  size_t count_ = 0;
};

std::string Num(double v, const char* fmt = "%.3f") {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

int RunMain(const RunArgs& args) {
  const auto t_start = Clock::now();
  ReadOptions ro;
  ro.format = args.format;
  ro.quiet = args.quiet;
  if (!args.dct.empty()) {
    auto d = ParseIsoDate(args.dct);
    if (!d.ok()) return ReportStatus("run", Status::InvalidArgument("--dct: " + d.status().message()));
    ro.dct = *d;
  }
  TimelineOptions to;
  to.title = "Dateline timeline";
  to.actor = args.actor;
  for (auto [text, slot] : {std::pair{args.from, &to.from}, std::pair{args.to, &to.to}}) {
    if (text.empty()) continue;
    auto d = ParseIsoDate(text);
    if (!d.ok()) return ReportStatus("run", Status::InvalidArgument("--from/--to: " + d.status().message()));
    *slot = *d;
  }
  std::error_code ec;
  fs::create_directories(args.out_dir, ec);
  if (ec || !fs::is_directory(args.out_dir)) {
    return ReportStatus("run", Status::IOError("cannot create output directory " + args.out_dir + ": " + ec.message()));
  }
  const std::string dir = args.out_dir;
  PipelineOptions po;
  po.until = args.until;
  auto pipeline = Pipeline::Load(po);
  if (!pipeline.ok()) return ReportStatus("run", pipeline.status());
  StoreOptions store_options;
  store_options.pipeline_fingerprint = DataFingerprint();  // a newer pipeline re-annotates stored documents
  auto store = Store::Open(dir + "/dateline.db", store_options);
  if (!store.ok()) return ReportStatus("run", store.status());
  RejectionLog rejected(dir + "/rejected.jsonl");
  if (!rejected.ok()) return ReportStatus("run", Status::IOError("cannot write " + dir + "/rejected.jsonl"));

  const int threads = args.threads > 0 ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  const size_t batch_size = std::max<size_t>(1, args.batch);
  // Test hook: stop dead after this many stored batches, as a killed run would.
  const char* abort_env = std::getenv("DATELINE_RUN_ABORT_AFTER_BATCHES");
  const long abort_after = abort_env ? std::atol(abort_env) : -1;

  // Reading thread → queue → this thread (pipeline on a pool, then the store, in input order).
  BatchQueue queue(2);
  std::atomic<size_t> read_docs{0}, read_rejected{0}, bytes_read{0};
  ReadStats read_stats;
  Status read_status;
  double read_seconds = 0.0;
  std::thread reader([&] {
    const auto t0 = Clock::now();
    std::vector<Document> batch;
    std::vector<std::string> inputs = args.inputs;
    if (inputs.empty()) inputs.push_back("-");
    read_status = ReadInputs(
        inputs, ro,
        [&](Document&& doc) {
          read_docs++;
          bytes_read += doc.text.size();
          batch.push_back(std::move(doc));
          if (batch.size() >= batch_size) {
            queue.Push(std::move(batch));
            batch.clear();
          }
        },
        [&](Rejection&& r) {
          read_rejected++;
          rejected.Add(r.source, r.reason);
        },
        &read_stats);
    if (!batch.empty()) queue.Push(std::move(batch));
    read_seconds = Seconds(t0);
    queue.Close();
  });

  StageTimings timings;
  std::mutex timings_mu;
  size_t processed = 0, pipeline_failed = 0, duplicates = 0, mentions_this_run = 0, batches = 0;
  AddResult stored;
  double store_seconds = 0.0, pipeline_seconds = 0.0;
  std::unordered_map<std::string, std::string> seen_ids;  // id → origin, within this run
  Status store_status;
  const bool tty = isatty(STDERR_FILENO);
  auto last_progress = Clock::now();
  std::vector<Document> batch;
  while (queue.Pop(&batch)) {
    const auto t0 = Clock::now();
    std::vector<Status> results(batch.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      StageTimings local;
      for (size_t i; (i = next++) < batch.size();) results[i] = (*pipeline)->Process(&batch[i], &local);
      std::lock_guard<std::mutex> lock(timings_mu);
      timings.Merge(local);
    };
    const int n = std::min<int>(threads, static_cast<int>(batch.size()));
    std::vector<std::thread> pool;
    for (int t = 1; t < n; ++t) pool.emplace_back(work);
    work();
    for (auto& th : pool) th.join();
    pipeline_seconds += Seconds(t0);
    // In input order: failures and duplicate ids are rejected, the rest stored.
    std::vector<const Document*> good;
    for (size_t i = 0; i < batch.size(); ++i) {
      const Document& doc = batch[i];
      const std::string where = doc.origin.empty() ? doc.id : doc.origin;
      if (!results[i].ok()) {
        ++pipeline_failed;
        rejected.Add(where, "pipeline failed: " + results[i].ToString());
        continue;
      }
      auto [it, fresh] = seen_ids.emplace(doc.id, where);
      if (!fresh) {
        ++duplicates;
        rejected.Add(where, "duplicate document id '" + doc.id + "' (already read from " + it->second + ")");
        continue;
      }
      ++processed;
      mentions_this_run += doc.events.size();
      good.push_back(&doc);
    }
    const auto t1 = Clock::now();
    auto added = (*store)->AddDocuments(good);
    store_seconds += Seconds(t1);
    if (!added.ok()) {
      store_status = added.status();
      break;
    }
    stored.added += added->added;
    stored.replaced += added->replaced;
    stored.unchanged += added->unchanged;
    ++batches;
    if (abort_after >= 0 && static_cast<long>(batches) >= abort_after) {
      rejected.Flush();
      std::_Exit(3);
    }
    const size_t done = processed + pipeline_failed + duplicates;
    if (!args.quiet && (Seconds(last_progress) > (tty ? 0.5 : 10.0))) {
      last_progress = Clock::now();
      const double secs = Seconds(t_start);
      std::cerr << (tty ? "\r" : "") << "dateline run: " << done << " documents (" << Num(done / secs, "%.0f")
                << "/s), " << read_rejected.load() << " rejected at reading, " << mentions_this_run << " mentions"
                << (tty ? "   " : "\n") << std::flush;
    }
    batch.clear();
  }
  if (!store_status.ok()) {
    // Drain the reader so it can finish, then fail.
    while (queue.Pop(&batch)) {
    }
  }
  reader.join();
  if (tty && !args.quiet) std::cerr << "\n";
  if (!read_status.ok()) return ReportStatus("run", read_status);
  if (!store_status.ok()) return ReportStatus("run", store_status);

  // Re-merge every stored mention (earlier runs into the same directory included).
  auto t_merge = Clock::now();
  auto mentions = (*store)->LoadMentions();
  if (!mentions.ok()) return ReportStatus("run", mentions.status());
  const size_t mentions_total = mentions->size();
  const std::vector<Event> events = MergeMentions(std::move(mentions).value());
  const double merge_seconds = Seconds(t_merge);
  auto t_out = Clock::now();
  if (Status s = (*store)->ReplaceEvents(events); !s.ok()) return ReportStatus("run", s);
  const double events_store_seconds = Seconds(t_out);
  t_out = Clock::now();
  const Timeline timeline = BuildTimeline(events, to);
  for (Status s : {WriteEventsJsonl(dir + "/events.jsonl", events),
                   WriteEventsTsv(dir + "/events.tsv", events, GdeltTimestampNow()),
                   WriteFileAtomic(dir + "/timeline.md", RenderTimelineMarkdown(timeline, to)),
                   WriteFileAtomic(dir + "/timeline.html", RenderTimelineHtml(timeline, to))}) {
    if (!s.ok()) return ReportStatus("run", s);
  }
  const double output_seconds = Seconds(t_out);
  rejected.Flush();

  size_t conflicted = 0, by_status[4] = {0, 0, 0, 0};
  for (const Event& e : events) {
    conflicted += !e.conflicts.empty();
    by_status[static_cast<int>(e.status)]++;
  }
  auto docs_total = (*store)->Count("documents");
  const size_t documents_read = read_docs.load() + read_rejected.load();
  const size_t documents_rejected = read_rejected.load() + pipeline_failed + duplicates;
  const double wall = Seconds(t_start);
  std::string j = "{\n";
  auto field = [&](const std::string& key, const std::string& value, bool last = false) {
    j += "  \"" + key + "\": " + value + (last ? "\n" : ",\n");
  };
  field("documents_read", std::to_string(documents_read));
  field("documents_processed", std::to_string(processed));
  field("documents_rejected", std::to_string(documents_rejected));
  field("rejected_by_reader", std::to_string(read_rejected.load()));
  field("rejected_by_pipeline", std::to_string(pipeline_failed));
  field("rejected_duplicate_id", std::to_string(duplicates));
  field("reader_warnings", std::to_string(read_stats.warnings));
  field("documents_added", std::to_string(stored.added));
  field("documents_replaced", std::to_string(stored.replaced));
  field("documents_unchanged", std::to_string(stored.unchanged));
  field("documents_in_database", std::to_string(docs_total.ok() ? *docs_total : -1));
  field("bytes_read", std::to_string(bytes_read.load()));
  field("mentions", std::to_string(mentions_this_run));
  field("mentions_in_database", std::to_string(mentions_total));
  field("events", std::to_string(events.size()));
  field("events_happened", std::to_string(by_status[0]));
  field("events_planned", std::to_string(by_status[1]));
  field("events_hypothetical", std::to_string(by_status[2]));
  field("events_denied", std::to_string(by_status[3]));
  field("events_with_conflicts", std::to_string(conflicted));
  field("pipeline_stages", [&] {
    std::string s = "[";
    for (const auto& name : (*pipeline)->StageNames()) s += (s.size() > 1 ? "," : "") + JsonString(name);
    return s + "]";
  }());
  std::string st = "{";
  for (const auto& [name, secs] : timings.seconds) {
    st += (st.size() > 1 ? ", " : "") + JsonString(name) + ": " + Num(secs);
  }
  st += "}";
  field("stage_cpu_seconds", st);
  field("seconds", "{\"read\": " + Num(read_seconds) + ", \"pipeline\": " + Num(pipeline_seconds) +
                       ", \"store\": " + Num(store_seconds + events_store_seconds) + ", \"merge\": " +
                       Num(merge_seconds) + ", \"outputs\": " + Num(output_seconds) + ", \"total\": " + Num(wall) + "}");
  field("threads", std::to_string(threads));
  field("batch_size", std::to_string(batch_size));
  field("documents_per_second", Num(documents_read / std::max(wall, 1e-9), "%.1f"));
  field("megabytes_per_second", Num(bytes_read.load() / 1e6 / std::max(wall, 1e-9), "%.3f"));
  field("peak_rss_mb", Num(PeakRssMb(), "%.1f"));
  field("version", JsonString(DATELINE_VERSION), true);
  j += "}\n";
  if (Status s = WriteFileAtomic(dir + "/run.json", j); !s.ok()) return ReportStatus("run", s);
  if (!args.quiet) {
    std::cerr << "dateline run: " << documents_read << " read = " << processed << " processed + "
              << documents_rejected << " rejected; " << mentions_total << " mentions → " << events.size()
              << " events (" << conflicted << " with conflicting reports) in " << Num(wall, "%.1f") << " s; outputs in "
              << dir << "/\n";
  }
  return documents_read > 0 && processed == 0 ? 1 : 0;
}

const bool kRegistered = RegisterCommand(
    "run", "The main job: read, annotate, merge events, write events.jsonl/tsv, timeline, SQLite (-o DIR)",
    [](CLI::App* app) {
      auto args = std::make_shared<RunArgs>();
      app->add_option("inputs", args->inputs, "Files or directories to read ('-' = stdin, the default)");
      app->add_option("-o,--out", args->out_dir, "Output directory (created; re-running adds to its database)")
          ->required();
      app->add_option("--dct", args->dct, "Publication date (YYYY-MM-DD) for inputs that carry none");
      app->add_option("--format", args->format, "Input format: auto, seed, jsonl, text, reuters, csv");
      app->add_option("--threads", args->threads, "Worker threads for the pipeline (0 = one per core)");
      app->add_option("--batch", args->batch, "Documents per batch (memory bound; one transaction each)");
      app->add_option("--until", args->until, "Last pipeline stage to run (segment … events)");
      app->add_option("--actor", args->actor, "Timeline of this actor only (name part, actor id or country code)");
      app->add_option("--from", args->from, "Timeline from this date (YYYY-MM-DD)");
      app->add_option("--to", args->to, "Timeline up to this date (YYYY-MM-DD)");
      app->add_flag("-q,--quiet", args->quiet, "No progress or summary on stderr");
      return [args] { return RunMain(*args); };
    });

}  // namespace
}  // namespace dateline::cli
