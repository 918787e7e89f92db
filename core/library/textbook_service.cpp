#include "core/library/textbook_service.hpp"

#include "core/library/library_core.hpp"

namespace kitap::core {

OrFault<std::vector<ClassProvision>> TextbookService::class_provision(Date today) {
    return guarded([&] { return core::class_provision(core_.db, today); });
}

OrFault<std::optional<ClassSetProgress>> TextbookService::class_progress(const std::string& class_name, Date today) {
    return guarded([&] { return class_set_progress(core_.db, class_name, today); });
}

OrFault<IssueSetOutcome> TextbookService::issue_class_set(const std::string& class_name,
                                                          const IssueSetOptions& options) {
    return guarded([&] { return core::issue_class_set(core_.db, class_name, core_.rules, options); });
}

OrFault<ProvisionReport> TextbookService::provision(const std::optional<ClassName>& only_class, Date today) {
    return guarded([&] { return provision_report(core_.db, only_class, today); });
}

OrFault<std::vector<ClassDebtors>> TextbookService::debtors(const std::optional<ClassName>& only_class, Date as_of) {
    return guarded([&] { return debtors_report(core_.db, only_class, as_of); });
}

OrFault<std::vector<CurriculumEntry>> TextbookService::curriculum(std::optional<int> grade,
                                                                  std::optional<ClassLanguage> language) {
    return guarded([&] { return curriculum_entries(core_.db, grade, language); });
}

}  // namespace kitap::core
