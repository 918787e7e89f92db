#pragma once

#include "core/audit/audit_log.hpp"
#include "core/audit/event_chain.hpp"
#include "core/audit/librarian_action.hpp"
#include "core/audit/pin_attempts.hpp"
#include "core/calendar.hpp"
#include "core/library/fault.hpp"

#include <functional>

namespace kitap::core {

struct LibraryCore;

// The audit log: the librarian's actions, reading it back, checking its hash chain.
class AuditService {
public:
    explicit AuditService(LibraryCore& core) : core_(core) {}

    OrFault<void> record(const LibrarianAction& action);
    OrFault<void> for_each_entry(Timestamp since, const std::function<void(const AuditEntry&)>& visit);
    OrFault<ChainCheck> verify_chain();
    // The librarian PIN's wrong tries since the last unlock.
    OrFault<PinAttemptLog> pin_attempts();

private:
    LibraryCore& core_;
};

}  // namespace kitap::core
