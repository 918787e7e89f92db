// `kitap audit [--since DATE] [--json]`: every librarian action and override,
// with station and time, oldest first; `kitap audit verify`: its hash chain.
#include "core/security/sodium.hpp"
#include "kiosk/answers/cli_problem.hpp"
#include "kiosk/answers/record_answers.hpp"
#include "kiosk/cli/commands.hpp"
#include "kiosk/cli/report_output.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace kitap::cli {
namespace {

using json = nlohmann::ordered_json;  // keys in the order the README lists them

std::string joined(const std::string& code, const std::string& name) {
    if (code.empty() || name.empty()) return code + name;
    return code + " " + name;
}

struct AuditTable {
    Table table{{"time", "station", "actor", "account", "action", "override", "reader", "item", "quantity", "detail"},
                {}};
    int overrides = 0;
};

AuditTable audit_table(core::Library& library, core::Timestamp since, const app::Translator& tr) {
    AuditTable audit;
    or_fault(library.audit().for_each_entry(since, [&](const core::AuditEntry& entry) {
        if (entry.override_kind) ++audit.overrides;
        audit.table.rows.push_back(
            {local_time_text(entry.at), entry.station, word_in(tr, "audit.actor.", entry.actor),
             entry.account.value_or(""), word_in(tr, "audit.action.", entry.action),
             entry.override_kind ? tr("audit.override." + std::string(to_string(*entry.override_kind))) : "",
             joined(entry.reader_card, entry.reader_name), joined(entry.item_code, entry.title),
             entry.quantity ? std::to_string(*entry.quantity) : "", entry.detail});
    }));
    return audit;
}

void print_text(core::Library& library, core::Timestamp since, const app::Translator& tr) {
    const auto [table, overrides] = audit_table(library, since, tr);
    const std::string from = local_time_text(since);
    if (table.rows.empty()) {
        std::cout << tr("audit.none", {{"since", from}}) << '\n';
        return;
    }
    std::cout << tr("audit.since", {{"since", from}}) << '\n';
    write_text_table(std::cout, table, tr, "audit.column.");
    std::cout << tr("audit.total",
                    {{"count", std::to_string(table.rows.size())}, {"overrides", std::to_string(overrides)}})
              << '\n';
}

json chain_json(const core::ChainCheck& check) {
    if (check.whole())
        return {{"whole", true},
                {"events", check.events},
                {"last_id", check.last_id},
                {"head", check.head ? json(core::hex_text(*check.head)) : json()}};
    const auto& broken = *check.broken;
    json out{{"whole", false},
             {"events", check.events},
             {"id", broken.id},
             {"at", broken.at},
             {"problem", to_string(broken.fault)}};
    if (broken.fault == core::ChainFault::missing) {
        out["missing_from"] = broken.missing_from;
        out["missing_to"] = broken.missing_to;
    }
    return out;
}

std::string chain_text(const core::ChainCheck& check, const app::Translator& tr) {
    if (check.whole()) {
        if (!check.head) return tr("audit.verify.empty");
        return tr("audit.verify.whole", {{"events", std::to_string(check.events)},
                                         {"last_id", std::to_string(check.last_id)},
                                         {"head", core::hex_text(*check.head)}});
    }
    const auto& broken = *check.broken;
    const app::MessageArgs where{{"id", std::to_string(broken.id)},
                                 {"at", broken.at},
                                 {"from", std::to_string(broken.missing_from)},
                                 {"to", std::to_string(broken.missing_to)},
                                 {"events", std::to_string(check.events)}};
    return tr("audit.verify." + std::string(to_string(broken.fault)), where);
}

}  // namespace

int run_audit_verify(CliContext& context, bool as_json) {
    const auto check = or_fault(context.library().audit().verify_chain());
    if (as_json)
        std::cout << chain_json(check).dump(2) << '\n';
    else
        std::cout << chain_text(check, context.tr()) << '\n';
    return check.whole() ? exit_done : exit_refused;
}

int run_audit(CliContext& context, const std::optional<std::string>& since_text, bool as_json) {
    const auto since = answers::audit_since(context.tr(), since_text, CliContext::now());
    if (!since) return answers::tell_cli(since.error());
    if (as_json)
        or_fault(answers::write_audit_json(context.library(), *since, std::cout));
    else
        print_text(context.library(), *since, context.tr());
    return exit_done;
}

}  // namespace kitap::cli
