#include <gtest/gtest.h>
TEST(Ner, Placeholder) {}
