// Integration tests of `dateline serve`: a real server on an ephemeral loopback port, over a fixture
// database (tests/serve/fixture.h), queried with httplib::Client and raw sockets.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "serve/assets.h"
#include "serve/server.h"
#include "tests/serve/fixture.h"

namespace dateline::serve {
namespace {

using nlohmann::json;
namespace fx = testing;

std::string TempPath(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("dateline_serve_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

// Removes this process's temporary folder when the tests end.
class TempCleanup : public ::testing::Environment {
 public:
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(std::filesystem::path(TempPath("x")).parent_path(), ec);
  }
};
const auto* const kTempCleanup = ::testing::AddGlobalTestEnvironment(new TempCleanup);

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_path_ = new std::string(TempPath("fixture.db"));
    Status s = fx::WriteFixtureDatabase(*db_path_);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ServerOptions options;
    options.port = 0;
    options.threads = 4;
    options.io_timeout_seconds = 1;  // requests cut short by the tests end quickly
    options.api.max_page_size = 50;
    options.api.default_page_size = 20;
    auto server = Server::Create(*db_path_, options);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(server).value().release();
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = new std::thread([] { (void)server_->Serve(); });
    ASSERT_TRUE(server_->WaitUntilRunning(std::chrono::seconds(5)));
  }
  static void TearDownTestSuite() {
    if (server_ != nullptr) server_->Stop();
    if (thread_ != nullptr) thread_->join();
    delete thread_;
    delete server_;
    std::filesystem::remove_all(std::filesystem::path(*db_path_).parent_path());
    delete db_path_;
  }

  static httplib::Client Client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(10, 0);
    return c;
  }
  // GET path; expects `status` and a JSON body.
  static json GetJson(const std::string& path, int status = 200) {
    auto c = Client();
    auto res = c.Get(path.c_str());
    EXPECT_TRUE(res) << "no answer for " << path;
    if (!res) return json();
    EXPECT_EQ(res->status, status) << path << " → " << res->body;
    EXPECT_NE(res->get_header_value("Content-Type").find("application/json"), std::string::npos) << path;
    json j = json::parse(res->body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << path << " body is not JSON: " << res->body.substr(0, 200);
    return j;
  }
  // Sends raw bytes on a fresh connection and returns everything the server answers.
  static std::string Raw(const std::string& bytes) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
      ::close(fd);
      return "";
    }
    timeval tv{4, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    size_t sent = 0;
    while (sent < bytes.size()) {
      ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<size_t>(n);
    }
    std::string out;
    char buf[4096];
    for (;;) {
      ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
      // Stop at the end of the first complete answer rather than waiting for the server to hang up.
      size_t head_end = out.find("\r\n\r\n");
      if (head_end == std::string::npos) continue;
      size_t cl = out.find("Content-Length: ");
      if (cl == std::string::npos || cl > head_end) continue;
      size_t length = std::strtoull(out.c_str() + cl + 16, nullptr, 10);
      if (out.size() >= head_end + 4 + length) break;
    }
    ::close(fd);
    return out;
  }

  static std::string* db_path_;
  static Server* server_;
  static std::thread* thread_;
};

std::string* ServeTest::db_path_ = nullptr;
Server* ServeTest::server_ = nullptr;
std::thread* ServeTest::thread_ = nullptr;

std::vector<std::string> Ids(const json& events) {
  std::vector<std::string> ids;
  for (const auto& e : events) ids.push_back(e["id"].get<std::string>());
  return ids;
}

TEST_F(ServeTest, HealthReportsCounts) {
  json j = GetJson("/health");
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["events"], fx::kFixtureEvents);
  EXPECT_EQ(j["documents"], fx::kFixtureDocuments);
  EXPECT_EQ(j["events_stale"], false);
}

TEST_F(ServeTest, MetaListsTypesAndDateRange) {
  json j = GetJson("/api/meta");
  EXPECT_EQ(j["counts"]["first_date"], "2023-03-09");
  EXPECT_EQ(j["counts"]["last_date"], "2023-04");
  EXPECT_EQ(j["counts"]["events_with_conflicts"], 2);
  EXPECT_FALSE(j["types"].empty());
}

TEST_F(ServeTest, EventsAreSortedByDateWithSummaries) {
  json j = GetJson("/api/events");
  ASSERT_EQ(j["total"], fx::kFixtureEvents);
  ASSERT_EQ(j["events"].size(), 5u);
  const json& first = j["events"][0];
  EXPECT_EQ(first["date"], "2023-03-09");
  EXPECT_TRUE(first["source"].contains("country"));
  EXPECT_FALSE(first["sentence"].get<std::string>().empty());
  EXPECT_EQ(j["events"][4]["id"], fx::kSummitEvent);  // "2023-04" sorts last
}

struct FilterCase {
  std::string query;
  std::vector<std::string> expected;  // event ids, in date order
};

TEST_F(ServeTest, EventFilters) {
  const FilterCase cases[] = {
      {"status=planned", {fx::kSummitEvent}},
      {"status=denied,planned", {fx::kDenialEvent, fx::kSummitEvent}},
      {"type=PROTEST", {fx::kClashEvent}},
      {"quad=4", {fx::kClashEvent}},
      {"quad=3&sort=date", {fx::kClaimEvent, fx::kDenialEvent}},
      {"min_sources=2", {fx::kMeetingEvent, fx::kClashEvent}},
      {"conflicts=1", {fx::kMeetingEvent, fx::kClashEvent}},
      {"actor=JPN", {fx::kMeetingEvent}},
      {"actor=country%3AJPN", {fx::kMeetingEvent}},
      {"actor=japan", {fx::kMeetingEvent}},  // name, case-insensitive
      {"actor=100%25", {}},                  // LIKE wildcards are literal
      {"from=2023-03-11", {fx::kClaimEvent, fx::kDenialEvent, fx::kSummitEvent}},
      {"from=2023-04-15", {fx::kSummitEvent}},  // a month-precise event overlaps a day bound
      {"to=2023-03-09", {fx::kMeetingEvent, fx::kClashEvent}},
      {"from=2023-03&to=2023-03", {fx::kMeetingEvent, fx::kClashEvent, fx::kClaimEvent, fx::kDenialEvent}},
      {"q=lumber", {fx::kMeetingEvent}},  // full text over the evidence sentences
      {"q=buses", {fx::kClaimEvent, fx::kDenialEvent}},
      {"q=bus*", {fx::kClaimEvent, fx::kDenialEvent}},       // prefix
      {"q=%22)%20OR%20(", {}},                               // FTS syntax in the query is taken literally
      {"q=Per%C3%BA", {fx::kClaimEvent, fx::kDenialEvent}},  // diacritics folded: Perú = Peru
      {"q=riot&quad=4", {fx::kClashEvent}},
  };
  for (const auto& c : cases) {
    json j = GetJson("/api/events?" + c.query);
    auto ids = Ids(j["events"]);
    std::vector<std::string> got = ids, want = c.expected;
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    EXPECT_EQ(got, want) << c.query;
    EXPECT_EQ(j["total"], c.expected.size()) << c.query;
  }
}

TEST_F(ServeTest, EventPaging) {
  json p1 = GetJson("/api/events?limit=2");
  json p2 = GetJson("/api/events?limit=2&offset=2");
  json p3 = GetJson("/api/events?limit=2&offset=4");
  EXPECT_EQ(p1["events"].size(), 2u);
  EXPECT_EQ(p2["events"].size(), 2u);
  EXPECT_EQ(p3["events"].size(), 1u);
  EXPECT_EQ(p3["total"], 5);
  std::set<std::string> all;
  for (const json* p : {&p1, &p2, &p3}) {
    for (const auto& id : Ids((*p)["events"])) all.insert(id);
  }
  EXPECT_EQ(all.size(), 5u);
}

TEST_F(ServeTest, BadParametersAre400WithJsonError) {
  const char* bad[] = {
      "/api/events?limit=0",       "/api/events?limit=51",  // over max_page_size
      "/api/events?limit=ten",     "/api/events?limit=5x",       "/api/events?offset=-1",
      "/api/events?from=2023-3-1", "/api/events?to=yesterday",   "/api/events?status=rumoured",
      "/api/events?quad=9",        "/api/events?min_sources=-2", "/api/events?sort=random",
      "/api/events?q=%20%2B%20",   "/api/timeline?per_day=0",    "/api/actors?limit=100000",
  };
  for (const char* path : bad) {
    json j = GetJson(path, 400);
    ASSERT_TRUE(j.contains("error")) << path;
    EXPECT_EQ(j["error"]["status"], 400) << path;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty()) << path;
  }
  std::string long_q(500, 'a');
  EXPECT_EQ(GetJson("/api/events?q=" + long_q, 400)["error"]["status"], 400);
}

TEST_F(ServeTest, OneEventWithMentionsConflictsAndHighlights) {
  json e = GetJson(std::string("/api/events/") + fx::kMeetingEvent);
  EXPECT_EQ(e["id"], fx::kMeetingEvent);
  ASSERT_EQ(e["mentions"].size(), 2u);
  EXPECT_EQ(e["record"]["type"], "CONSULT");  // the events.jsonl line, parsed
  // Each mention's sentence is cut into parts; the trigger and the actors are marked.
  for (const auto& m : e["mentions"]) {
    std::string joined, trigger;
    for (const auto& part : m["parts"]) {
      joined += part["text"].get<std::string>();
      if (part.contains("marks") && part["marks"].dump().find("trigger") != std::string::npos) {
        trigger += part["text"].get<std::string>();
      }
    }
    EXPECT_EQ(joined, m["sentence_text"]);
    EXPECT_EQ(trigger, "met");
    EXPECT_FALSE(m["doc_title"].get<std::string>().empty());
  }
  ASSERT_EQ(e["sentences"].size(), 2u);  // two reports, one sentence each
  EXPECT_EQ(e["sentences"][0]["mentions"], json({0}));
  ASSERT_EQ(e["conflicts"].size(), 1u);
  const json& c = e["conflicts"][0];
  EXPECT_EQ(c["field"], "date");
  EXPECT_EQ(c["chosen"], "2023-03-09");
  ASSERT_EQ(c["values"].size(), 2u);
  EXPECT_EQ(c["values"][0]["value"], "2023-03-09");
  EXPECT_EQ(c["values"][1]["docs"], json({"coastal-0311"}));
}

// Regression: an event whose mention row is not linked to it (the store keys the link by doc, sentence,
// trigger and type, which two mentions of one sentence can share) showed no evidence at all.
TEST_F(ServeTest, EvidenceComesFromTheEventRecord) {
  json e = GetJson(std::string("/api/events/") + fx::kSummitEvent);
  ASSERT_EQ(e["mentions"].size(), 1u);
  const json& m = e["mentions"][0];
  EXPECT_EQ(m["doc"], "harbor-0310");
  EXPECT_EQ(m["doc_title"], "Ministers meet in Ottawa");
  EXPECT_EQ(m["sentence_text"], "Canada will host a regional trade summit in April, the ministry said.");
  EXPECT_EQ(m["source_actor"], "country:CAN");
  std::string trigger, source;
  for (const auto& part : e["sentences"][0]["parts"]) {
    std::string marks = part.contains("marks") ? part["marks"].dump() : "";
    if (marks.find("trigger") != std::string::npos) trigger += part["text"].get<std::string>();
    if (marks.find("source") != std::string::npos) source += part["text"].get<std::string>();
  }
  EXPECT_EQ(trigger, "host");
  EXPECT_EQ(source, "Canada");
  // The document view highlights it too.
  json d = GetJson(std::string("/api/documents/harbor-0310?event=") + fx::kSummitEvent);
  std::string focus;
  for (const auto& part : d["parts"]) {
    if (part.contains("marks") && part["marks"].dump().find("focus") != std::string::npos) {
      focus += part["text"].get<std::string>();
    }
  }
  EXPECT_EQ(focus, "Canada will host a regional trade summit in April, the ministry said.");
}

TEST_F(ServeTest, DenialIsLinkedToItsClaim) {
  json e = GetJson(std::string("/api/events/") + fx::kClaimEvent);
  ASSERT_EQ(e["links"].size(), 1u);
  EXPECT_EQ(e["links"][0]["kind"], "denied_by");
  EXPECT_EQ(e["links"][0]["event"]["id"], fx::kDenialEvent);
  EXPECT_EQ(e["links"][0]["event"]["status"], "denied");
}

TEST_F(ServeTest, UnknownIdsAre404) {
  EXPECT_EQ(GetJson("/api/events/ev-ffffffffffffffff", 404)["error"]["status"], 404);
  EXPECT_EQ(GetJson("/api/documents/nope", 404)["error"]["status"], 404);
  EXPECT_EQ(GetJson("/api/nothing", 404)["error"]["status"], 404);
  EXPECT_EQ(GetJson("/api/events/%27%20OR%201%3D1--", 404)["error"]["status"],
            404);  // injection is just an id
}

TEST_F(ServeTest, ActorsWithEventCounts) {
  json j = GetJson("/api/actors");
  ASSERT_EQ(j["total"], 4);
  std::map<std::string, int> counts;
  for (const auto& a : j["actors"]) counts[a["id"]] = a["num_events"];
  EXPECT_EQ(counts["text:protesters"], 3);
  EXPECT_EQ(counts["country:PER"], 2);
  EXPECT_EQ(counts["country:CAN"], 2);
  EXPECT_EQ(counts["country:JPN"], 1);
  EXPECT_EQ(j["actors"][0]["id"], "text:protesters");  // most events first
  EXPECT_EQ(GetJson("/api/actors?q=jap")["actors"].size(), 1u);
}

TEST_F(ServeTest, NetworkWeighsPairsByEvents) {
  json j = GetJson("/api/network");
  EXPECT_EQ(j["nodes"].size(), 4u);
  ASSERT_EQ(j["edges"].size(), 3u);  // CAN→JPN, protesters→PER, PER→protesters
  for (const auto& e : j["edges"]) {
    EXPECT_EQ(e["events"], 1);
    EXPECT_NE(e["source"], e["target"]);
  }
  EXPECT_EQ(GetJson("/api/network?quad=1")["edges"].size(), 1u);
}

TEST_F(ServeTest, TimelineGroupsDaysAndPutsPlannedAhead) {
  json j = GetJson("/api/timeline");
  ASSERT_EQ(j["days"].size(), 2u);
  EXPECT_EQ(j["days"][0]["date"], "2023-03-09");
  EXPECT_EQ(j["days"][0]["events"].size(), 2u);
  EXPECT_EQ(j["days"][0]["events"][0]["num_sources"], 2);
  ASSERT_EQ(j["ahead"].size(), 1u);
  EXPECT_EQ(j["ahead"][0]["id"], fx::kSummitEvent);
  json one = GetJson("/api/timeline?per_day=1");
  EXPECT_EQ(one["days"][0]["more"], 1);
  json canada = GetJson("/api/timeline?actor=CAN");
  EXPECT_EQ(canada["days"].size(), 1u);
}

TEST_F(ServeTest, DocumentWithEvidenceHighlighted) {
  json list = GetJson("/api/documents");
  EXPECT_EQ(list["total"], fx::kFixtureDocuments);
  json d = GetJson(std::string("/api/documents/andes-0312?event=") + fx::kDenialEvent);
  EXPECT_EQ(d["title"], "Protest leaders reject accusation");
  std::string joined, focus, evidence;
  for (const auto& part : d["parts"]) {
    std::string t = part["text"];
    joined += t;
    std::string marks = part.contains("marks") ? part["marks"].dump() : "";
    if (marks.find("focus") != std::string::npos) focus += t;
    if (marks.find("evidence") != std::string::npos) evidence += t;
  }
  // The parts rebuild the text byte for byte, non-ASCII included.
  EXPECT_NE(joined.find("Perú denied"), std::string::npos);
  EXPECT_EQ(focus, "Protest leaders in Perú denied burning the buses on Saturday.");
  EXPECT_EQ(evidence, "Riot police and demonstrators clashed again in Lima late on Friday.");
  EXPECT_EQ(d["events"].size(), 2u);
}

TEST_F(ServeTest, PageAndAssetsAreServed) {
  auto c = Client();
  auto res = c.Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(res->body.find("<html"), std::string::npos);
  EXPECT_FALSE(res->get_header_value("Content-Security-Policy").empty());
  for (const Asset& a : EmbeddedAssets()) {
    std::string path = "/";
    path.append(a.name);
    auto r = c.Get(path.c_str());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << a.name;
    EXPECT_EQ(r->body, a.data) << a.name;
  }
  EXPECT_EQ(c.Get("/missing.js")->status, 404);
}

TEST_F(ServeTest, PathTraversalIsRefused) {
  const char* paths[] = {
      "/../CMakeLists.txt",
      "/..%2fCMakeLists.txt",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/web/../README.md",
      "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "/..\\..\\etc\\passwd",
      "/index.html%00.js",
      "/.git/config",
      "//etc/passwd",
      "/%252e%252e/etc/passwd",
  };
  for (const char* p : paths) {
    std::string answer =
        Raw(std::string("GET ") + p + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    EXPECT_TRUE(answer.rfind("HTTP/1.1 404", 0) == 0 || answer.rfind("HTTP/1.1 400", 0) == 0)
        << p << " → " << answer.substr(0, 60);
    EXPECT_EQ(answer.find("root:"), std::string::npos) << p;
    EXPECT_EQ(answer.find("cmake_minimum_required"), std::string::npos) << p;
  }
}

TEST_F(ServeTest, OversizedRequestsAreRefused) {
  auto c = Client();
  // URI over httplib's limit.
  auto res = c.Get(("/api/events?q=" + std::string(20000, 'a')).c_str());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 414);
  // Body over max_body_bytes (and a method this server does not accept).
  std::string raw =
      "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n"
      "Connection: close\r\n\r\n" +
      std::string(100000, 'x');
  std::string answer = Raw(raw);
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer.substr(0, 80);
  EXPECT_NE(answer.find("\"error\""), std::string::npos);
  // A small body on a GET is refused too, and not left on the connection as a second request.
  answer =
      Raw("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 40\r\n\r\n"
          "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0u) << answer.substr(0, 80);
  EXPECT_EQ(answer.find("HTTP/1.1 200"), std::string::npos) << answer;
  // A huge header.
  std::string big_header = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + std::string(20000, 'b') +
                           "\r\nConnection: close\r\n\r\n";
  answer = Raw(big_header);
  EXPECT_EQ(answer.find("HTTP/1.1 200"), std::string::npos) << answer.substr(0, 80);
}

TEST_F(ServeTest, MalformedRequestsAreRefused) {
  const std::string requests[] = {
      "BLAH\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n",
      std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11),  // a TLS hello
  };
  for (const auto& r : requests) {
    std::string answer = Raw(r);
    EXPECT_EQ(answer.find("HTTP/1.1 200"), std::string::npos) << answer.substr(0, 80);
  }
  // The server still works afterwards.
  EXPECT_EQ(GetJson("/health")["status"], "ok");
}

TEST_F(ServeTest, OnlyGetAndHead) {
  auto c = Client();
  auto post = c.Post("/api/events", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(json::parse(post->body)["error"]["status"], 405);
  auto del = c.Delete("/api/events/ev-00000000000000a1");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  auto head = c.Head("/health");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
}

TEST_F(ServeTest, ForeignHostHeaderIsRefused) {
  std::string answer =
      Raw("GET /health HTTP/1.1\r\nHost: attacker.example:8080\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 403", 0), 0u) << answer.substr(0, 80);
  answer = Raw("GET /health HTTP/1.1\r\nHost: localhost:1234\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer.substr(0, 80);
}

// Regression: httplib's default socket options set SO_REUSEPORT, so a second server on the same port
// started and shared the traffic instead of failing.
TEST_F(ServeTest, PortInUseIsAnError) {
  ServerOptions o;
  o.port = server_->port();
  auto second = Server::Create(*db_path_, o);
  ASSERT_TRUE(second.ok());
  Status s = (*second)->Bind();
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kIOError);
}

TEST_F(ServeTest, ConcurrentClients) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      auto c = Client();
      for (int i = 0; i < 25; ++i) {
        auto r = c.Get("/api/events?q=police&limit=5");
        if (r && r->status == 200) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 200);
}

TEST(ServeDatabaseTest, DatabaseIsReadOnly) {
  std::string path = TempPath("readonly.db");
  ASSERT_TRUE(fx::WriteFixtureDatabase(path).ok());
  auto db = ReadOnlyDatabase::Open(path);
  ASSERT_TRUE(db.ok());
  EXPECT_FALSE((*db)->Query("DELETE FROM events").ok());
  EXPECT_FALSE((*db)->Query("CREATE TABLE x (a)").ok());
  auto n = (*db)->Query("SELECT COUNT(*) AS n FROM events");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ((*n)[0]["n"], fx::kFixtureEvents);
}

TEST(ServeDatabaseTest, SlowQueriesAreInterrupted) {
  std::string path = TempPath("slow.db");
  ASSERT_TRUE(fx::WriteFixtureDatabase(path).ok());
  DatabaseOptions o;
  o.query_timeout = std::chrono::milliseconds(100);
  auto db = ReadOnlyDatabase::Open(path, o);
  ASSERT_TRUE(db.ok());
  auto start = std::chrono::steady_clock::now();
  auto r =
      (*db)->Query("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c");
  auto took = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIOError);
  EXPECT_LT(took, std::chrono::seconds(2));
}

TEST(ServeDatabaseTest, RefusesMissingAndForeignFiles) {
  ServerOptions o;
  o.port = 0;
  EXPECT_EQ(Server::Create(TempPath("absent.db"), o).status().code(), Status::Code::kNotFound);
  std::string not_db = TempPath("notes.db");
  { std::ofstream(not_db) << "just some text, not SQLite\n"; }
  EXPECT_FALSE(Server::Create(not_db, o).ok());
  std::string newer = TempPath("newer.db");
  ASSERT_TRUE(fx::WriteFixtureDatabase(newer).ok());
  {
    sqlite3* h = nullptr;
    sqlite3_open(newer.c_str(), &h);
    sqlite3_exec(h, "UPDATE meta SET value = '99' WHERE key = 'schema_version'", nullptr, nullptr, nullptr);
    sqlite3_close(h);
  }
  auto s = Server::Create(newer, o);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("newer"), std::string::npos);
}

// With --web DIR, files come from disk: only regular files directly inside DIR, no symlink escapes.
TEST(ServeWebDirTest, ServesOnlyFilesInsideTheFolder) {
  namespace fs = std::filesystem;
  fs::path web = TempPath("web");
  fs::create_directories(web / "sub");
  { std::ofstream(web / "index.html") << "<html>from disk</html>"; }
  { std::ofstream(web / "sub" / "inner.js") << "inner"; }
  { std::ofstream(web / ".hidden") << "hidden"; }
  fs::path outside = fs::path(TempPath("secret.txt"));
  { std::ofstream(outside) << "secret"; }
  std::error_code ec;
  fs::create_symlink(outside, web / "link.js", ec);
  std::string db = TempPath("webdir.db");
  ASSERT_TRUE(fx::WriteFixtureDatabase(db).ok());
  ServerOptions o;
  o.port = 0;
  o.threads = 2;
  o.web_dir = web.string();
  auto server = Server::Create(db, o);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  ASSERT_TRUE((*server)->Bind().ok());
  std::thread t([&] { (void)(*server)->Serve(); });
  ASSERT_TRUE((*server)->WaitUntilRunning(std::chrono::seconds(5)));
  httplib::Client c("127.0.0.1", (*server)->port());
  auto index = c.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->body, "<html>from disk</html>");
  for (const char* p : {"/link.js", "/sub/inner.js", "/sub%2finner.js", "/.hidden", "/../secret.txt",
                        "/%2e%2e%2fsecret.txt", "/nothing.css"}) {
    auto r = c.Get(p);
    ASSERT_TRUE(r) << p;
    EXPECT_EQ(r->status, 404) << p;
    EXPECT_EQ(r->body.find("secret"), std::string::npos) << p;
  }
  (*server)->Stop();
  t.join();
  EXPECT_EQ(Server::Create(db,
                           [&] {
                             ServerOptions x = o;
                             x.web_dir = TempPath("no-such-dir");
                             return x;
                           }())
                .status()
                .code(),
            Status::Code::kNotFound);
}

TEST(ServeAssetsTest, ContentTypes) {
  EXPECT_STREQ(ContentTypeFor("index.html"), "text/html; charset=utf-8");
  EXPECT_STREQ(ContentTypeFor("app.js"), "text/javascript; charset=utf-8");
  EXPECT_STREQ(ContentTypeFor("style.css"), "text/css; charset=utf-8");
  EXPECT_STREQ(ContentTypeFor("blob"), "application/octet-stream");
  ASSERT_NE(FindEmbeddedAsset("index.html"), nullptr);
  EXPECT_EQ(FindEmbeddedAsset("../index.html"), nullptr);
}

TEST(ServeOptionsTest, LoopbackNames) {
  EXPECT_TRUE(IsLoopbackAddress("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackAddress("127.0.1.1"));
  EXPECT_TRUE(IsLoopbackAddress("::1"));
  EXPECT_TRUE(IsLoopbackAddress("localhost"));
  EXPECT_FALSE(IsLoopbackAddress("0.0.0.0"));
  EXPECT_FALSE(IsLoopbackAddress("192.168.1.4"));
  EXPECT_FALSE(IsLoopbackAddress("localhost.evil.example"));
}

}  // namespace
}  // namespace dateline::serve
