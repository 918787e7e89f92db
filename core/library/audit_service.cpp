#include "core/library/audit_service.hpp"

#include "core/library/library_core.hpp"

namespace kitap::core {

OrFault<void> AuditService::record(const LibrarianAction& action) {
    return guarded([&] { record_librarian_action(core_.store, action); });
}

OrFault<void> AuditService::for_each_entry(Timestamp since, const std::function<void(const AuditEntry&)>& visit) {
    return guarded([&] { for_each_audit_entry(core_.db, since, visit); });
}

OrFault<ChainCheck> AuditService::verify_chain() {
    return guarded([&] { return verify_event_chain(core_.db); });
}

OrFault<PinAttemptLog> AuditService::pin_attempts() {
    return guarded([&] { return read_pin_attempts(core_.db); });
}

}  // namespace kitap::core
