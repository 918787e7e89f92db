#include "core/library.hpp"

#include "core/db/database.hpp"
#include "core/db/write_transaction.hpp"
#include "core/library/library_core.hpp"
#include "core/reports/catalog_search.hpp"
#include "core/settings/setting_store.hpp"

#include <sqlite3.h>

namespace kitap::core {
namespace {

void prove_writable(SQLite::Database& db, const LibraryOptions& options) {
    set_busy_wait(db, options.proof_timeout);
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    SettingStore(db).set(*options.proof_setting, iso_timestamp(now));
}

}  // namespace

OrFault<Library> Library::open(const std::filesystem::path& path, LibraryOptions options) {
    return guarded([&] {
        auto db = open_database(path);
        if (options.proof_setting) prove_writable(db, options);
        set_busy_wait(db, options.busy_timeout);
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

void Library::release_reads() { without_open_reads(core_->db); }

OrFault<DataVersion> Library::data_version() {
    return guarded([&] {
        return DataVersion{.others = core_->db.execAndGet("PRAGMA data_version").getInt64(),
                           .own = sqlite3_total_changes64(core_->db.getHandle())};
    });
}

}  // namespace kitap::core
