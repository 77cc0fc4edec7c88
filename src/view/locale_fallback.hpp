// SPDX-License-Identifier: MIT
// Which built-in labels a language tag without a file of its own reads (the
// table is view/locales.cpp's; the labels chain is render/template_set.cpp's).
#pragma once

#include <string_view>

namespace closeplan::view {

/// The built-in locale a tag without a labels file of its own reads before its
/// bare language: the one of the same language in the tag's likely script (ICU's
/// likely subtags, CLDR), the likely region's first. So `zh`, `zh-Hans` and
/// `zh-SG` read zh-CN (Simplified), `zh-Hant`, `zh-HK` and `zh-MO` zh-TW
/// (Traditional), `pt` and `pt-PT` pt-BR. Empty when the tag is built in, when
/// its bare language is (`de-AT` reads de), or when no built-in locale matches.
std::string_view built_in_for_script(std::string_view tag);

}  // namespace closeplan::view
