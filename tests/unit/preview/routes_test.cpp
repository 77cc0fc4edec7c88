// SPDX-License-Identifier: MIT
// The preview's route table: exact paths only, nothing from the URL reaches a file.
#include <gtest/gtest.h>

#include "preview/routes.hpp"

namespace closeplan::preview {
namespace {

TEST(PreviewRoutes, AnswersOnlyTheTable) {
    ASSERT_TRUE(find_route("/"));
    EXPECT_EQ(find_route("/")->what, resource::page);
    EXPECT_EQ(find_route("/plan.pdf")->what, resource::pdf);
    EXPECT_EQ(find_route("/version")->what, resource::version);
    EXPECT_EQ(routes().size(), 3u);
}

TEST(PreviewRoutes, EverythingElseIsNotFound) {
    for (const char* path : {"", "/../../etc/passwd", "/..", "/./", "//", "/plan.pdf/", "/PLAN.PDF", "/plan.pdf/..",
                             "/plan.html", "/plan.yaml", "/index.html", "/logos/acme.jpg", "/%2e%2e/etc/passwd",
                             "/etc/passwd", "/ ", "/\n", "/version?x", "plan.pdf", "/anything-else"})
        EXPECT_FALSE(find_route(path)) << path;
}

TEST(PreviewRoutes, HostMustNameThisServer) {
    const auto hosts = allowed_hosts("127.0.0.1", 8123);
    EXPECT_TRUE(host_allowed("127.0.0.1:8123", hosts, false));
    EXPECT_TRUE(host_allowed("LOCALHOST:8123", hosts, false));
    EXPECT_TRUE(host_allowed("[::1]:8123", hosts, false));
    EXPECT_FALSE(host_allowed("127.0.0.1:8124", hosts, false));
    EXPECT_FALSE(host_allowed("attacker.example:8123", hosts, false));  // DNS rebinding
    EXPECT_FALSE(host_allowed("", hosts, false));
    EXPECT_TRUE(host_allowed("attacker.example:8123", hosts, true));
    EXPECT_TRUE(host_allowed("192.168.1.5:8123", allowed_hosts("192.168.1.5", 8123), false));
}

TEST(PreviewRoutes, Loopback) {
    EXPECT_TRUE(is_loopback("127.0.0.1"));
    EXPECT_TRUE(is_loopback("127.1.2.3"));
    EXPECT_TRUE(is_loopback("::1"));
    EXPECT_TRUE(is_loopback("localhost"));
    EXPECT_FALSE(is_loopback("0.0.0.0"));
    EXPECT_FALSE(is_loopback("::"));
    EXPECT_FALSE(is_loopback("192.168.1.5"));
    EXPECT_FALSE(is_loopback("127.evil.example"));
}

}  // namespace
}  // namespace closeplan::preview
