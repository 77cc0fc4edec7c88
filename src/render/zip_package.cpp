// SPDX-License-Identifier: MIT
// libzip behind render/zip_package.hpp.
#include "render/zip_package.hpp"

#include <zip.h>

#include <cstdio>
#include <memory>
#include <new>

namespace closeplan::render {

namespace {

// DOS date and time of 1980-01-01 00:00: day 1, month 1, year 0 (1980).
constexpr zip_uint16_t dos_date = (0u << 9) | (1u << 5) | 1u;
constexpr zip_uint16_t dos_time = 0;

struct source_closer {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};
struct archive_discarder {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct file_closer {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

std::string source_bytes(zip_source_t* source) {
    if (zip_source_open(source) < 0) throw std::bad_alloc();
    std::string out;
    char chunk[16384];
    for (zip_int64_t n; (n = zip_source_read(source, chunk, sizeof chunk)) > 0;) out.append(chunk, static_cast<std::size_t>(n));
    zip_source_close(source);
    return out;
}

}  // namespace

std::string write_zip(const std::vector<zip_part>& parts) {
    zip_error_t error;
    zip_error_init(&error);
    std::unique_ptr<zip_source_t, source_closer> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) throw std::bad_alloc();
    zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
    zip_error_fini(&error);
    if (!archive) throw std::bad_alloc();
    zip_source_keep(buffer.get());  // the archive frees its reference on close; the bytes are read after
    std::unique_ptr<zip_t, archive_discarder> open_archive(archive);
    for (const auto& part : parts) {
        zip_source_t* data = zip_source_buffer(archive, part.bytes.data(), part.bytes.size(), 0);
        if (!data) throw std::bad_alloc();
        const zip_int64_t index = zip_file_add(archive, part.name.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(data);
            throw std::bad_alloc();
        }
        const auto i = static_cast<zip_uint64_t>(index);
        if (zip_file_set_dostime(archive, i, dos_time, dos_date, 0) < 0 ||
            zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 6) < 0)
            throw std::bad_alloc();
    }
    if (zip_close(archive) < 0) throw std::bad_alloc();
    (void)open_archive.release();  // zip_close freed it
    return source_bytes(buffer.get());
}

std::optional<std::string> read_zip_entry(std::string_view archive_bytes, const std::string& name,
                                          std::size_t max_bytes, std::string& problem) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(archive_bytes.data(), archive_bytes.size(), 0, &error);
    if (!source) {
        zip_error_fini(&error);
        throw std::bad_alloc();
    }
    zip_t* opened = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!opened) {
        problem = std::string("not a zip archive (") + zip_error_strerror(&error) + ")";
        zip_error_fini(&error);
        zip_source_free(source);
        return std::nullopt;
    }
    zip_error_fini(&error);
    std::unique_ptr<zip_t, archive_discarder> archive(opened);  // frees the source with it
    const zip_int64_t index = zip_name_locate(opened, name.c_str(), 0);
    if (index < 0) {
        problem = "the archive has no " + name;
        return std::nullopt;
    }
    std::unique_ptr<zip_file_t, file_closer> file(zip_fopen_index(opened, static_cast<zip_uint64_t>(index), 0));
    if (!file) {
        problem = name + " cannot be read (" + zip_strerror(opened) + ")";
        return std::nullopt;
    }
    std::string out;
    char chunk[16384];
    while (true) {
        const zip_int64_t n = zip_fread(file.get(), chunk, sizeof chunk);
        if (n < 0) {
            problem = name + " is damaged (" + zip_file_strerror(file.get()) + ")";
            return std::nullopt;
        }
        if (n == 0) break;
        if (out.size() + static_cast<std::size_t>(n) > max_bytes) {
            problem = name + " inflates to more than " + std::to_string(max_bytes / 1024) + " KiB";
            return std::nullopt;
        }
        out.append(chunk, static_cast<std::size_t>(n));
    }
    return out;
}

}  // namespace closeplan::render
