// SPDX-License-Identifier: MIT
// A temporary folder of files for the render tests (user templates, labels, styles).
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "closeplan/diagnostics.hpp"

namespace closeplan::render::testing {

class temp_folder {
public:
    temp_folder() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("closeplan-render-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~temp_folder() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    temp_folder(const temp_folder&) = delete;
    temp_folder& operator=(const temp_folder&) = delete;

    /// Writes `text` to `name` (sub-folders created) and returns the full path.
    std::string write(const std::string& name, const std::string& text) const {
        const auto file = path_ / name;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
        return file.string();
    }
    [[nodiscard]] std::string path() const { return path_.string(); }

private:
    std::filesystem::path path_;
};

/// The first diagnostic with `code`, or nullptr.
inline const diagnostic* find_code(const diagnostic_sink& diags, const std::string& code) {
    for (const auto& d : diags.all())
        if (d.code == code) return &d;
    return nullptr;
}

/// Every diagnostic, one per line, for failure messages.
inline std::string all_text(const diagnostic_sink& diags) {
    std::string out;
    for (const auto& d : diags.all()) out += format_diagnostic(d) + "\n";
    return out;
}

}  // namespace closeplan::render::testing
