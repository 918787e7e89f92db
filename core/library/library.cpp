#include "core/library.hpp"

#include "core/db/database.hpp"
#include "core/library/library_core.hpp"
#include "core/reports/catalog_search.hpp"
#include "core/settings/setting_store.hpp"

namespace kitap::core {
namespace {

int milliseconds(std::chrono::milliseconds duration) { return static_cast<int>(duration.count()); }

void prove_writable(SQLite::Database& db, const LibraryOptions& options) {
    db.setBusyTimeout(milliseconds(options.proof_timeout));
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    SettingStore(db).set(*options.proof_setting, iso_timestamp(now));
}

}  // namespace

OrFault<Library> Library::open(const std::filesystem::path& path, LibraryOptions options) {
    return guarded([&] {
        auto db = open_database(path);
        if (options.proof_setting) prove_writable(db, options);
        db.setBusyTimeout(milliseconds(options.busy_timeout));
        add_fold_case_function(db);
        return Library(std::make_unique<LibraryCore>(path, std::move(options.rules), std::move(db)));
    });
}

OrFault<std::optional<RestoreProblem>> Library::restore(const std::filesystem::path& path,
                                                        const std::filesystem::path& backup) {
    return guarded([&] { return restore_database(path, backup); });
}

Library::Library(std::unique_ptr<LibraryCore> core) : core_(std::move(core)) {}
Library::~Library() = default;
Library::Library(Library&&) noexcept = default;
Library& Library::operator=(Library&&) noexcept = default;

const std::filesystem::path& Library::path() const { return core_->path; }

const Rules& Library::rules() const { return core_->rules; }

StationHandle Library::open_station(StationMode mode, std::string name) {
    return open_station(mode, std::move(name), core_->rules);
}

StationHandle Library::open_station(StationMode mode, std::string name, Rules rules) {
    return StationHandle(core_->store, std::move(rules), mode, std::move(name));
}

void Library::act_as(std::optional<std::string> account) { set_acting_account(core_->db, std::move(account)); }

}  // namespace kitap::core
