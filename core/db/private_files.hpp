#pragma once

#include <filesystem>
#include <string_view>
#include <utility>

namespace kitap::core {

// Kitap refused to write through a symbolic link: one planted where Kitap writes
// a file could point it at a file of someone else's, or at a folder others read.
class PlantedLinkError : public std::filesystem::filesystem_error {
public:
    explicit PlantedLinkError(const std::filesystem::path& path);
};

// Throws PlantedLinkError when `path` is a symbolic link (dangling or not).
void refuse_link(const std::filesystem::path& path);

// An open file descriptor, closed when dropped.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor();
    FileDescriptor(FileDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    FileDescriptor& operator=(FileDescriptor&&) = delete;
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;

    int get() const { return fd_; }

private:
    int fd_;
};

// Creates `path` as a new file readable by its owner only (0600), with
// O_CREAT|O_EXCL|O_NOFOLLOW: neither an existing file nor a link (even a
// dangling one) is ever opened. Throws PlantedLinkError for a link and
// filesystem_error for the rest (the file exists, the folder is not writable).
FileDescriptor create_private_file(const std::filesystem::path& path);

// Writes all of `bytes`; throws filesystem_error naming `path`.
void write_all(const FileDescriptor& file, std::string_view bytes, const std::filesystem::path& path);

// Copies what is left to read from `from` into `to`, then syncs `to` to disk.
void copy_and_sync(const FileDescriptor& from, const FileDescriptor& to, const std::filesystem::path& to_path);

// A file that becomes `target` only once complete. It is written in a private
// folder (0700, mkdtemp) made beside the target, as a file created 0600 there,
// so the libraries that open files by name (SQLite's backup, cairo,
// libxlsxwriter) write where nobody else can reach or plant anything, and a
// reader of `target` never sees half a file. commit() renames it over the
// target: rename() replaces a link at the target rather than following it, so
// a link planted between the check and the rename changes nothing outside.
class StagedFile {
public:
    // Throws PlantedLinkError when `target` is a link, filesystem_error when its folder cannot be written.
    explicit StagedFile(std::filesystem::path target);
    ~StagedFile();  // removes the private folder and what is in it unless committed
    StagedFile(StagedFile&& other) noexcept;
    StagedFile& operator=(StagedFile&&) = delete;
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;

    // Where to write, by name or through open(); it exists, empty and 0600.
    const std::filesystem::path& path() const { return path_; }
    const std::filesystem::path& target() const { return target_; }
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path folder_;
    std::filesystem::path path_;
};

// Writes `bytes` as `target` through a StagedFile: whole or not at all, 0600, never through a link.
void write_private_file(const std::filesystem::path& target, std::string_view bytes);

}  // namespace kitap::core
