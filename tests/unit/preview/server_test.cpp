// SPDX-License-Identifier: MIT
// The preview server over real HTTP on 127.0.0.1: the route table, the Host
// check, the page's headers, and a published snapshot replacing the last.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <thread>

#include "preview/server.hpp"

namespace closeplan::preview {
namespace {

struct ServerTest : ::testing::Test {
    std::unique_ptr<server> http;
    std::thread serving;
    int port = 0;
    std::atomic<bool> done{false};
    void SetUp() override {
        snapshot first;
        first.html = "<html><body><h1>Plan one</h1></body></html>";
        first.pdf = "%PDF-1.7 fake";
        http = std::make_unique<server>(first, "n0nce");
        std::string why;
        const auto bound = http->bind("127.0.0.1", 0, false, why);
        ASSERT_TRUE(bound) << why;
        port = *bound;
        serving = std::thread([this] {
            http->serve();
            done = true;
        });
    }
    void TearDown() override {
        // stop() before the loop has started does nothing: ask until it ends.
        while (!done) {
            http->stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        serving.join();
    }
    httplib::Result get(const std::string& path, const std::string& host = "") {
        httplib::Client client("127.0.0.1", port);
        httplib::Headers headers;
        if (!host.empty()) headers.emplace("Host", host);
        for (int i = 0; i < 50; ++i) {
            if (auto result = client.Get(path, headers)) return result;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return client.Get(path, headers);
    }
};

TEST_F(ServerTest, ServesTheTable) {
    auto page = get("/");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("<h1>Plan one</h1>"), std::string::npos);
    EXPECT_NE(page->body.find("closeplan-preview"), std::string::npos);
    EXPECT_NE(page->get_header_value("Content-Security-Policy").find("script-src 'nonce-n0nce'"), std::string::npos);
    EXPECT_EQ(page->get_header_value("Cache-Control"), "no-store");
    auto pdf = get("/plan.pdf");
    ASSERT_TRUE(pdf);
    EXPECT_EQ(pdf->body, "%PDF-1.7 fake");
    EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
    EXPECT_EQ(get("/version")->body, "0");
}

TEST_F(ServerTest, NothingElse) {
    for (const char* path : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                             "/anything-else", "/plan.yaml", "/%2f", "/plan.pdf%00"}) {
        auto result = get(path);
        ASSERT_TRUE(result) << path;
        EXPECT_EQ(result->status, 404) << path;
        EXPECT_EQ(result->body, "not found\n") << path;
    }
}

TEST_F(ServerTest, OtherHostsAreRefused) {
    auto result = get("/", "attacker.example:" + std::to_string(port));
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 404);
    EXPECT_EQ(get("/", "localhost:" + std::to_string(port))->status, 200);
}

TEST_F(ServerTest, PublishReplaces) {
    snapshot next;
    next.html = "<html><body><h1>Plan two</h1></body></html>";
    http->publish(next);
    EXPECT_EQ(get("/version")->body, "1");
    EXPECT_NE(get("/")->body.find("Plan two"), std::string::npos);
    EXPECT_EQ(get("/plan.pdf")->status, 503);  // that snapshot has no PDF
}

}  // namespace
}  // namespace closeplan::preview
