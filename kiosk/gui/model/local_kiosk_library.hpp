#pragma once

#include "kiosk/gui/model/kiosk_library.hpp"

#include <filesystem>
#include <type_traits>

namespace kitap::kiosk {

// A kiosk with the library's database on its own disk: its core::Library and the
// stations it opens on it. The librarian's PIN is checked here, against the hash in
// the database's settings (or the demo's), with the lockouts the audit log's tries
// give, so a restart gives a guesser no fresh tries.
class LocalKioskLibrary final : public KioskLibrary {
public:
    // `demo_pin_hash`: the demo's PIN, taken when the library has none.
    LocalKioskLibrary(std::filesystem::path path, core::Rules rules, std::string station_name,
                      std::optional<std::string> demo_pin_hash = std::nullopt);
    ~LocalKioskLibrary() override;
    LocalKioskLibrary(const LocalKioskLibrary&) = delete;
    LocalKioskLibrary& operator=(const LocalKioskLibrary&) = delete;

    const std::filesystem::path& path() const { return path_; }
    bool is_open() const { return station_.has_value(); }

    // Also checks that the database can be written.
    std::optional<Fault> open() override;

    Handled handle(const core::Scan& scan, core::Timestamp now) override;
    Handled handle(const core::StationCommand& command, core::Timestamp now) override;
    Handled submit_reader_pin(std::string_view pin, core::Timestamp now) override;
    void cancel_reader_pin() override;
    Handled expire_idle(core::Timestamp now) override;
    std::optional<core::ReaderSummary> session_reader() const override;
    void set_idle_timeout(std::chrono::seconds timeout) override;
    std::string command_code(core::Command command) const override;
    LinkStatus link_status() const override { return {}; }

    void open_desk(core::StationMode mode) override;
    void close_desk() override;
    core::StationMode desk_mode() const override { return desk_mode_; }
    Handled handle_at_desk(const core::Scan& scan, core::Timestamp now) override;
    Handled handle_at_desk(const core::StationCommand& command, core::Timestamp now) override;
    std::optional<core::ReaderSummary> desk_reader() const override;
    std::optional<core::Condition> desk_condition() const override;

    tl::expected<std::vector<core::HeldItem>, Fault> held_items(const std::string& card) override;
    tl::expected<std::vector<core::ClassProvision>, Fault> class_provision(core::Date today) override;
    tl::expected<std::optional<core::ClassSetProgress>, Fault> class_progress(const std::string& class_name,
                                                                              core::Date today) override;
    tl::expected<core::IssueSetOutcome, Fault> issue_class_set(const std::string& class_name, core::Timestamp now,
                                                               bool dry_run) override;
    tl::expected<core::ProvisionReport, Fault> provision(core::Date today) override;
    tl::expected<std::vector<core::ClassDebtors>, Fault> debtors(core::Date today) override;
    tl::expected<std::optional<core::StocktakeStatus>, Fault> stocktake_status() override;
    tl::expected<core::Checked<core::RowId>, Fault> start_stocktake(const std::string& scope,
                                                                    core::Timestamp now) override;
    tl::expected<core::Checked<core::StocktakeReport>, Fault> finish_stocktake(core::Timestamp now) override;
    tl::expected<LookupResult, Fault> look_up(std::string_view raw) override;
    tl::expected<core::DemoSamples, Fault> demo_samples(core::Date today) override;
    tl::expected<std::vector<core::CatalogEntry>, Fault> find_books(const std::string& text) override;
    tl::expected<wire::HoldPlaced, Fault> place_hold(const std::string& card, core::RowId title_id,
                                                     core::Timestamp now) override;

    std::optional<std::string> setting(const std::string& key) override;
    std::optional<int> setting_number(const core::NumberSetting& setting) override;
    std::optional<Fault> set_setting(const std::string& key, const std::string& value, core::Timestamp now) override;
    std::optional<Fault> record(core::LibrarianActionKind action, core::Timestamp now,
                                std::string detail = {}) override;

    tl::expected<PinState, Fault> librarian_pin_state(core::Timestamp now) override;
    tl::expected<PinCheck, Fault> check_librarian_pin(std::string pin, core::Timestamp now) override;

private:
    // The library's answer, or the fault that stopped it (also when the library is closed).
    template <typename Call>
    auto served(Call&& call) -> tl::expected<typename std::invoke_result_t<Call, core::Library&>::value_type, Fault>;
    void close();
    void open_pupil_station();
    // A station's answer as Handled: its outcomes, or the fault that stopped it
    // (also when the station is closed).
    template <typename Call>
    Handled on_station(std::optional<core::StationHandle>& station, Call&& call);
    // Every call to the library ends here, handing its answer on: the reads it left
    // open are let go of, so that between pupils the kiosk holds no snapshot of the
    // database. One would keep every later commit of another program (the web
    // console's desks) in the log (WAL), where no checkpoint could copy it and it grew.
    template <typename Answer>
    Answer done_reading(Answer answer);
    // The PIN's hash in the settings, else the demo's; nullopt when neither.
    tl::expected<std::optional<std::string>, Fault> pin_hash();
    // The keypad's guard with the audit log's tries since the last unlock.
    tl::expected<PinGuard, Fault> pin_guard();

    std::filesystem::path path_;
    core::Rules rules_;
    std::string station_name_;
    std::optional<std::string> demo_pin_hash_;
    std::optional<core::Library> library_;
    std::optional<core::StationHandle> station_;
    std::optional<core::StationHandle> desk_;
    core::StationMode desk_mode_ = core::StationMode::desk;
};

}  // namespace kitap::kiosk
