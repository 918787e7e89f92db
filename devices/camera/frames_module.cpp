#include "devices/camera/frames_module.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <system_error>

namespace kitap::devices {
namespace {

constexpr const char* entry_point = "kitap_frames_module";

tl::unexpected<DeviceError> unusable(std::string reason) {
    return tl::unexpected(DeviceError{"camera support", DeviceError::npos, std::move(reason)});
}

std::string joined(const std::vector<std::filesystem::path>& files) {
    std::string text;
    for (const auto& file : files) text += (text.empty() ? "" : ", ") + file.string();
    return text;
}

tl::expected<const FramesModule*, DeviceError> open_module(const std::filesystem::path& file) {
    // RTLD_LOCAL keeps OpenCV's codec libraries out of the global symbol scope.
    void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) return unusable("cannot load the kitap-frames module " + file.string() + ": " + dlerror());
    using Entry = const FramesModule* (*)();
    const auto entry = reinterpret_cast<Entry>(dlsym(handle, entry_point));
    if (!entry) {
        std::string reason = file.string() + " is not the kitap-frames module: " + dlerror();
        dlclose(handle);
        return unusable(std::move(reason));
    }
    const FramesModule* module = entry();
    if (module->version != FramesModule::current_version) {
        dlclose(handle);
        return unusable("the kitap-frames module " + file.string() + " is version " + std::to_string(module->version) +
                        ", this program needs " + std::to_string(FramesModule::current_version));
    }
    return module;  // never closed: see load_frames_module
}

}  // namespace

std::vector<std::filesystem::path> frames_module_directories() {
    std::vector<std::filesystem::path> directories;
    if (const char* env = std::getenv("KITAP_MODULE_DIR"); env && *env) directories.emplace_back(env);
    std::error_code error;
    const auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        directories.push_back(executable.parent_path());
        directories.push_back((executable.parent_path() / KITAP_MODULE_INSTALL_DIR).lexically_normal());
    }
    return directories;
}

tl::expected<const FramesModule*, DeviceError> load_frames_module(
    const std::vector<std::filesystem::path>& directories) {
    std::vector<std::filesystem::path> looked_at;
    for (const auto& directory : directories) {
        const auto file = directory / frames_module_file;
        std::error_code error;
        if (std::filesystem::exists(file, error)) return open_module(file);
        looked_at.push_back(file);
    }
    return unusable("kitap-frames module not found at " + joined(looked_at));
}

}  // namespace kitap::devices
