// SPDX-License-Identifier: MIT
// Writing output files so that a reader never sees a half-written one, and
// nothing that is not an ordinary file is ever replaced (docs/cli.md, "Output paths").
#pragma once

#include <string>
#include <string_view>

namespace closeplan::cli {

/// Writes `bytes` to the file `path`, by what the path names now:
/// - nothing, or a regular file: a temporary file in the same folder renamed
///   over it (folders made when missing), so a reader sees the old file or the
///   new one, never half of one;
/// - a symbolic link to a regular file: the same, over the link's target; the
///   link stays a link;
/// - a character device or a FIFO, or a link to one (`/dev/null`,
///   `/dev/stdout`, a named pipe): written straight into it, never replaced;
/// - anything else (a folder, a block device, a socket, a link to nothing or
///   to one of those): refused with O522, nothing written.
/// Throws closeplan::error: O522 when refused, O520 when the system fails the
/// write; no temporary file is left behind either way.
void write_output_file(const std::string& path, std::string_view bytes);

/// Writes the file `name` of an output folder (`render -o`, `handoff -o`):
/// `folder/name` as write_output_file does (the folder made when missing), or,
/// when `folder` is a character device or FIFO (`-o /dev/null`), straight into
/// it, one file after another. A folder path naming any other kind of file is
/// refused with O522.
void write_into_folder(const std::string& folder, const std::string& name, std::string_view bytes);

/// Makes sure `folder` is a folder the batch can fill: made when missing,
/// O522 when the path is something else (a file, a device), O520 when it
/// cannot be made.
void prepare_output_folder(const std::string& folder);

/// Throws O520 "cannot write `path`: reason" (the system's reason, in lower case).
[[noreturn]] void fail_to_write(const std::string& path, std::string reason);

/// Opens closeplan's own bookkeeping file `path` (the batch's resume
/// manifest) to append lines, emptied first when `truncate`: a regular file or
/// nothing (made 0644), never followed through a symbolic link. O522 for any
/// other kind of file, O520 when the system fails. Returns the descriptor.
int open_own_file_to_append(const std::string& path, bool truncate);

/// A file written piece by piece (the batch's index, error list and report)
/// under the same rules as write_output_file: into a temporary renamed over
/// the target by commit(), dropped if never committed; a character device or
/// FIFO is written as the pieces come. Throws as write_output_file does.
class streamed_output {
public:
    explicit streamed_output(std::string path);
    ~streamed_output();
    streamed_output(const streamed_output&) = delete;
    streamed_output& operator=(const streamed_output&) = delete;

    void write(std::string_view bytes);
    void commit();

private:
    void flush();

    std::string path_;    ///< as given, for messages
    std::string target_;  ///< what the rename replaces (a link's target); empty when written straight
    std::string temp_;
    std::string buffer_;
    int fd_ = -1;
    bool committed_ = false;
};

}  // namespace closeplan::cli
