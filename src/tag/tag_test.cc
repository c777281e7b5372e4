#include <gtest/gtest.h>
TEST(Tag, Placeholder) {}
