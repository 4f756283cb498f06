// Unit tests of names.cpp: the Greek letters by name both ways, and the edit distance
// behind every "did you mean" note.
#include <doctest/doctest.h>

#include "expr/names.hpp"

using namespace dfdx;

TEST_CASE("names: Greek letters by code point and by name") {
    CHECK(greek_name(U'\u03b1') == "alpha");
    CHECK(greek_name(U'\u0393') == "Gamma");
    CHECK(greek_name(U'\u03c9') == "omega");
    CHECK_FALSE(greek_name(U'a'));
    CHECK_FALSE(greek_name(U'\u00e9'));
    CHECK(greek_letter("beta") == "\u03b2");
    CHECK(greek_letter("Delta") == "\u0394");
    CHECK(greek_letter("x").empty());
    CHECK(greek_letter("").empty());
    // Both ways round.
    for (char32_t c = 0x3b1; c <= 0x3c9; ++c) {
        if (auto name = greek_name(c)) CHECK_FALSE(greek_letter(*name).empty());
    }
}

TEST_CASE("names: edit distance counts inserts, deletes, replacements and swaps") {
    CHECK(edit_distance("sin", "sin") == 0);
    CHECK(edit_distance("sin", "sni") == 1);  // a swap of neighbours is one edit
    CHECK(edit_distance("sin", "sinh") == 1);
    CHECK(edit_distance("sinh", "sin") == 1);
    CHECK(edit_distance("sin", "son") == 1);
    CHECK(edit_distance("sin", "cos") == 3);
    CHECK(edit_distance("cos", "cosh") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("plot", "polt") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("ab", "ba") == edit_distance("ba", "ab"));
}
