// SPDX-License-Identifier: MIT
#include "render/pdf_arena.hpp"

#include <memory>
#include <new>
#include <vector>

namespace closeplan::render {
namespace {

// Blocks of 32 KB: a one-page plan's document takes some 60 KB. An allocation
// over a quarter of a block (a long stream's chunk, a decoded logo) is a block
// of its own, freed when the arena is emptied. At most 32 blocks (1 MB) are kept
// past that, so one huge document does not hold its memory for the thread's life.
class arena {
public:
    void* allocate(std::size_t size) {
        size = (size + alignment - 1) & ~(alignment - 1);
        if (size > block_size / 4) {
            large_.emplace_back(new (std::nothrow) std::byte[size]);
            if (!large_.back()) {
                large_.pop_back();
                return nullptr;
            }
            return large_.back().get();
        }
        if (blocks_.empty() || used_ + size > block_size) {
            if (!blocks_.empty()) ++current_;
            if (current_ == blocks_.size()) {
                std::unique_ptr<std::byte[]> block(new (std::nothrow) std::byte[block_size]);
                if (!block) return nullptr;
                blocks_.push_back(std::move(block));
            }
            used_ = 0;
        }
        void* at = blocks_[current_].get() + used_;
        used_ += size;
        return at;
    }

    void empty() {
        large_.clear();
        if (blocks_.size() > kept_blocks) blocks_.resize(kept_blocks);
        current_ = 0;
        used_ = 0;
    }

    [[nodiscard]] std::size_t in_use() const { return blocks_.empty() ? 0 : current_ * block_size + used_; }

    int open_documents = 0;

private:
    // malloc's alignment: libharu's records hold doubles and pointers.
    static constexpr std::size_t alignment = alignof(std::max_align_t);
    static constexpr std::size_t block_size = 32 * 1024;
    static constexpr std::size_t kept_blocks = 32;
    std::vector<std::unique_ptr<std::byte[]>> blocks_;
    std::vector<std::unique_ptr<std::byte[]>> large_;
    std::size_t current_ = 0;  ///< the block being filled
    std::size_t used_ = 0;     ///< bytes of it handed out
};

// libharu's allocation hooks take no user data: the arena is the thread's.
arena& thread_arena() {
    thread_local arena a;
    return a;
}

void* HPDF_STDCALL arena_allocate(HPDF_UINT size) { return thread_arena().allocate(size); }
void HPDF_STDCALL arena_free(void*) {}  // the arena is emptied whole

}  // namespace

HPDF_Doc new_arena_doc(HPDF_Error_Handler on_error, void* user_data) {
    arena& a = thread_arena();
    ++a.open_documents;
    HPDF_Doc pdf = HPDF_NewEx(on_error, arena_allocate, arena_free, 0, user_data);
    if (!pdf && --a.open_documents == 0) a.empty();
    return pdf;
}

void free_arena_doc(HPDF_Doc pdf) {
    if (!pdf) return;
    HPDF_Free(pdf);
    arena& a = thread_arena();
    if (--a.open_documents == 0) a.empty();
}

std::size_t arena_bytes_in_use() { return thread_arena().in_use(); }

}  // namespace closeplan::render
