#include <gtest/gtest.h>
TEST(Parse, Placeholder) {}
