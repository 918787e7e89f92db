#pragma once

#include "core/offline/offline_cache.hpp"
#include "core/offline/offline_journal.hpp"
#include "core/offline/offline_station.hpp"
#include "kiosk/gui/model/kiosk_library.hpp"
#include "kiosk/remote/server_link.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>

namespace kitap::kiosk {

// A kiosk whose station is the school's `kitap serve` (kitap-kiosk --server): every
// station call goes to /api/station/*, and the server keeps the sessions, checks the
// librarian's PIN and writes the audit log. When the server does not answer a pupil's
// scan, the kiosk goes on alone: the same scan goes to an OfflineStation over the
// cache of readers and copies it keeps (refreshed at start and every ten minutes
// online), each accepted scan is in its journal before it is shown, and what the
// cache cannot decide is refused with `needs_server`. Every few seconds it asks the
// server's hello again; once it answers, the journal goes up in order (the server
// applies each entry id once), then a fresh cache, then online again.
class RemoteKioskLibrary final : public KioskLibrary {
public:
    using Steady = std::chrono::steady_clock;

    struct Settings {
        remote::ServerAddress address;
        std::string token;
        std::optional<std::string> trusted_fingerprint;  // required over https
        std::string station;                             // the station account's name
        std::filesystem::path journal;                   // the kiosk's own file: journal and cache
        core::Rules rules;  // the offline station's; the server's idle timeout replaces this one's
        remote::LinkTimeouts timeouts;
        std::chrono::seconds retry_every{5};      // offline: how often to ask whether the server is back
        std::chrono::seconds refresh_every{600};  // online: how often to take a fresh cache
    };

    explicit RemoteKioskLibrary(Settings settings);
    ~RemoteKioskLibrary() override;
    RemoteKioskLibrary(const RemoteKioskLibrary&) = delete;
    RemoteKioskLibrary& operator=(const RemoteKioskLibrary&) = delete;

    // Opens the journal (its lock keeps a second kiosk off it) and asks the server;
    // a server that does not answer is no fault: the kiosk starts offline.
    std::optional<Fault> open() override;

    Handled handle(const core::Scan& scan, core::Timestamp now) override;
    Handled handle(const core::StationCommand& command, core::Timestamp now) override;
    Handled submit_reader_pin(std::string_view pin, core::Timestamp now) override;
    void cancel_reader_pin() override;
    Handled expire_idle(core::Timestamp now) override;
    std::optional<core::ReaderSummary> session_reader() const override;
    void set_idle_timeout(std::chrono::seconds timeout) override;
    std::string command_code(core::Command command) const override;
    LinkStatus link_status() const override;

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
    using Reply = tl::expected<remote::LinkReply, remote::LinkProblem>;

    // Every call to the server: carries the journal's count, and a server that does not
    // answer sends the kiosk offline.
    Reply get(const std::string& path);
    Reply post(const std::string& path, const nlohmann::json& body);
    Reply noted(Reply reply);

    // Before each call: offline, ask whether the server is back (at most every
    // retry_every); online, refresh the cache when it is due. A fault when the server
    // answers but cannot be trusted or understood.
    std::optional<Fault> tend();
    std::optional<Fault> reconnect();
    std::optional<Fault> upload_journal();
    void refresh_cache();
    void take_hello(const nlohmann::json& hello);
    void go_offline();
    void count_journal();

    // A librarian panel's answer (/api/station/librarian/PATH), or the fault to show.
    template <typename T>
    tl::expected<T, Fault> librarian_get(const std::string& path);
    template <typename T>
    tl::expected<std::optional<T>, Fault> librarian_get_optional(const std::string& path);
    template <typename T>
    tl::expected<T, Fault> librarian_post(const std::string& path, const nlohmann::json& body);

    // A station route's answer as Handled; a pupil's scan the server did not answer goes
    // to the offline station instead.
    Handled station_call(const std::string& path, const nlohmann::json& body, bool pupils);
    Handled followed_at_desk(Handled handled);
    template <typename Input>
    Handled pupils_input(const std::string& path, const nlohmann::json& body, const Input& input, core::Timestamp now);
    Handled offline_handled(const core::OrFault<core::StationResult>& result);

    Settings settings_;
    std::unique_ptr<remote::ServerLink> link_;
    std::optional<core::OfflineJournal> journal_;
    std::optional<core::OfflineCache> cache_;
    std::optional<core::OfflineStation> offline_;  // while the server does not answer
    bool online_ = false;
    int journal_waiting_ = 0;
    Steady::time_point tried_at_{};
    Steady::time_point refreshed_at_{};
    std::map<core::Command, std::string> command_codes_;  // the server's (hello)
    std::optional<std::string> language_;                 // the librarian's choice on the server (hello)
    std::optional<int> librarian_lock_seconds_;
    std::optional<core::ReaderSummary> session_reader_;
    std::optional<core::ReaderSummary> desk_reader_;
    core::StationMode desk_mode_ = core::StationMode::desk;
    core::Condition desk_condition_ = core::Condition::good;  // the server's return station's, from its outcomes
};

}  // namespace kitap::kiosk
