// SPDX-License-Identifier: MIT
// One table of a struct's JSON members serves both directions: the writer of
// batch-report.json and the reader `closeplan batch-index` merges shards
// with. A key written and a key read can then never drift apart, and the
// reader's checks (a number out of range refuses the report) are in one place.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/utf8.hpp"

namespace closeplan::batch::json_fields {

/// Whether a member is written when it holds nothing (0, "" or an empty list).
enum class when { always, set };

/// One member of `S`: its key and where it lives. Members are written in table order.
template <class S>
struct field {
    const char* key;
    std::variant<int S::*, std::size_t S::*, bool S::*, std::string S::*, std::vector<std::string> S::*> member;
    when written = when::always;
};

/// Reads `object[key]` into `into` when present and not null. Throws
/// nlohmann::json::exception on a value of the wrong type, and on a number that
/// `T` cannot hold (a report from another run or a person's edit may hold any
/// number; converting one out of range is undefined).
template <typename T>
void read_if(const nlohmann::json& object, const char* key, T& into) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return;
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        const bool fits = it->is_number_unsigned() ? std::in_range<T>(it->template get<std::uint64_t>())
                          : it->is_number_integer() ? std::in_range<T>(it->template get<std::int64_t>())
                                                    : !it->is_number();
        if (!fits) throw nlohmann::json::out_of_range::create(406, std::string("`") + key + "` is out of range", &*it);
    }
    into = it->template get<T>();
}

/// Writes the table's members of `s` into `out` (text with invalid UTF-8 replaced).
template <class S, std::size_t N>
void write(nlohmann::ordered_json& out, const S& s, const std::array<field<S>, N>& table) {
    for (const auto& f : table)
        std::visit(
            [&](auto member) {
                const auto& value = s.*member;
                using T = std::remove_cvref_t<decltype(value)>;
                if constexpr (std::is_same_v<T, std::string>) {
                    if (f.written == when::always || !value.empty()) out[f.key] = utf8::replace_invalid(value);
                } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                    if (f.written == when::set && value.empty()) return;
                    auto& list = out[f.key] = nlohmann::ordered_json::array();
                    for (const auto& item : value) list.push_back(utf8::replace_invalid(item));
                } else {
                    if (f.written == when::always || value != T{}) out[f.key] = value;
                }
            },
            f.member);
}

/// Reads the table's members present in `in` into `s`; see read_if for what throws.
template <class S, std::size_t N>
void read(const nlohmann::json& in, S& s, const std::array<field<S>, N>& table) {
    for (const auto& f : table) std::visit([&](auto member) { read_if(in, f.key, s.*member); }, f.member);
}

}  // namespace closeplan::batch::json_fields
