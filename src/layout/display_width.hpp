// SPDX-License-Identifier: MIT
// How wide text is in a monospaced, terminal-like count (what pandoc and a reader
// of a Markdown table count), and where text written without spaces between its
// words may break: both from ICU's character properties (East Asian Width, UAX #11;
// line break classes, UAX #14), never from a table of our own.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace closeplan::layout {

/// Display columns of UTF-8 text: 2 for each East Asian wide or fullwidth
/// character (CJK ideographs, kana, Hangul, fullwidth forms), 0 for combining
/// marks and format characters (which join the character before), 1 for the
/// rest, ambiguous-width characters included (they are narrow outside East
/// Asian legacy encodings). Invalid UTF-8 counts one column a byte.
std::size_t display_columns(std::string_view utf8);

/// Appends to `out`, in increasing order, the line break opportunities of
/// `utf8` (UAX #14, layout/text_breaks) between two characters of scripts
/// written without spaces between words (East Asian wide or fullwidth, or
/// the complex-context class SA of Thai, Lao, Khmer and Myanmar). There CJK
/// and Thai text breaks inside what a split at spaces takes for one word;
/// Latin words stay whole, and so does a figure with its CJK unit
/// (2026年4月30日, 5件), which UAX #14 would let break but a table
/// should not.
void unspaced_break_opportunities(std::string_view utf8, std::vector<std::size_t>& out);

}  // namespace closeplan::layout
