#pragma once

#include "core/circulation/card_throttle.hpp"
#include "core/circulation/station.hpp"
#include "core/library/fault.hpp"
#include "core/offline/offline_journal.hpp"
#include "core/offline/offline_snapshot.hpp"
#include "core/rules.hpp"

#include <optional>
#include <string>

namespace kitap::core {

// A self-service kiosk's station while its school server cannot be reached: it answers
// as core::Station does (the same outcomes, reasons and session snapshot) for what the
// cached snapshot lets it decide, and refuses everything else with `needs_server`: a
// card or code the cache does not know, a reader who needs a PIN, a title by ISBN,
// a textbook (class sets and debts are the server's), any command but "done".
// Each accepted scan (a loan, a return, the card that opened the session) is written to
// the journal, with its change to the cache, in one durable transaction before its
// outcome is returned; the server applies the journal later with its own rules. The
// journal names the station. A Fault when the kiosk's file fails: nothing of that scan
// was kept.
class OfflineStation {
public:
    OfflineStation(OfflineJournal& journal, Rules rules);

    OrFault<StationResult> handle(const Scan& scan, Timestamp now);
    OrFault<StationResult> handle(const StationCommand& command, Timestamp now);

    // As Station's: a session nobody touched for the idle timeout ends.
    std::optional<StationOutcome> expire_idle_session(Timestamp now);
    OrFault<SessionSnapshot> snapshot(Timestamp now);

    const std::optional<OfflineReader>& session_reader() const { return memory_.session; }

private:
    // A code as far as the cache knows it.
    struct OfflineCode {
        CodeKind kind = CodeKind::unknown;
        std::string code;
        std::optional<OfflineReader> reader;
        std::optional<OfflineCopy> copy;
        std::optional<Command> command;
    };

    struct LastScan {
        std::string code;
        Timestamp at;
        std::optional<std::string> session_card;
    };

    template <typename Input>
    OrFault<StationResult> answer(Timestamp now, Input&& input);
    StationOutcome handle_code(std::string code, Timestamp now);
    OfflineCode classify(std::string code);
    StationOutcome dispatch(OfflineCode code, Timestamp now);
    StationOutcome on_command(const std::string& code, Command command);
    StationOutcome on_reader(const std::string& code, const OfflineReader& reader, Timestamp now);
    StationOutcome on_copy(const OfflineCopy& copy, Timestamp now);
    StationOutcome take_back(StationOutcome outcome, const OfflineCopy& copy, Timestamp now);
    StationOutcome lend(StationOutcome outcome, const OfflineCopy& copy, const OfflineReader& reader, Timestamp now);
    StationOutcome renew_by_button(RenewLoan renewal, Timestamp now);
    SessionSnapshot session_snapshot(Timestamp now);
    bool is_double_fire(const std::string& code, Timestamp now) const;

    // What the station remembers between inputs: put back as it was when an input's
    // transaction fails, so that nothing of a faulted scan is kept here either.
    struct Memory {
        std::optional<OfflineReader> session;  // as the cache had it after the last input
        CardThrottle throttle;
        Timestamp last_activity{};
        std::optional<LastScan> last_scan;
    };

    OfflineJournal& journal_;
    Rules rules_;
    Memory memory_;
};

}  // namespace kitap::core
