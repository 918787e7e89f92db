#pragma once

#include "core/embedded_file.hpp"
#include "core/library.hpp"
#include "kiosk/answers/answer_context.hpp"
#include "kiosk/app/config.hpp"
#include "kiosk/app/translator.hpp"
#include "kiosk/web/api_requests.hpp"
#include "kiosk/web/library_pool.hpp"
#include "kiosk/web/remote_stations.hpp"
#include "kiosk/web/session_store.hpp"
#include "kiosk/web/static_assets.hpp"
#include "kiosk/web/tls_certificate.hpp"
#include "kiosk/workbook/workbook.hpp"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>

namespace kitap::web {

core::Timestamp system_now();

struct ServerSettings {
    std::filesystem::path database;
    app::Config config;  // the rules, the school's name on documents, the label stock
    // The web's Libraries (under config's rules) wait only briefly for another program's write lock: a
    // locked database is a quick 503 to the browser, never a hung page.
    core::LibraryOptions library{.busy_timeout = std::chrono::milliseconds(1000)};
    std::size_t libraries = 4;  // SQLite connections; the RSS target is 60 MB
    // How long a request waits for a free Library before it is told the server is busy.
    std::chrono::milliseconds library_wait{2000};
    // Threads serving connections. A browser keeps a few connections open between its
    // requests, each holding a thread until `keep_alive` passes, so there are more
    // threads than Libraries; a request holds a Library only while it is answered.
    std::size_t workers = 16;
    std::size_t max_waiting = 32;  // accepted connections waiting for a thread; the rest wait in the backlog
    std::size_t max_body_bytes = 20 * 1024 * 1024;
    std::size_t max_headers = 100;
    std::chrono::seconds io_timeout{10};   // each read or write of a connection
    std::chrono::seconds keep_alive{2};    // an idle kept-alive connection is closed after this
    std::size_t keep_alive_requests = 50;  // then a connection is closed, so waiting ones get their turn
    SessionLimits sessions;
    // An uploaded .xls is read by a fresh `kitap __read-xls` (program: this kitap), never a fork of this threaded
    // process.
    workbook::XlsChild xls_child{.start = workbook::XlsChild::Start::spawn};
    std::function<core::Timestamp()> clock = system_now;
    std::span<const EmbeddedFile> assets = web_assets();
};

// Whom a route serves: the librarian everything; the director every reading and
// nothing that changes; a teacher only what concerns their own classes (a class_reads
// route checks the class with may_see_class and answers 403 for another).
enum class Access {
    signed_in,    // anyone signed in: their own session and account
    reads,        // the librarian and the director
    class_reads,  // and teachers, for their own classes
    changes,      // the librarian only
};

// One API request under way: who asks, with which Library (already acting as them).
struct ApiCall {
    const httplib::Request& request;
    httplib::Response& response;
    Session& session;
    const core::Account& account;  // as stored now, not as at the login
    core::Library& library;
    AnswerCache& answer_cache;  // the Library's
    const app::Translator& tr;
    const app::Config& config;
    core::Timestamp now;

    answers::AnswerContext answer_context() const { return {library, tr, config, now}; }
    // The answer kept for this request (its path, parameters, language and day) while the data is
    // unchanged, else make()'s: for reads that take milliseconds to make.
    void send_kept(const std::function<answers::AnswerOr()>& make);
};

// Every change this Library makes during the request is the account's, and only then.
class ActingAs {
public:
    ActingAs(core::Library& library, const std::string& account) : library_(library) { library_.act_as(account); }
    ~ActingAs() { library_.act_as(std::nullopt); }
    ActingAs(const ActingAs&) = delete;
    ActingAs& operator=(const ActingAs&) = delete;

private:
    core::Library& library_;
};

// Whether the account may see this class's pupils, loans and debtors.
bool may_see_class(const core::Account& account, std::string_view class_name);

// `kitap serve`'s HTTP(S) server over a pool of Libraries on one database.
class WebServer {
public:
    // Opens the Libraries (their fault, when one cannot open) and, with `tls`, loads the
    // certificate and key (TlsError when they cannot be used).
    static core::OrFault<std::unique_ptr<WebServer>> open(ServerSettings settings, std::optional<TlsFiles> tls);
    ~WebServer();
    WebServer(const WebServer&) = delete;
    WebServer& operator=(const WebServer&) = delete;

    // Binds; port 0 takes any free one. The port bound, or nullopt.
    std::optional<int> bind(const std::string& host, int port);
    // Serves until stop(); false when it could not.
    bool run();
    // Ends run(), also one that another thread has called and that is not listening yet.
    void stop();
    bool tls() const { return tls_; }

private:
    WebServer(ServerSettings settings, std::unique_ptr<LibraryPool> pool, std::unique_ptr<httplib::Server> http,
              bool tls);

    // Where a route's Library comes from: any free one, or the one the session's stations belong to.
    enum class LibraryFor { any, session_stations };
    using ApiHandler = std::function<void(ApiCall&)>;
    void api(const std::string& method, const std::string& pattern, Access access, ApiHandler handler,
             LibraryFor library_for = LibraryFor::any);
    void serve_api(const httplib::Request& request, httplib::Response& response, Access access,
                   const ApiHandler& handler, LibraryFor library_for);
    // /api/station/*: a station account's token instead of a session (station_routes.cpp).
    using StationHandler = std::function<void(StationCall&)>;
    void station_api(const std::string& method, const std::string& pattern, StationHandler handler);
    void serve_station(const httplib::Request& request, httplib::Response& response, const StationHandler& handler);
    // The Library for this token's stations and the stations, or nullopt with the refusal sent.
    std::optional<std::pair<LibraryPool::Lease, std::shared_ptr<RemoteStation>>> remote_station_for(
        const httplib::Request& request, httplib::Response& response);
    std::optional<LibraryPool::Lease> borrow(std::optional<std::size_t> slot);

    void set_limits();
    void add_public_routes();
    void add_account_routes();
    void add_user_routes();
    void add_desk_routes();
    void add_answer_routes();
    void add_record_routes();
    void add_action_routes();
    void add_public_answer_routes();
    void add_station_routes();
    void add_librarian_station_routes();
    void add_journal_routes();
    // /api/station/librarian/*: a remote kiosk's librarian panels (station_panel_routes.cpp).
    void add_station_panel_routes();
    void log_in(const httplib::Request& request, httplib::Response& response);
    std::string session_cookie(const std::string& value, std::optional<std::chrono::seconds> max_age) const;

    ServerSettings settings_;
    std::unique_ptr<LibraryPool> pool_;
    SessionStore sessions_;           // after pool_: their stations go before the Libraries they use
    RemoteStations remote_stations_;  // likewise
    std::unique_ptr<httplib::Server> http_;
    bool tls_;
    std::atomic<bool> stop_called_{false};
    std::atomic<bool> run_called_{false};
    std::atomic<bool> run_ended_{false};
    std::mutex login_mutex_;  // one password hash at a time: argon2id takes 19 MiB each
    // One librarian PIN check at a time (argon2id, 64 MiB), its tries read and written in turn. Not login_mutex_:
    // a PIN check holds a Library while it waits, a login waits before it borrows one.
    std::mutex librarian_pin_mutex_;
    std::map<app::Language, std::string> translations_;  // GET /api/i18n/{lang}, made once
};

}  // namespace kitap::web
