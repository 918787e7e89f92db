#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

enum class ReaderCategory { pupil, teacher, staff, other };
enum class TitleKind { textbook, fiction, reference, methodical, periodical, electronic };
enum class ClassLanguage { kk, ru };
// Whether a card at self-service needs its reader's PIN: never; when the librarian
// set one for that reader; always (a reader without one must see the librarian).
enum class ReaderPinPolicy { off, when_set, required };

std::string_view to_string(ReaderCategory category);
std::string_view to_string(TitleKind kind);
std::string_view to_string(ClassLanguage language);
std::string_view to_string(ReaderPinPolicy policy);
std::optional<ReaderCategory> reader_category_from(std::string_view name);
std::optional<TitleKind> title_kind_from(std::string_view name);
std::optional<ClassLanguage> class_language_from(std::string_view name);
std::optional<ReaderPinPolicy> reader_pin_policy_from(std::string_view name);

// How raw scanner text becomes a code: librarians ask every system to strip the
// prefixes and suffixes their scanners were programmed with, and leading zeros.
struct CodeRules {
    std::string command_prefix = "KITAP-";
    std::vector<std::string> strip_prefixes;
    std::vector<std::string> strip_suffixes;
    bool strip_leading_zeros = false;
};

struct LoanRules {
    std::map<TitleKind, int> loan_days = {{TitleKind::fiction, 14},
                                          {TitleKind::reference, 7},
                                          {TitleKind::methodical, 30},
                                          {TitleKind::periodical, 7},
                                          {TitleKind::electronic, 14}};
    // A category may lend longer or shorter than the default for a kind (teachers keep books a month).
    std::map<ReaderCategory, std::map<TitleKind, int>> loan_days_by_category = {
        {ReaderCategory::teacher, {{TitleKind::fiction, 30}}}};
    // Textbooks are lent until the end of the school year.
    std::chrono::month_day textbook_due = std::chrono::May / 31;
    // Open main-fund loans a reader may hold; textbooks do not count (a pupil holds a dozen all year).
    std::map<ReaderCategory, int> loan_limits = {{ReaderCategory::pupil, 5},
                                                 {ReaderCategory::teacher, 20},
                                                 {ReaderCategory::staff, 10},
                                                 {ReaderCategory::other, 3}};
    // Times a reader may renew one main-fund loan (0: no renewals). Textbooks are
    // never renewed: they are lent until the end of the school year anyway.
    int max_renewals = 2;
    // Days a returned copy is kept for the reader who reserved it before it passes to
    // the next reader waiting (or back to the shelf).
    int hold_days = 5;

    int loan_days_for(ReaderCategory category, TitleKind kind) const;
    int loan_limit_for(ReaderCategory category) const;
};

struct StationRules {
    std::chrono::seconds double_scan_window{3};
    std::chrono::seconds idle_timeout{30};
    ReaderPinPolicy reader_pin = ReaderPinPolicy::off;
};

struct Rules {
    CodeRules codes;
    LoanRules loans;
    StationRules station;
    ClassLanguage default_class_language = ClassLanguage::kk;
};

}  // namespace kitap::core
