// SPDX-License-Identifier: MIT
// Link allow-list and email sanity checks, case by case.
#include <gtest/gtest.h>

#include <string>

#include "validate/links.hpp"

namespace closeplan {
namespace {

using validate::detail::check_link;
using validate::detail::plausible_email;

TEST(validate_links, allowed_links) {
    for (const char* url : {"https://acme.example/roi/northwind", "http://localhost:8080/", "HTTPS://ACME.EXAMPLE",
                            "https://acme.example/a?b=1&c=2#d", "mailto:dana@northwind.example",
                            "mailto:dana@northwind.example?subject=MAP", "https://münchen.example/"}) {
        EXPECT_FALSE(check_link(url)) << url;
    }
}

TEST(validate_links, rejected_links) {
    const std::string with_nul("https://a.example/\0x", 20);
    for (const std::string& url : {std::string("javascript:alert(1)"),
                                  std::string("JaVaScRiPt:alert(1)"),
                                  std::string(" javascript:alert(1)"),
                                  std::string("java\tscript:alert(1)"),
                                  std::string("java\nscript:alert(1)"),
                                  std::string("javascript\x01:alert(1)"),
                                  std::string("data:text/html,<script>alert(1)</script>"),
                                  std::string("file:///etc/passwd"),
                                  std::string("vbscript:msgbox"),
                                  std::string("//evil.example/x"),
                                  std::string("/relative/path"),
                                  std::string("roi.html"),
                                  std::string("https:evil.example"),
                                  std::string("https:/evil.example"),
                                  std::string("https://"),
                                  std::string("https:///path"),
                                  std::string("https:\\\\evil.example"),
                                  std::string("mailto:"),
                                  std::string("mailto:dana"),
                                  std::string("https://a.example/x y"),
                                  std::string("https://a.example/ "),
                                  with_nul,
                                  std::string("java%73cript:alert(1)"),
                                  std::string("&#106;avascript:alert(1)"),
                                  std::string("jav&#x09;ascript:alert(1)"),
                                  std::string(":no-scheme"),
                                  std::string("1http://x"),
                                  std::string("")}) {
        EXPECT_TRUE(check_link(url)) << url;
    }
}

TEST(validate_links, messages) {
    auto problem = check_link("java\tscript:alert(1)");
    ASSERT_TRUE(problem);
    // Control characters are escaped so a message cannot rewrite the terminal.
    EXPECT_EQ(problem->message, "link \"java\\x09script:alert(1)\" contains spaces or control characters");
    problem = check_link("mailto:dana");
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->message, "mailto link \"mailto:dana\" has no email address");
    EXPECT_EQ(problem->hints, (std::vector<std::string>{"write it as mailto:name@example.com"}));
}

TEST(validate_links, emails) {
    for (const char* ok : {"dana@northwind.example", "first.last+tag@sub.example.co.uk"})
        EXPECT_TRUE(plausible_email(ok)) << ok;
    for (const char* bad :
         {"dana", "dana@", "@northwind.example", "dana@northwind", "dana@@x.example", "dana at northwind.example",
          "Dana <dana@x.example>", "dana@x.example.", "dana@.example", "a@b..example"})
        EXPECT_FALSE(plausible_email(bad)) << bad;
}

}  // namespace
}  // namespace closeplan
