// `dateline serve`: the local web view and JSON API over a run's database (src/serve/server.h).
#include <pthread.h>

#include <algorithm>
#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/command.h"
#include "serve/server.h"

namespace dateline::cli {
namespace {

struct ServeArgs {
  std::string db;
  serve::ServerOptions server;
  int timeout_ms = 2000;
};

int RunServe(const ServeArgs& args) {
  serve::ServerOptions options = args.server;
  options.query_timeout = std::chrono::milliseconds(args.timeout_ms);
  options.api.default_page_size = std::min(options.api.default_page_size, options.api.max_page_size);
  // SIGINT/SIGTERM are taken by a watcher thread (not a handler), which stops the server cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  auto server = serve::Server::Create(args.db, options);
  if (!server.ok()) return ReportStatus("serve", server.status());
  if (Status s = (*server)->Bind(); !s.ok()) return ReportStatus("serve", s);
  if (!serve::IsLoopbackAddress(options.bind)) {
    std::cerr << "dateline serve: warning: listening on " << options.bind
              << ", reachable from other machines; the data is readable by anyone who can connect\n";
  }
  std::string host = options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind;
  std::cerr << "dateline serve: " << args.db << " on http://" << host << ":" << (*server)->port()
            << "/  (Ctrl-C to stop)" << std::endl;
  serve::Server* raw = server->get();
  std::thread([signals, raw] {
    int sig = 0;
    sigwait(&signals, &sig);
    raw->Stop();
  }).detach();
  Status s = (*server)->Serve();
  if (s.ok()) std::cerr << "dateline serve: stopped\n";
  return ReportStatus("serve", s);
}

const bool kRegistered = RegisterCommand(
    "serve", "Local web view and JSON API over a run's database (read-only)", [](CLI::App* app) {
      auto args = std::make_shared<ServeArgs>();
      app->add_option("--db", args->db, "Database written by `dateline run` (DIR/dateline.db)")
          ->required()
          ->check(CLI::ExistingFile);
      app->add_option("--port", args->server.port, "TCP port; 0 picks a free one")
          ->check(CLI::Range(0, 65535));
      app->add_option("--bind", args->server.bind, "Address to listen on (loopback by default)");
      app->add_option("--threads", args->server.threads, "Request worker threads")->check(CLI::Range(1, 256));
      app->add_option("--query-timeout-ms", args->timeout_ms, "Time limit of one database query")
          ->check(CLI::Range(10, 600000));
      app->add_option("--max-page-size", args->server.api.max_page_size, "Largest accepted `limit`")
          ->check(CLI::Range(1, 10000));
      app->add_option("--web", args->server.web_dir,
                      "Serve the page from this folder instead of the built-in copy (for editing web/)");
      return [args] { return RunServe(*args); };
    });

}  // namespace
}  // namespace dateline::cli
