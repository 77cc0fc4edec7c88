// SPDX-License-Identifier: MIT
// The page `closeplan preview` serves: the rendered HTML with the preview's
// own block added (errors over the page, the checks panel, the reload
// script). Only the preview adds it; `render` never writes it.
#pragma once

#include <string>
#include <string_view>

#include "preview/snapshot.hpp"

namespace closeplan::preview {

/// The id of the block the preview adds: a rendered file never contains it.
inline constexpr std::string_view block_id = "closeplan-preview";

/// The served page for a snapshot: its HTML (or, before any good render, a
/// short page saying so) with the preview block before </body>. Every text
/// from the plan or a diagnostic is escaped; the script holds only the
/// generation number. `nonce` is the script's, which the page's
/// Content-Security-Policy names as the only one allowed to run.
std::string served_page(const snapshot& state, std::string_view nonce);

/// The preview block alone (errors, checks panel, script), for `served_page`.
std::string preview_block(const snapshot& state, std::string_view nonce);

/// `html` with `block` inserted before its last </body> (any case), or
/// appended when it has none (a --template-dir page may lack one).
std::string insert_before_body_end(std::string_view html, std::string_view block);

}  // namespace closeplan::preview
