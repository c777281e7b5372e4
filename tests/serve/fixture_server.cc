// serve_fixture_server: `dateline serve` without the rest of the pipeline, for the browser test and the
// load test. Serves --db, or a fresh fixture database (tests/serve/fixture.h) when --db is absent.
// Prints "listening on http://127.0.0.1:PORT/" on stdout once it accepts connections; stops on
// SIGTERM/SIGINT.
#include <pthread.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>

#include "serve/server.h"
#include "tests/serve/fixture.h"

int main(int argc, char** argv) {
  std::string db, web;
  dateline::serve::ServerOptions options;
  options.port = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--db")
      db = argv[i + 1];
    else if (flag == "--port")
      options.port = std::atoi(argv[i + 1]);
    else if (flag == "--threads")
      options.threads = std::atoi(argv[i + 1]);
    else if (flag == "--web")
      options.web_dir = argv[i + 1];
    else {
      std::cerr << "usage: serve_fixture_server [--db FILE] [--port N] [--threads N] [--web DIR]\n";
      return 2;
    }
  }
  std::string temp;
  if (db.empty()) {
    temp = (std::filesystem::temp_directory_path() / ("dateline_fixture_" + std::to_string(getpid()) + ".db"))
               .string();
    auto s = dateline::serve::testing::WriteFixtureDatabase(temp);
    if (!s.ok()) {
      std::cerr << s.ToString() << "\n";
      return 1;
    }
    db = temp;
  }
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  auto server = dateline::serve::Server::Create(db, options);
  if (!server.ok() || !(*server)->Bind().ok()) {
    std::cerr << "cannot start: " << (server.ok() ? "bind failed" : server.status().ToString()) << "\n";
    return 1;
  }
  auto* raw = server->get();
  std::thread([signals, raw] {
    int sig = 0;
    sigwait(&signals, &sig);
    raw->Stop();
  }).detach();
  std::thread waiter([raw] {
    if (raw->WaitUntilRunning(std::chrono::seconds(10))) {
      std::cout << "listening on http://127.0.0.1:" << raw->port() << "/" << std::endl;
    }
  });
  auto s = raw->Serve();
  waiter.join();
  if (!temp.empty()) std::filesystem::remove(temp);
  return s.ok() ? 0 : 1;
}
