// SPDX-License-Identifier: MIT
// Capitals for labels in every language the labels come in, without the environment's locale.
#include <gtest/gtest.h>

#include "layout/upper_case.hpp"

namespace closeplan::layout {
namespace {

TEST(UpperCase, AsciiAndLatinLettersOfEveryLabelLanguage) {
    EXPECT_EQ(upper_case("Milestone 3: go/no-go"), "MILESTONE 3: GO/NO-GO");
    EXPECT_EQ(upper_case("Fällig · Übersicht"), "FÄLLIG · ÜBERSICHT");
    EXPECT_EQ(upper_case("Échéance reçue"), "ÉCHÉANCE REÇUE");
    EXPECT_EQ(upper_case("Responsable año"), "RESPONSABLE AÑO");
    EXPECT_EQ(upper_case("Ação concluída"), "AÇÃO CONCLUÍDA");
}

TEST(UpperCase, LettersBeyondLatin1) {
    EXPECT_EQ(upper_case("Zakłady Północ"), "ZAKŁADY PÓŁNOC");
    EXPECT_EQ(upper_case("Дана Руис"), "ДАНА РУИС");
    EXPECT_EQ(upper_case("ελλάδα"), "ΕΛΛΆΔΑ");
    EXPECT_EQ(upper_case("œuvre ÿ š"), "ŒUVRE Ÿ Š");
}

TEST(UpperCase, WhatHasNoSingleCapitalStays) {
    EXPECT_EQ(upper_case("Straße"), "STRAßE");
    EXPECT_EQ(upper_case("5 µs"), "5 µS");  // not Greek MU, which a Latin page's font may lack
    EXPECT_EQ(upper_case("日本 ✓ 🎉"), "日本 ✓ 🎉");
    EXPECT_EQ(upper_case(""), "");
}

TEST(UpperCase, MalformedBytesPassThroughUnchanged) {
    EXPECT_EQ(upper_case("a\xC3"), "A\xC3");
    EXPECT_EQ(upper_case("\xFF" "b"), "\xFF" "B");
}

}  // namespace
}  // namespace closeplan::layout
