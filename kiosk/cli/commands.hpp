#pragma once

#include "core/db/backup_rotation.hpp"
#include "kiosk/cli/cli_context.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kitap::cli {

int run_init(CliContext& context);
int run_demo(CliContext& context, std::uint32_t seed, int years_of_history);
// `kitap import readers|catalog|curriculum FILE`: a CSV/TSV file or a workbook (.xlsx, .xls, .ods).
struct ImportArguments {
    std::string file;
    bool dry_run = false;
    std::string sheet;        // --sheet NAME|N
    bool all_sheets = false;  // --all-sheets
    std::string class_name;   // --class 5Ә (readers)
    bool json = false;        // --json: the counts as JSON
};
int run_import_readers(CliContext& context, const ImportArguments& args);
int run_import_catalog(CliContext& context, const ImportArguments& args);
int run_import_curriculum(CliContext& context, const ImportArguments& args);
int run_scan(CliContext& context, const std::string& mode, const std::string& station,
             const std::vector<std::string>& codes);
int run_reader(CliContext& context, const std::string& card, bool json);
// `kitap reader set-pin CARD` (4-8 digits from stdin) and `clear-pin CARD`: the reader's self-service PIN.
int run_reader_set_pin(CliContext& context, const std::string& card);
int run_reader_clear_pin(CliContext& context, const std::string& card);
// `kitap reader unblock CARD`: self-service takes the card a SIP2 terminal blocked again.
int run_reader_unblock(CliContext& context, const std::string& card);
int run_item(CliContext& context, const std::string& code, bool json);
int run_stats(CliContext& context, bool json);
// `kitap readers --class 5Ә [--json]`: the class's pupils, their sets and what each holds.
int run_class_readers(CliContext& context, const std::string& class_name, bool json);
// `kitap catalog search TEXT [--json]`: the public catalogue's search.
int run_catalog_search(CliContext& context, const std::string& text, bool json);
// `kitap backup`: one file (--out, else backups/ beside the database), or a
// rotated folder (--dir) where old backups the retention drops are deleted.
struct BackupArguments {
    std::optional<std::string> out;
    std::optional<std::string> dir;
    core::BackupRetention retention;
};
int run_backup(CliContext& context, const BackupArguments& args);
int run_restore(CliContext& context, const std::string& file);
// `kitap librarian set-pin`: the kiosk's librarian PIN from stdin, stored as an argon2id hash.
int run_librarian_set_pin(CliContext& context);
// `kitap audit [--since DATE] [--json]`: every librarian action and override (default: the last 30 days).
int run_audit(CliContext& context, const std::optional<std::string>& since, bool json);
// `kitap audit verify [--json]`: exit 0 when the event log's hash chain is whole, 1 at the first row that does not fit.
int run_audit_verify(CliContext& context, bool json);

}  // namespace kitap::cli
