#include "core/db/private_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <system_error>
#include <vector>

namespace kitap::core {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void throw_errno(const char* what, const fs::path& path) {
    throw fs::filesystem_error(what, path, std::error_code(errno, std::generic_category()));
}

void sync(const FileDescriptor& file, const fs::path& path) {
    if (::fsync(file.get()) != 0) throw_errno("cannot write", path);
}

}  // namespace

PlantedLinkError::PlantedLinkError(const fs::path& path)
    : fs::filesystem_error("refusing to write through a symbolic link", path,
                           std::make_error_code(std::errc::too_many_symbolic_link_levels)) {}

void refuse_link(const fs::path& path) {
    struct stat status {};
    if (::lstat(path.c_str(), &status) == 0 && S_ISLNK(status.st_mode)) throw PlantedLinkError(path);
}

FileDescriptor::~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
}

FileDescriptor create_private_file(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) return FileDescriptor(fd);
    const int error = errno;
    refuse_link(path);  // O_EXCL reports a link as EEXIST: say what it is
    errno = error;
    throw_errno("cannot create", path);
}

void write_all(const FileDescriptor& file, std::string_view bytes, const fs::path& path) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(file.get(), bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) throw_errno("cannot write", path);
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
}

void copy_and_sync(const FileDescriptor& from, const FileDescriptor& to, const fs::path& to_path) {
    std::vector<char> block(1 << 20);
    for (;;) {
        const ssize_t got = ::read(from.get(), block.data(), block.size());
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) throw_errno("cannot read the file being copied to", to_path);
        if (got == 0) break;
        write_all(to, {block.data(), static_cast<std::size_t>(got)}, to_path);
    }
    sync(to, to_path);
}

StagedFile::StagedFile(fs::path target) : target_(std::move(target)) {
    refuse_link(target_);
    const fs::path folder = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
    std::string pattern = (folder / ("." + target_.filename().string() + ".XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) throw_errno("cannot create a private folder beside", target_);
    folder_ = pattern;
    path_ = folder_ / target_.filename();
    create_private_file(path_);
}

StagedFile::StagedFile(StagedFile&& other) noexcept
    : target_(std::move(other.target_)), folder_(std::exchange(other.folder_, {})), path_(std::move(other.path_)) {}

StagedFile::~StagedFile() {
    if (folder_.empty()) return;
    std::error_code ignored;
    fs::remove_all(folder_, ignored);
}

void StagedFile::commit() {
    refuse_link(target_);
    fs::rename(path_, target_);
    std::error_code ignored;
    fs::remove_all(std::exchange(folder_, {}), ignored);
}

void write_private_file(const fs::path& target, std::string_view bytes) {
    StagedFile staged(target);
    {
        const FileDescriptor file(::open(staged.path().c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC));
        if (file.get() < 0) throw_errno("cannot open", staged.path());
        write_all(file, bytes, staged.path());
        sync(file, staged.path());
    }
    staged.commit();
}

}  // namespace kitap::core
