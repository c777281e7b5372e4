// Api: the JSON API of `dateline serve`, independent of HTTP.
//
// Maps a request path and its query parameters to a status code and a JSON body, reading a Dateline
// database (doc/formats/sqlite.md) through a ReadOnlyDatabase. Endpoints and their parameters are
// documented in doc/formats/api.md. Every error is a JSON object {"error": {"status", "message"}} with a
// proper HTTP status: 400 bad parameter, 404 unknown path or id, 503 query over its time limit.
// Thread-safe: Handle() is const and the database is shared safely.
#ifndef DATELINE_SERVE_API_H_
#define DATELINE_SERVE_API_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "serve/db.h"

namespace dateline::serve {

struct ApiOptions {
  int default_page_size = 100;  // events/actors/documents per page when `limit` is absent
  int max_page_size = 500;      // larger `limit` values are refused with 400
  int max_query_chars = 200;    // longest accepted text query (`q`)
  int max_network_edges = 400;  // heaviest edges kept by /api/network
};

struct ApiResponse {
  int status = 200;
  nlohmann::json body;
};

// Query parameters as httplib gives them (repeated keys allowed; the first one wins).
using QueryParams = std::multimap<std::string, std::string>;

// Newest database schema version (meta 'schema_version') this reader understands.
inline constexpr int kMaxSchemaVersion = 1;

// Checks that `db` is a Dateline database this reader understands: the tables it queries exist and
// meta('schema_version') is at most kMaxSchemaVersion. Fails with Corruption naming the file otherwise.
Status CheckSchema(const ReadOnlyDatabase& db);

class Api {
 public:
  // `db` must outlive the Api.
  Api(const ReadOnlyDatabase* db, ApiOptions options = {});

  // Answers GET `path` (already URL-decoded) with `params`. Never throws.
  ApiResponse Handle(const std::string& path, const QueryParams& params) const;

  // The error body for `status` with `message`.
  static nlohmann::json ErrorBody(int status, const std::string& message);

 private:
  ApiResponse Health() const;
  ApiResponse Meta() const;
  ApiResponse Events(const QueryParams& params) const;
  ApiResponse Event(const std::string& id) const;
  ApiResponse Actors(const QueryParams& params) const;
  ApiResponse Network(const QueryParams& params) const;
  ApiResponse Timeline(const QueryParams& params) const;
  ApiResponse Documents(const QueryParams& params) const;
  ApiResponse DocumentById(const std::string& id, const QueryParams& params) const;

  const ReadOnlyDatabase* db_;
  ApiOptions options_;
};

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_API_H_
