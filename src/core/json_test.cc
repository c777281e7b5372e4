#include "core/json.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(JsonTest, Escapes) {
  EXPECT_EQ(JsonString("plain"), "\"plain\"");
  EXPECT_EQ(JsonString("a\"b\\c\nd\te"), "\"a\\\"b\\\\c\\nd\\te\"");
  EXPECT_EQ(JsonString(std::string("\x01", 1)), "\"\\u0001\"");
  EXPECT_EQ(JsonString("Russia\xe2\x80\x99s"), "\"Russia\xe2\x80\x99s\"");  // UTF-8 kept as is
}

}  // namespace
}  // namespace dateline
