// Server: `dateline serve` — the JSON API (api.h) and the page (web/) over HTTP, with cpp-httplib.
//
// Safe to leave running: binds to loopback unless told otherwise, refuses requests whose Host header is
// not a loopback name while bound to loopback (DNS rebinding), opens the database read-only, limits
// request size, page size and query time, answers only GET/HEAD (405 otherwise), serves static files
// only from the embedded table (or, with `web_dir`, from files directly inside that folder: no path
// separators or dot-dot names), and answers every error with a JSON body and a proper status code.
// Thread-safe: requests are handled by a pool of `threads` workers; Stop() may be called from any thread.
#ifndef DATELINE_SERVE_SERVER_H_
#define DATELINE_SERVE_SERVER_H_

#include <chrono>
#include <memory>
#include <string>

#include "core/status.h"
#include "serve/api.h"
#include "serve/db.h"

namespace httplib {
class Server;
}

namespace dateline::serve {

struct ServerOptions {
  std::string bind = "127.0.0.1";                 // address to listen on; loopback by default
  int port = 8080;                                // 0 picks a free port (see Server::port())
  int threads = 16;                               // request workers (httplib keeps one per open connection)
  size_t max_body_bytes = 16 * 1024;              // larger request bodies get 413
  std::chrono::milliseconds query_timeout{2000};  // per SQL query; over it the request gets 503
  int io_timeout_seconds = 5;  // socket read/write and keep-alive idle limit (slow clients)
  std::string web_dir;         // serve web/ files from here instead of the embedded copy ("" = embedded)
  bool check_host = true;      // when bound to loopback, require a loopback Host header
  ApiOptions api;
};

class Server {
 public:
  // Opens the database read-only and prepares the routes. Fails like ReadOnlyDatabase::Open, or with
  // InvalidArgument for bad options.
  static StatusOr<std::unique_ptr<Server>> Create(const std::string& db_path, const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;  // owns the listening socket and worker threads
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; afterwards port() is the real port. Fails with IOError.
  Status Bind();
  // Serves until Stop() (blocks). Bind() must have succeeded.
  Status Serve();
  // Makes Serve() return; safe from any thread or a signal-watching thread.
  void Stop();
  // Blocks until Serve() is accepting connections (for tests), up to `timeout`.
  bool WaitUntilRunning(std::chrono::milliseconds timeout) const;

  int port() const { return port_; }
  const ServerOptions& options() const { return options_; }

 private:
  Server(std::unique_ptr<ReadOnlyDatabase> db, const ServerOptions& options);
  void InstallRoutes();

  std::unique_ptr<ReadOnlyDatabase> db_;
  ServerOptions options_;
  Api api_;
  std::unique_ptr<httplib::Server> http_;
  int port_ = 0;
};

// True for "127.0.0.1", "::1", "localhost" and other 127/8 addresses.
bool IsLoopbackAddress(const std::string& host);

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_SERVER_H_
