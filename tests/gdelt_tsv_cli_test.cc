// End-to-end check of the GDELT columns Dateline fills in events.tsv: `dateline run examples/articles`
// (the bundled sample, four articles about talks hosted in Istanbul) must place an event in Turkey with
// GDELT's FIPS country code TU, give actors their country's geography, and score every row's tone.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace dateline {
namespace {

namespace fs = std::filesystem;

// The dateline binary of this build (<build>/cli/dateline next to <build>/tests/), or "".
std::string DatelineBinary() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  const fs::path p = self.parent_path().parent_path() / "cli" / "dateline";
  return fs::exists(p) ? p.string() : "";
}

std::vector<std::vector<std::string>> ReadTsv(const fs::path& p) {
  std::ifstream in(p);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
    if (!line.empty() && line.back() == '\t') f.push_back("");
    rows.push_back(f);
  }
  return rows;
}

TEST(GdeltTsvCliTest, SampleRunPlacesTheIstanbulTalksInTurkey) {
  const std::string bin = DatelineBinary();
  if (bin.empty()) GTEST_SKIP() << "the dateline binary is not built next to this test";
  const fs::path out = fs::temp_directory_path() / ("dateline_gdelt_test_" + std::to_string(::getpid()));
  fs::remove_all(out);
  const std::string cmd = "'" + bin + "' run '" DATELINE_SOURCE_DIR "/examples/articles' -o '" +
                          out.string() + "' -q 2>'" + (out.string() + ".log") + "'";
  const int rc = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(rc) && WEXITSTATUS(rc) == 0) << cmd;
  const auto rows = ReadTsv(out / "events.tsv");
  ASSERT_FALSE(rows.empty());
  int in_turkey = 0;
  for (const auto& f : rows) {
    ASSERT_EQ(f.size(), 61u);
    // AvgTone: a percentage with two decimals.
    ASSERT_FALSE(f[34].empty());
    EXPECT_EQ(f[34].size() - f[34].find('.'), 3u) << f[34];
    EXPECT_LE(std::abs(std::stod(f[34])), 100.0);
    // Actor geography follows the actor's country.
    if (f[7] == "TUR") EXPECT_EQ(f[37], "TU");
    if (f[7] == "UKR") EXPECT_EQ(f[37], "UP");
    if (f[7] == "RUS") EXPECT_EQ(f[37], "RS");
    if (f[53] == "TU") {
      ++in_turkey;
      EXPECT_TRUE(f[51] == "1" || (f[51] == "4" && f[52].find("Istanbul") == 0)) << f[51] << " " << f[52];
      EXPECT_NEAR(std::stod(f[56]), 41.0, 2.5);  // Istanbul, or Turkey's central point
    }
  }
  EXPECT_GT(in_turkey, 0) << "no event with ActionGeo_CountryCode TU";
  fs::remove_all(out);
  fs::remove(out.string() + ".log");
}

}  // namespace
}  // namespace dateline
