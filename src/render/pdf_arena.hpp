// SPDX-License-Identifier: MIT
// libharu documents whose memory comes from a per-thread arena.
#pragma once

#include <hpdf.h>

#include <cstddef>

namespace closeplan::render {

/// A new libharu document (HPDF_NewEx) whose memory comes from its thread's
/// arena: libharu's allocations (some 340 small ones for a one-page plan,
/// each a malloc and later a free) are bumps of a pointer, and its frees do
/// nothing. When the last such document of the thread is freed, the arena is
/// emptied at once, keeping its blocks for the next document.
///
/// Why not libharu's own pool (HPDF_NewEx's mem_pool_buf_size): it gives its
/// blocks back only with the document, so each document would allocate them
/// again. Why not reuse one document (HPDF_NewDoc): emptying it frees every
/// object one by one, which cost more than making a document afresh.
///
/// The document must be freed with free_arena_doc on the thread that made it.
/// Null when out of memory (with `on_error` called, as HPDF_New does).
HPDF_Doc new_arena_doc(HPDF_Error_Handler on_error, void* user_data);

/// HPDF_Free (which runs the streams' own free hooks, so what they hold outside
/// the arena is freed), then the arena emptied if no other arena document is open.
void free_arena_doc(HPDF_Doc pdf);

/// What the thread's arena holds in blocks, for tests: bytes handed out since it was last emptied.
std::size_t arena_bytes_in_use();

}  // namespace closeplan::render
