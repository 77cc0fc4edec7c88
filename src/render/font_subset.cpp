// SPDX-License-Identifier: MIT
// The one owner of HarfBuzz's subsetter.
#include "render/font_subset.hpp"

#include <hb-subset.h>
#include <sys/mman.h>
#include <unistd.h>

#include <map>
#include <memory>
#include <mutex>

namespace closeplan::render {

namespace {

// A parsed source face per font file, shared by every document and thread:
// HarfBuzz faces are immutable once made and safe to read from many threads.
struct face_cache {
    std::mutex mutex;
    std::map<std::string, hb_face_t*> faces;
    face_cache() = default;
    face_cache(const face_cache&) = delete;
    face_cache& operator=(const face_cache&) = delete;
    ~face_cache() {
        for (auto& [path, face] : faces) hb_face_destroy(face);
    }
};

hb_face_t* source_face(const std::string& path) {
    static face_cache cache;  // for the life of the process
    std::lock_guard lock(cache.mutex);
    auto& face = cache.faces[path];
    if (!face) {
        hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
        if (!blob) return nullptr;
        face = hb_face_create(blob, 0);
        hb_blob_destroy(blob);
        hb_face_make_immutable(face);
    }
    return face;
}

struct input_deleter {
    void operator()(hb_subset_input_t* p) const { hb_subset_input_destroy(p); }
};
struct face_deleter {
    void operator()(hb_face_t* p) const { hb_face_destroy(p); }
};
struct blob_deleter {
    void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
};

bool write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

std::optional<font_subset> font_subset::make(const std::string& ttf_path, const std::vector<char32_t>& code_points) {
    hb_face_t* source = source_face(ttf_path);
    if (!source || hb_face_get_glyph_count(source) == 0) return std::nullopt;
    const std::unique_ptr<hb_subset_input_t, input_deleter> input(hb_subset_input_create_or_fail());
    if (!input) return std::nullopt;
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t cp : code_points) hb_set_add(unicodes, cp);
    // Hinting only helps low-resolution screen rasterisers; PDF viewers ignore most of it.
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
    const std::unique_ptr<hb_face_t, face_deleter> subset(hb_subset_or_fail(source, input.get()));
    if (!subset) return std::nullopt;
    const std::unique_ptr<hb_blob_t, blob_deleter> bytes(hb_face_reference_blob(subset.get()));
    unsigned size = 0;
    const char* data = hb_blob_get_data(bytes.get(), &size);
    if (!data || size == 0) return std::nullopt;

    const int fd = ::memfd_create("closeplan-font", MFD_CLOEXEC);
    if (fd < 0) return std::nullopt;
    if (!write_all(fd, data, size) || ::lseek(fd, 0, SEEK_SET) != 0) {
        ::close(fd);
        return std::nullopt;
    }
    return font_subset(fd, "/proc/self/fd/" + std::to_string(fd));
}

font_subset::font_subset(font_subset&& other) noexcept : fd_(other.fd_), path_(std::move(other.path_)) { other.fd_ = -1; }

font_subset& font_subset::operator=(font_subset&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = other.fd_;
        path_ = std::move(other.path_);
        other.fd_ = -1;
    }
    return *this;
}

font_subset::~font_subset() {
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace closeplan::render
