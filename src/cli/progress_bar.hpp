// SPDX-License-Identifier: MIT
// The batch's progress line on a terminal: rows, deals, rate and time left
// from the share of the export read. Nothing is printed when disabled (not a
// terminal, or --quiet).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace closeplan::cli {

class progress_bar {
public:
    progress_bar(bool enabled, std::uintmax_t total_bytes) : enabled_(enabled), total_(total_bytes) {}
    /// Redraws the line at most ten times a second.
    void update(std::size_t bytes, std::size_t rows, std::size_t deals_done);
    /// Clears the line, if one was drawn.
    void done();

private:
    bool enabled_;
    std::uintmax_t total_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace closeplan::cli
