#include "serve/server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "serve/assets.h"

namespace dateline::serve {
namespace {

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void SetJson(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(Dump(body), "application/json; charset=utf-8");
}

void SetError(httplib::Response& res, int status, const std::string& message) {
  SetJson(res, status, Api::ErrorBody(status, message));
}

// The host part of a Host header: "127.0.0.1:8080" → "127.0.0.1", "[::1]:80" → "::1".
std::string HostOnly(const std::string& header) {
  if (!header.empty() && header[0] == '[') {
    size_t close = header.find(']');
    return close == std::string::npos ? header : header.substr(1, close - 1);
  }
  size_t colon = header.rfind(':');
  return colon == std::string::npos ? header : header.substr(0, colon);
}

// A static file name: one path component of safe characters, not starting with a dot.
bool IsSafeAssetName(const std::string& name) {
  if (name.empty() || name.size() > 100 || name[0] == '.') return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_' || c == '.';
    if (!ok) return false;
  }
  return name.find("..") == std::string::npos;
}

// Reads web_dir/name if it is a regular file that really lies inside web_dir (no symlink escapes).
bool ReadFromWebDir(const std::string& web_dir, const std::string& name, std::string* out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path root = fs::canonical(web_dir, ec);
  if (ec) return false;
  fs::path file = fs::canonical(root / name, ec);
  if (ec || !fs::is_regular_file(file, ec) || file.parent_path() != root) return false;
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

const char* StatusText(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 403:
      return "forbidden";
    case 404:
      return "not found";
    case 405:
      return "method not allowed";
    case 413:
      return "request too large";
    case 414:
      return "request URI too long";
    case 431:
      return "request header fields too large";
    case 503:
      return "service unavailable";
    default:
      return status >= 500 ? "server error" : "request error";
  }
}

}  // namespace

bool IsLoopbackAddress(const std::string& host) {
  if (host == "localhost" || host == "::1" || host == "[::1]" || host == "ip6-localhost") return true;
  return host.rfind("127.", 0) == 0;
}

Server::Server(std::unique_ptr<ReadOnlyDatabase> db, const ServerOptions& options)
    : db_(std::move(db)),
      options_(options),
      api_(db_.get(), options.api),
      http_(std::make_unique<httplib::Server>()) {
  InstallRoutes();
}

Server::~Server() { Stop(); }

StatusOr<std::unique_ptr<Server>> Server::Create(const std::string& db_path, const ServerOptions& options) {
  if (options.port < 0 || options.port > 65535) {
    return Status::InvalidArgument("--port " + std::to_string(options.port) + " is not in 0..65535");
  }
  if (options.threads < 1 || options.threads > 256) {
    return Status::InvalidArgument("threads must be in 1..256");
  }
  if (options.api.max_page_size < 1 || options.api.default_page_size < 1 ||
      options.api.default_page_size > options.api.max_page_size) {
    return Status::InvalidArgument("page sizes must satisfy 1 <= default <= max");
  }
  if (!options.web_dir.empty() && !std::filesystem::is_directory(options.web_dir)) {
    return Status::NotFound("--web " + options.web_dir + ": no such directory");
  }
  DatabaseOptions dbo;
  dbo.max_connections = options.threads;
  dbo.query_timeout = options.query_timeout;
  ASSIGN_OR_RETURN(auto db, ReadOnlyDatabase::Open(db_path, dbo));
  RETURN_IF_ERROR(CheckSchema(*db));
  return std::unique_ptr<Server>(new Server(std::move(db), options));
}

void Server::InstallRoutes() {
  httplib::Server& s = *http_;
  const int threads = options_.threads;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  s.set_payload_max_length(options_.max_body_bytes);
  // httplib's default sets SO_REUSEPORT, which lets a second server (or another program of the same
  // user) silently share the port; SO_REUSEADDR only allows a quick restart. Answers go out as header +
  // body writes; without TCP_NODELAY (inherited by accepted sockets on Linux) Nagle's algorithm and
  // delayed ACKs add ~40 ms to every keep-alive request.
  s.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
  });
  s.set_keep_alive_max_count(1000);
  s.set_keep_alive_timeout(options_.io_timeout_seconds);
  s.set_read_timeout(options_.io_timeout_seconds, 0);
  s.set_write_timeout(options_.io_timeout_seconds, 0);
  s.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                         {"X-Frame-Options", "DENY"},
                         {"Referrer-Policy", "no-referrer"},
                         {"Cache-Control", "no-store"}});

  const bool check_host = options_.check_host && IsLoopbackAddress(options_.bind);
  const size_t max_body = options_.max_body_bytes;
  s.set_pre_routing_handler([check_host, max_body](const httplib::Request& req, httplib::Response& res) {
    if (check_host && req.has_header("Host") && !IsLoopbackAddress(HostOnly(req.get_header_value("Host")))) {
      SetError(res, 403, "Host header must name this machine's loopback address");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      res.set_header("Connection", "close");  // any body it sent is never read
      SetError(res, 405, "method " + req.method + " not allowed; this server is read-only (GET, HEAD)");
      return httplib::Server::HandlerResponse::Handled;
    }
    // GET carries no body; one announced anyway is refused (and never read) rather than left on the wire.
    if (req.has_header("Transfer-Encoding") ||
        (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0")) {
      size_t length = std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10);
      res.set_header("Connection", "close");
      if (length > max_body) {
        SetError(res, 413, "request body larger than " + std::to_string(max_body) + " bytes");
      } else {
        SetError(res, 400, "GET and HEAD requests take no body");
      }
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  auto api_handler = [this](const httplib::Request& req, httplib::Response& res) {
    ApiResponse r = api_.Handle(req.path, req.params);
    SetJson(res, r.status, r.body);
  };
  s.Get("/health", api_handler);
  s.Get(R"(/api(/.*)?)", api_handler);

  s.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    std::string name = req.path == "/" ? "index.html" : req.path.substr(1);
    if (!IsSafeAssetName(name)) {
      SetError(res, 404, "no such page");
      return;
    }
    if (!options_.web_dir.empty()) {
      std::string content;
      if (!ReadFromWebDir(options_.web_dir, name, &content)) {
        SetError(res, 404, "no such page");
        return;
      }
      res.set_content(std::move(content), ContentTypeFor(name));
    } else {
      const Asset* a = FindEmbeddedAsset(name);
      if (a == nullptr) {
        SetError(res, 404, "no such page");
        return;
      }
      res.set_content(std::string(a->data), ContentTypeFor(name));
    }
    if (name == "index.html") {
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                     "connect-src 'self'; frame-ancestors 'none'");
    }
  });

  // Errors httplib produces itself (bad request line, 404 route, 413, 414 …) get a JSON body too.
  s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      SetError(res, res.status, StatusText(res.status));
    }
  });
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = std::string("internal error: ") + e.what();
    } catch (...) {
    }
    SetError(res, 500, what);
  });
}

Status Server::Bind() {
  if (options_.port == 0) {
    port_ = http_->bind_to_any_port(options_.bind);
    if (port_ <= 0) return Status::IOError("cannot bind to " + options_.bind + " on any port");
  } else {
    if (!http_->bind_to_port(options_.bind, options_.port)) {
      return Status::IOError("cannot bind to " + options_.bind + ":" + std::to_string(options_.port) +
                             " (in use? try --port 0 for a free one)");
    }
    port_ = options_.port;
  }
  return Status::OK();
}

Status Server::Serve() {
  if (port_ == 0) return Status::InvalidArgument("Serve() before Bind()");
  if (!http_->listen_after_bind()) return Status::IOError("server stopped with an error");
  return Status::OK();
}

void Server::Stop() {
  if (http_) http_->stop();
}

bool Server::WaitUntilRunning(std::chrono::milliseconds timeout) const {
  auto until = std::chrono::steady_clock::now() + timeout;
  while (!http_->is_running()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

}  // namespace dateline::serve
