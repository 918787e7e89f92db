// POST /api/login, POST /api/logout, GET /api/me, POST /api/me/password.
#include "kiosk/web/responses.hpp"
#include "kiosk/web/web_server.hpp"

namespace kitap::web {
namespace {

nlohmann::json signed_in(const core::Account& account, const Session& session) {
    return {{"user", account.name}, {"role", core::to_string(account.role)}, {"csrf", session.csrf}};
}

}  // namespace

void WebServer::add_account_routes() {
    http_->Post("/api/login", [this](const httplib::Request& request, httplib::Response& response) {
        response.set_header("Cache-Control", "no-store");
        log_in(request, response);
    });
    api("POST", "/api/logout", Access::signed_in, [this](ApiCall& call) {
        sessions_.end(call.session.id);
        call.response.set_header("Set-Cookie", session_cookie("", std::chrono::seconds(0)));
        send_json(call.response, 200, {{"user", call.account.name}, {"signed_in", false}});
    });
    api("GET", "/api/me", Access::signed_in, [](ApiCall& call) {
        auto me = signed_in(call.account, call.session);
        me["classes"] = call.account.classes;
        send_json(call.response, 200, me);
    });
    // The account's own password. This browser gets a new session (a new id and CSRF
    // token); every other session of the account ends.
    api("POST", "/api/me/password", Access::signed_in, [this](ApiCall& call) {
        const auto body = parse_json_object(call.request.body);
        if (!body) return send_error(call.response, 400, "bad_request", body.error().message);
        const auto password = body->find("password");
        if (password == body->end() || !password->is_string())
            return send_error(call.response, 400, "bad_request", "\"password\" must be a string");
        const auto changed =
            call.library.accounts().change_password(call.account.name, password->get<std::string>(), call.now);
        if (!changed) return send_fault(call.response, changed.error());
        if (*changed)
            return send_error(call.response, 422, core::to_string((*changed)->kind),
                              "the password was not changed: " + std::string(core::to_string((*changed)->kind)));
        const auto account = call.library.accounts().find(call.account.name);
        if (!account) return send_fault(call.response, account.error());
        if (!*account) return send_error(call.response, 401, "not_signed_in", "the account was removed");
        const auto session = sessions_.start(**account, call.session.library_slot, call.now);
        sessions_.end_others(call.account.name, session->id);
        call.response.set_header("Set-Cookie", session_cookie(session->id, std::nullopt));
        send_json(call.response, 200, signed_in(**account, *session));
    });
}

void WebServer::log_in(const httplib::Request& request, httplib::Response& response) {
    const auto login = parse_login(request.body);
    if (!login) return send_error(response, 400, "bad_request", login.error().message);
    const auto now = settings_.clock();
    // One argon2id check at a time keeps the server's memory bounded under a flood of logins.
    const std::scoped_lock one_at_a_time(login_mutex_);
    const auto lease = borrow(std::nullopt);
    if (!lease) return send_error(response, 503, "busy", "the server is busy; try again in a moment");
    const auto result = lease->library().accounts().log_in(login->user, login->password, request.remote_addr, now);
    if (!result) return send_fault(response, result.error());
    if (!*result) {
        const auto& refused = result->error();
        if (refused.reason == core::LoginRefusal::wrong_password)
            return send_error(response, 401, "wrong_password", "wrong user name or password");
        nlohmann::json details = nlohmann::json::object();
        if (refused.until) {
            details["until"] = core::iso_timestamp(*refused.until);
            response.set_header(
                "Retry-After", std::to_string(std::max<long long>(
                                   1, std::chrono::duration_cast<std::chrono::seconds>(*refused.until - now).count())));
        }
        return send_error(response, 429, "locked_out",
                          "too many wrong passwords for this user: logins are refused for a while", details);
    }
    const auto session = sessions_.start(**result, pool_->next_slot(), now);
    response.set_header("Set-Cookie", session_cookie(session->id, std::nullopt));
    send_json(response, 200, signed_in(**result, *session));
}

}  // namespace kitap::web
