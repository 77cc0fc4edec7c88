// SPDX-License-Identifier: MIT
// The batch's progress line (progress_bar.hpp).
#include "cli/progress_bar.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>

namespace closeplan::cli {

void progress_bar::update(std::size_t bytes, std::size_t rows, std::size_t deals_done) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double share = total_ ? static_cast<double>(bytes) / static_cast<double>(total_) : 0.0;
    const double rate = seconds > 0 ? static_cast<double>(deals_done) / seconds : 0.0;
    const double left = share > 0.01 ? seconds * (1.0 - share) / share : 0.0;
    const int filled = static_cast<int>(share * 30);
    char line[160];
    std::snprintf(line, sizeof line, "\r[%-30s] %3d%% %zu rows, %zu deals, %.0f deals/s, %ds left ",
                  std::string(static_cast<std::size_t>(std::clamp(filled, 0, 30)), '#').c_str(),
                  static_cast<int>(share * 100), rows, deals_done, rate, static_cast<int>(left));
    std::cerr << line << std::flush;
    shown_ = true;
}

void progress_bar::done() {
    if (shown_) std::cerr << "\r" << std::string(90, ' ') << "\r" << std::flush;
}

}  // namespace closeplan::cli
