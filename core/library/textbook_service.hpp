#pragma once

#include "core/calendar.hpp"
#include "core/library/fault.hpp"
#include "core/textbooks/class_issuance.hpp"
#include "core/textbooks/class_progress.hpp"
#include "core/textbooks/curriculum.hpp"
#include "core/textbooks/textbook_ledger.hpp"
#include "core/textbooks/textbook_reports.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

struct LibraryCore;

// Class sets, their issuance and what classes still owe, under the library's rules.
class TextbookService {
public:
    explicit TextbookService(LibraryCore& core) : core_(core) {}

    OrFault<std::vector<ClassProvision>> class_provision(Date today);
    OrFault<std::optional<ClassSetProgress>> class_progress(const std::string& class_name, Date today);
    OrFault<IssueSetOutcome> issue_class_set(const std::string& class_name, const IssueSetOptions& options);
    OrFault<ProvisionReport> provision(const std::optional<ClassName>& only_class, Date today);
    OrFault<std::vector<ClassDebtors>> debtors(const std::optional<ClassName>& only_class, Date as_of);
    OrFault<std::vector<CurriculumEntry>> curriculum(std::optional<int> grade, std::optional<ClassLanguage> language);

private:
    LibraryCore& core_;
};

}  // namespace kitap::core
