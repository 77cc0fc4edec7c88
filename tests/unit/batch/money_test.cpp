// SPDX-License-Identifier: MIT
// Amounts parsed exactly into minor units and a currency.
#include <gtest/gtest.h>

#include "batch/money.hpp"

namespace closeplan::batch {
namespace {

std::string parsed(std::string_view text, decimal_mark mark = decimal_mark::point, std::string_view fallback = {}) {
    auto result = parse_money(text, mark, fallback);
    if (auto* m = std::get_if<money>(&result)) return m->decimal_text() + (m->currency.empty() ? "" : " " + m->currency);
    return "error: " + std::get<std::string>(result);
}

TEST(Money, SalesforceAndHubSpotShapes) {
    EXPECT_EQ(parsed("$240,000.00"), "240000.00 USD");
    EXPECT_EQ(parsed("492203.79"), "492203.79");
    EXPECT_EQ(parsed("9552.0"), "9552.00");
    EXPECT_EQ(parsed("299.99"), "299.99");
    EXPECT_EQ(parsed("$1,234,567"), "1234567.00 USD");
    EXPECT_EQ(parsed("\xC2\xA3" "915,000.00"), "915000.00 GBP");
    EXPECT_EQ(parsed("24120000"), "24120000.00");
}

TEST(Money, EuropeanShapes) {
    EXPECT_EQ(parsed("240.000,00 \xE2\x82\xAC", decimal_mark::comma), "240000.00 EUR");
    EXPECT_EQ(parsed("240.000,00 \xE2\x82\xAC"), "240000.00 EUR");  // both marks: the last one is decimal
    EXPECT_EQ(parsed("1.234,5 EUR"), "1234.50 EUR");
    EXPECT_EQ(parsed("240.000", decimal_mark::comma), "240000.00");
    EXPECT_EQ(parsed("240.000", decimal_mark::point), "240.00");
    EXPECT_EQ(parsed("240,50", decimal_mark::point), "240.50");
    EXPECT_EQ(parsed("1\xC2\xA0" "234\xC2\xA0" "567,89 \xE2\x82\xAC", decimal_mark::comma), "1234567.89 EUR");
    EXPECT_EQ(parsed("CHF 1'234.50"), "1234.50 CHF");
}

TEST(Money, CurrencyFromTheTextOrTheFallback) {
    EXPECT_EQ(parsed("100", decimal_mark::point, "EUR"), "100.00 EUR");
    EXPECT_EQ(parsed("$100", decimal_mark::point, "EUR"), "100.00 USD");
    EXPECT_EQ(parsed("USD 1,000.5"), "1000.50 USD");
    EXPECT_EQ(parsed("\xC2\xA5" "1,200"), "1200 JPY");
    EXPECT_EQ(parsed("1.5 KWD"), "1.500 KWD");
}

TEST(Money, NoBinaryFloatingPoint) {
    EXPECT_EQ(parsed("0.30"), "0.30");
    // 2^53 + 1 has no double; it stays exact here.
    EXPECT_EQ(parsed("9007199254740993.01"), "9007199254740993.01");
    // A human's extra decimal is refused; a printed double's noise is rounded (money::rounded says so).
    EXPECT_EQ(parsed("1234.567"), "error: has more decimals than an amount allows (2); round it in the CRM export");
    EXPECT_EQ(parsed("48715.200000000004"), "48715.20");
    EXPECT_EQ(parsed("0.30000000000000004"), "0.30");
    EXPECT_EQ(parsed("9552.999999999998"), "9553.00");
    EXPECT_EQ(parsed("99999.99999999999"), "100000.00");
    EXPECT_EQ(parsed("48715,200000000004", decimal_mark::comma), "48715.20");
    EXPECT_EQ(parsed("-0.00500000000000001"), "-0.01") << "half away from zero";
    EXPECT_EQ(parsed("1.2345678901234567 KWD"), "1.235 KWD");
    auto noisy = parse_money("48715.200000000004", decimal_mark::point);
    EXPECT_TRUE(std::get<money>(noisy).rounded);
    auto exact = parse_money("48715.20", decimal_mark::point);
    EXPECT_FALSE(std::get<money>(exact).rounded);
    EXPECT_EQ(parsed("1.500"), "1.50");
    EXPECT_EQ(parsed("1.500", decimal_mark::comma), "1500.00");
    EXPECT_EQ(parsed("1.50000"), "1.50");
}

TEST(Money, AValueProvesADecimalMarkOnlyWhenItCanBeReadOneWay) {
    EXPECT_EQ(proven_mark("1,234.56"), decimal_mark::point);
    EXPECT_EQ(proven_mark("$1,234,567"), decimal_mark::point);
    EXPECT_EQ(proven_mark("9552.0"), decimal_mark::point);
    EXPECT_EQ(proven_mark("48715.200000000004"), decimal_mark::point);
    EXPECT_EQ(proven_mark("1.234,56 \xE2\x82\xAC"), decimal_mark::comma);
    EXPECT_EQ(proven_mark("EUR 1.234.567"), decimal_mark::comma);
    EXPECT_EQ(proven_mark("240000,5"), decimal_mark::comma);
    EXPECT_EQ(proven_mark("240,000"), std::nullopt);
    EXPECT_EQ(proven_mark("240.000"), std::nullopt);
    EXPECT_EQ(proven_mark("240000"), std::nullopt);
    EXPECT_EQ(proven_mark("1\xC2\xA0" "234"), std::nullopt);
}

TEST(Money, NegativeAndRefused) {
    EXPECT_EQ(parsed("-5.00"), "-5.00");
    EXPECT_EQ(parsed("($5.00)"), "-5.00 USD");
    EXPECT_EQ(parsed(""), "error: is empty");
    EXPECT_EQ(parsed("$25k"), "error: uses a k/M abbreviation; write the full amount");
    EXPECT_EQ(parsed("12,34,567"), "error: has a thousands separator in the wrong place");
    EXPECT_EQ(parsed("1,234.567.8"), "error: mixes separators in a way that is not a number");
    EXPECT_EQ(parsed("n/a"), "error: is not an amount (expected 240000, $240,000.00 or 240.000,00 \xE2\x82\xAC)");
    EXPECT_EQ(parsed("99999999999999999999"), "error: is too large");
}

}  // namespace
}  // namespace closeplan::batch
