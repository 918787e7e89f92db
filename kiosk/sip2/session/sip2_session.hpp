#pragma once

#include "core/library.hpp"
#include "kiosk/app/translator.hpp"
#include "kiosk/sip2/codec/message.hpp"
#include "kiosk/sip2/transport/sip2_server.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::sip2 {

// What every terminal's session shares: whose library it is and what to call it.
struct SessionSettings {
    std::string institution = "kitap";  // AO: the school's [school] id when the configuration has one
    std::string library_name;           // AM in the status answer: the school's name
};

// One terminal's conversation (a connection of `kitap sip2`): it logs in with 93 as a
// sip2 account, then every message goes through one self-service core::Station named
// after its location code, under the same rules as the Kitap kiosk, and is answered
// in the account's language with checksums when the terminal uses them.
//
// The station holds one patron's session at a time, as the kiosk does: a message for
// another patron closes it first, so a terminal serving pupils one after another is
// the kiosk with another front. Each change is one core transaction, committed before
// its answer is made, so an answer that says ok=1 is on disk.
class Sip2Session : public Conversation {
public:
    using Clock = std::function<core::Timestamp()>;

    Sip2Session(core::Library& library, SessionSettings settings, Peer peer, Clock clock);

    std::string answer(std::string_view bytes) override;
    bool finished() const override { return finished_; }

private:
    struct Terminal {
        core::Account account;
        std::string location;  // its station's name in the audit log
        core::StationHandle station;
        app::Translator tr;
    };
    // The patron whose session a message needs: open, or why not.
    struct PatronCheck {
        std::optional<core::ReaderRecord> reader;  // nullopt: no reader has the card
        bool open = false;                         // the station's session is this reader's now
        bool password_ok = false;                  // CQ: the PIN was right, or none was needed
        std::optional<core::StationOutcome> refusal;
    };

    Message respond(const Message& request);
    Message log_in(const Message& request);
    Message status();
    Message patron_status(const Message& request, bool information);
    Message checkout(const Message& request);
    Message checkin(const Message& request);
    Message item_information(const Message& request);
    Message renew(const Message& request);
    Message renew_all(const Message& request);
    Message end_session(const Message& request);
    Message fee_paid(const Message& request);
    Message block_patron(const Message& request);

    PatronCheck open_patron(const Message& request);
    void close_patron();
    template <typename Result>
    Result checked(core::OrFault<Result> result);
    std::string say(const core::StationOutcome& outcome) const;
    std::string say(std::string_view key, const app::MessageArgs& args = {}) const;
    std::string date_now() const;
    std::string due_date(core::Date due) const;
    bool error_detection(const Message& request) const;

    core::Library& library_;
    SessionSettings settings_;
    Peer peer_;
    Clock clock_;
    core::Timestamp now_{};  // the time of the message being answered
    std::optional<Terminal> terminal_;
    std::vector<core::WaitingHold> holds_ready_;  // the open session's reader's, from the station
    std::string last_answer_;                     // for 97, request ACS resend
    int failed_logins_ = 0;
    bool finished_ = false;
};

// The institution id SIP2's AO carries: the school's id, else "kitap".
std::string institution_id(const std::optional<std::string>& school_id);

}  // namespace kitap::sip2
