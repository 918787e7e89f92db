// The accounts over HTTP: POST /api/login, POST /api/logout, GET /api/me,
// POST /api/me/password, and the librarian's GET/POST /api/users,
// POST /api/users/{name}/password, DELETE /api/users/{name}.
#include "kiosk/web/responses.hpp"
#include "kiosk/web/web_server.hpp"

namespace kitap::web {
namespace {

nlohmann::json signed_in(const core::Account& account, const Session& session) {
    return {{"user", account.name}, {"role", core::to_string(account.role)}, {"csrf", session.csrf}};
}

nlohmann::json account_json(const core::Account& account) {
    return {{"name", account.name}, {"role", core::to_string(account.role)}, {"classes", account.classes}};
}

// Why core refused to add, change or remove an account, with the status it deserves.
void send_account_problem(httplib::Response& response, const core::AccountProblem& problem) {
    const auto code = core::to_string(problem.kind);
    const int status = problem.kind == core::AccountProblemKind::unknown_account ? 404
                       : problem.kind == core::AccountProblemKind::name_taken    ? 409
                                                                                 : 400;
    auto message = std::string(code);
    if (!problem.detail.empty()) message += ": " + problem.detail;
    if (problem.kind == core::AccountProblemKind::password_too_short)
        message = "a password needs at least " + std::to_string(core::min_password_length) + " characters";
    send_error(response, status, code, message);
}

// The account's stored form after a change, or the reply already sent.
std::optional<core::Account> stored_account(ApiCall& call, const std::string& name) {
    const auto account = call.library.accounts().find(name);
    if (!account) {
        send_fault(call.response, account.error());
        return std::nullopt;
    }
    if (!*account) send_error(call.response, 404, "unknown_account", "no account is named " + name);
    return *account;
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
    // Who is signed in, and the CSRF token again for a page loaded afresh.
    api("GET", "/api/me", Access::signed_in, [](ApiCall& call) {
        auto me = signed_in(call.account, call.session);
        me["classes"] = call.account.classes;
        send_json(call.response, 200, me);
    });
    // The account's own password. This browser gets a new session (a new id and CSRF
    // token); every other session of the account ends.
    api("POST", "/api/me/password", Access::signed_in, [this](ApiCall& call) {
        const auto password = parse_password(call.request.body);
        if (!password) return send_error(call.response, 400, "bad_request", password.error().message);
        const auto refused = call.library.accounts().change_password(call.account.name, *password, call.now);
        if (!refused) return send_fault(call.response, refused.error());
        if (*refused) return send_account_problem(call.response, **refused);
        const auto account = stored_account(call, call.account.name);
        if (!account) return;
        const auto session = sessions_.start(*account, call.session.library_slot, call.now);
        sessions_.end_others(account->name, session->id);
        call.response.set_header("Set-Cookie", session_cookie(session->id, std::nullopt));
        send_json(call.response, 200, signed_in(*account, *session));
    });
    add_user_routes();
}

// The librarian's page of accounts. A password set here or an account removed ends
// that account's sessions at their next request (its credentials_version changed).
void WebServer::add_user_routes() {
    api("GET", "/api/users", Access::changes, [](ApiCall& call) {
        const auto accounts = call.library.accounts().list();
        if (!accounts) return send_fault(call.response, accounts.error());
        auto list = nlohmann::json::array();
        for (const auto& account : *accounts) list.push_back(account_json(account));
        send_json(call.response, 200, list);
    });
    api("POST", "/api/users", Access::changes, [](ApiCall& call) {
        const auto account = parse_new_account(call.request.body);
        if (!account) return send_error(call.response, 400, "bad_request", account.error().message);
        const auto added = call.library.accounts().add(*account, call.now);
        if (!added) return send_fault(call.response, added.error());
        if (!*added) return send_account_problem(call.response, added->error());
        send_json(call.response, 201, account_json(**added));
    });
    api("POST", "/api/users/([^/]+)/password", Access::changes, [](ApiCall& call) {
        const auto password = parse_password(call.request.body);
        if (!password) return send_error(call.response, 400, "bad_request", password.error().message);
        const auto name = call.request.matches[1].str();
        const auto refused = call.library.accounts().change_password(name, *password, call.now);
        if (!refused) return send_fault(call.response, refused.error());
        if (*refused) return send_account_problem(call.response, **refused);
        if (const auto account = stored_account(call, name)) send_json(call.response, 200, account_json(*account));
    });
    api("DELETE", "/api/users/([^/]+)", Access::changes, [](ApiCall& call) {
        const auto name = call.request.matches[1].str();
        const auto refused = call.library.accounts().remove(name, call.now);
        if (!refused) return send_fault(call.response, refused.error());
        if (*refused) return send_account_problem(call.response, **refused);
        send_json(call.response, 200, {{"name", name}, {"removed", true}});
    });
}

void WebServer::log_in(const httplib::Request& request, httplib::Response& response) {
    const auto login = parse_login(request.body);
    if (!login) return send_error(response, 400, "bad_request", login.error().message);
    const auto now = settings_.clock();
    // One argon2id check at a time keeps the server's memory bounded under a flood of logins.
    const std::scoped_lock one_at_a_time(login_mutex_);
    const auto lease = borrow(std::nullopt);
    if (!lease) return send_busy(response);
    const auto result = lease->library().accounts().log_in(login->user, login->password, request.remote_addr, now);
    if (!result) return send_fault(response, result.error());
    if (!*result) {
        const auto& refused = result->error();
        if (refused.reason == core::LoginRefusal::wrong_password)
            return send_error(response, 401, "wrong_password", "wrong user name or password");
        auto details = nlohmann::json::object();
        if (refused.until) {
            details["until"] = core::iso_timestamp(*refused.until);
            const auto wait = std::chrono::duration_cast<std::chrono::seconds>(*refused.until - now).count();
            response.set_header("Retry-After", std::to_string(std::max<long long>(1, wait)));
        }
        return send_error(response, 429, "locked_out",
                          "too many wrong passwords for this user: logins are refused for a while", details);
    }
    const auto session = sessions_.start(**result, pool_->next_slot(), now);
    response.set_header("Set-Cookie", session_cookie(session->id, std::nullopt));
    send_json(response, 200, signed_in(**result, *session));
}

}  // namespace kitap::web
