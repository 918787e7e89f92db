#include "kiosk/web/web_server.hpp"

#include "core/db/private_files.hpp"
#include "kiosk/web/bounded_task_queue.hpp"
#include "kiosk/web/responses.hpp"

#include <algorithm>
#include <iostream>
#include <thread>
#include <utility>

namespace kitap::web {
namespace {

// What every response carries: nothing of the console runs inline or from another
// site, nothing is sniffed into another type, framed, or told where it came from.
httplib::Headers security_headers() {
    return {
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
         "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
    };
}

bool changes_state(const std::string& method) {
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

// A refusal httplib makes itself (a malformed request line, a body over the limit ...):
// its code and message for the JSON it is sent with.
std::pair<std::string_view, std::string_view> refusal_of_status(int status) {
    switch (status) {
        case 400:
            return {"bad_request", "the request is malformed"};
        case 404:
            return {"not_found", "no such page or route"};
        case 405:
            return {"method_not_allowed", "this route does not take that method"};
        case 413:
            return {"too_large", "the request body is over the server's limit (20 MB)"};
        case 414:
            return {"uri_too_long", "the request's address is too long"};
        case 416:
            return {"bad_range", "the requested range cannot be served"};
        default:
            return status >= 500 ? std::pair{"internal", "the server failed to answer this request"}
                                 : std::pair{"refused", "the request was refused"};
    }
}

std::map<app::Language, std::string> translation_tables() {
    std::map<app::Language, std::string> tables;
    for (const auto language : {app::Language::kk, app::Language::ru, app::Language::en}) {
        const app::Translator tr(language);
        auto table = nlohmann::json::object();
        for (const auto& key : app::Translator::keys(app::Language::en)) table[key] = tr(key);
        tables[language] = table.dump();
    }
    return tables;
}

bool role_allows(core::AccountRole role, Access access) {
    // A station account calls only /api/station/*, with its token (station_routes.cpp);
    // a sip2 account logs in only to `kitap sip2` (core refuses it here already).
    if (role == core::AccountRole::station || role == core::AccountRole::sip2) return false;
    switch (access) {
        case Access::signed_in:
        case Access::class_reads:
            return true;
        case Access::reads:
            return role != core::AccountRole::teacher;
        case Access::changes:
            return role == core::AccountRole::librarian;
    }
    return false;
}

}  // namespace

core::Timestamp system_now() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

void ApiCall::send_kept(const std::function<answers::AnswerOr()>& make) {
    auto key = request.path;
    for (const auto& [name, value] : request.params) key += "\n" + name + "=" + value;
    key += "\n" + std::string(app::to_string(tr.language())) + "\n" + core::iso_date(core::local_date(now));
    web::send_kept(response, answer_cache, library, key, make);
}

bool may_see_class(const core::Account& account, std::string_view class_name) {
    if (account.role != core::AccountRole::teacher) return true;
    return std::find(account.classes.begin(), account.classes.end(), class_name) != account.classes.end();
}

core::OrFault<std::unique_ptr<WebServer>> WebServer::open(ServerSettings settings, std::optional<TlsFiles> tls) {
    settings.library.rules = settings.config.rules;
    auto pool = LibraryPool::open(settings.database, settings.library, settings.libraries);
    if (!pool) return tl::unexpected(pool.error());
    std::unique_ptr<httplib::Server> http;
    if (tls) {
        core::refuse_link(tls->certificate);
        core::refuse_link(tls->key);
        http = std::make_unique<httplib::SSLServer>(tls->certificate.c_str(), tls->key.c_str());
        if (!http->is_valid())
            throw TlsError("cannot use the certificate " + tls->certificate.string() + " with the key " +
                           tls->key.string());
    } else {
        http = std::make_unique<httplib::Server>();
    }
    return std::unique_ptr<WebServer>(
        new WebServer(std::move(settings), std::move(*pool), std::move(http), tls.has_value()));
}

WebServer::WebServer(ServerSettings settings, std::unique_ptr<LibraryPool> pool, std::unique_ptr<httplib::Server> http,
                     bool tls)
    : settings_(std::move(settings)),
      pool_(std::move(pool)),
      sessions_(settings_.sessions),
      http_(std::move(http)),
      tls_(tls),
      translations_(translation_tables()) {
    set_limits();
    add_public_routes();
    add_account_routes();
    add_desk_routes();
    add_answer_routes();
    add_record_routes();
    add_action_routes();
    add_public_answer_routes();
    add_station_routes();
}

WebServer::~WebServer() { stop(); }

std::optional<int> WebServer::bind(const std::string& host, int port) {
    if (port == 0) {
        const int bound = http_->bind_to_any_port(host);
        return bound > 0 ? std::optional<int>(bound) : std::nullopt;
    }
    return http_->bind_to_port(host, port) ? std::optional<int>(port) : std::nullopt;
}

bool WebServer::run() {
    run_called_ = true;
    const bool served = stop_called_ || http_->listen_after_bind();
    run_ended_ = true;
    return served;
}

void WebServer::stop() {
    // httplib's stop() does nothing to a server not listening yet, which would then listen
    // for ever: a run() yet to begin sees stop_called_ and returns, and one that has begun
    // is waited for until it listens (or has given up). Both flags are sequentially
    // consistent, so one of the two sides sees the other's.
    stop_called_ = true;
    while (run_called_ && !run_ended_ && !http_->is_running()) std::this_thread::yield();
    if (http_->is_running()) http_->stop();
}

void WebServer::set_limits() {
    const auto workers = settings_.workers;
    const auto max_waiting = settings_.max_waiting;
    http_->new_task_queue = [workers, max_waiting] { return new BoundedTaskQueue(workers, max_waiting); };
    http_->set_payload_max_length(settings_.max_body_bytes);
    http_->set_read_timeout(settings_.io_timeout);
    http_->set_write_timeout(settings_.io_timeout);
    http_->set_keep_alive_timeout(settings_.keep_alive.count());
    http_->set_keep_alive_max_count(settings_.keep_alive_requests);
    // httplib writes a reply's headers and body apart: with Nagle's algorithm the body waits for the
    // client's delayed ACK (40 ms and more on Linux), so every answer would take that long.
    http_->set_tcp_nodelay(true);
    http_->set_default_headers(security_headers());
    // httplib bounds each header line (8 KB) but not their number.
    http_->set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
        if (request.headers.size() <= settings_.max_headers) return httplib::Server::HandlerResponse::Unhandled;
        send_error(response, 431, "headers_too_large",
                   "more than " + std::to_string(settings_.max_headers) + " header lines");
        return httplib::Server::HandlerResponse::Handled;
    });
    // Refusals httplib makes itself come without a body: give them the API's error shape.
    http_->set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& response) {
            if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            const auto [code, message] = refusal_of_status(response.status);
            send_error(response, response.status, code, message);
            return httplib::Server::HandlerResponse::Handled;
        }));
    http_->set_exception_handler([](const httplib::Request& request, httplib::Response& response,
                                    std::exception_ptr error) {
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& e) {
            std::cerr << "kitap serve: " << request.method << ' ' << request.path << ": " << e.what() << '\n';
        } catch (...) {
            std::cerr << "kitap serve: " << request.method << ' ' << request.path << ": unknown exception\n";
        }
        send_error(response, 500, "internal", "the server failed to answer this request; it is in the server's log");
    });
}

void WebServer::add_public_routes() {
    http_->Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
        send_json(response, 200, {{"status", "ok"}});
    });
    http_->Get("/api/i18n/([a-z]+)", [this](const httplib::Request& request, httplib::Response& response) {
        const auto language = app::language_from(request.matches[1].str());
        if (!language || request.matches[1].length() != 2)
            return send_error(response, 404, "unknown_language",
                              "no translation for \"" + request.matches[1].str() + "\": kk, ru or en");
        response.set_content(translations_.at(*language), "application/json; charset=utf-8");
    });
    // Every other GET outside /api is a page, script, style or image of the console.
    http_->Get("/(?!api/).*", [this](const httplib::Request& request, httplib::Response& response) {
        const auto asset = find_asset(settings_.assets, request.path);
        if (!asset) return send_error(response, 404, "not_found", "no such page: " + request.path);
        response.set_header("Cache-Control", "no-cache");
        response.set_content(asset->contents.data(), asset->contents.size(), std::string(asset->content_type));
    });
}

void WebServer::api(const std::string& method, const std::string& pattern, Access access, ApiHandler handler,
                    LibraryFor library_for) {
    auto route = [this, access, handler = std::move(handler), library_for](const httplib::Request& request,
                                                                           httplib::Response& response) {
        serve_api(request, response, access, handler, library_for);
    };
    if (method == "GET")
        http_->Get(pattern, route);
    else if (method == "POST")
        http_->Post(pattern, route);
    else if (method == "PUT")
        http_->Put(pattern, route);
    else if (method == "DELETE")
        http_->Delete(pattern, route);
    else
        throw std::logic_error("no such method for an API route: " + method);
}

std::optional<LibraryPool::Lease> WebServer::borrow(std::optional<std::size_t> slot) {
    return slot ? pool_->borrow(*slot, settings_.library_wait) : pool_->borrow(settings_.library_wait);
}

// The checks every API request passes, in order: a live session, the CSRF token of a
// change, a Library, the account as stored now (a changed password or a removed account
// ends the session), its role; then the handler, with the Library acting as the account.
void WebServer::serve_api(const httplib::Request& request, httplib::Response& response, Access access,
                          const ApiHandler& handler, LibraryFor library_for) {
    response.set_header("Cache-Control", "no-store");
    // A station account's token opens the station routes and nothing else.
    if (request.has_header("Authorization"))
        return send_error(response, 403, "forbidden", "a station account's token is only for /api/station/*");
    const auto now = settings_.clock();
    const auto language = requested_language(request.params, request.get_header_value("Accept-Language"));
    if (!language) return send_error(response, 400, "bad_request", language.error().message);
    const auto session = sessions_.find(session_id_from_cookies(request.get_header_value("Cookie")), now);
    if (!session) return send_error(response, 401, "not_signed_in", "sign in first, or again: the session has ended");
    if (changes_state(request.method) && !same_secret(request.get_header_value("X-CSRF-Token"), session->csrf))
        return send_error(response, 403, "csrf", "the X-CSRF-Token header is missing or wrong");
    const auto lease = borrow(
        library_for == LibraryFor::session_stations ? std::optional<std::size_t>(session->library_slot) : std::nullopt);
    if (!lease) return send_busy(response);
    auto& library = lease->library();
    const auto account = library.accounts().find(session->account.name);
    if (!account) return send_fault(response, account.error());
    if (!*account || (*account)->credentials_version != session->account.credentials_version) {
        sessions_.end(session->id);
        return send_error(response, 401, "not_signed_in", "the account's password changed or it was removed");
    }
    if (!role_allows((*account)->role, access))
        return send_error(response, 403, "forbidden",
                          "a " + std::string(core::to_string((*account)->role)) + " may not do this");
    const app::Translator tr(*language);
    const ActingAs acting(library, (*account)->name);
    ApiCall call{.request = request,
                 .response = response,
                 .session = *session,
                 .account = **account,
                 .library = library,
                 .answer_cache = lease->answer_cache(),
                 .tr = tr,
                 .config = settings_.config,
                 .now = now};
    handler(call);
}

std::string WebServer::session_cookie(const std::string& value, std::optional<std::chrono::seconds> max_age) const {
    auto cookie = std::string(session_cookie_name) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
    if (max_age) cookie += "; Max-Age=" + std::to_string(max_age->count());
    if (tls_) cookie += "; Secure";
    return cookie;
}

}  // namespace kitap::web
