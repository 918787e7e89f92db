#include "core/library/district_service.hpp"

#include "core/db/write_transaction.hpp"
#include "core/library/library_core.hpp"

namespace kitap::core {

OrFault<std::int64_t> DistrictService::last_sequence() {
    return guarded([&] { return last_event_sequence(without_open_reads(core_.db)); });
}

OrFault<std::optional<std::string>> DistrictService::event_hash(std::int64_t sequence) {
    return guarded([&] { return district_event_hash(without_open_reads(core_.db), sequence); });
}

OrFault<std::vector<DistrictEvent>> DistrictService::events(std::int64_t after, std::int64_t up_to, int limit) {
    return guarded([&] {
        auto key = stored_pseudonym_key(without_open_reads(core_.db));
        if (!key) {
            WriteTransaction transaction(core_.db);
            key = make_pseudonym_key(core_.db);
            transaction.commit();
        }
        return district_events(core_.db, *key, after, up_to, limit);
    });
}

OrFault<DistrictSnapshot> DistrictService::snapshot(Date today, std::int64_t sent_up_to) {
    return guarded([&] {
        ReadTransaction transaction(core_.db);
        auto snapshot = district_snapshot(core_.db, today, sent_up_to);
        transaction.commit();
        return snapshot;
    });
}

}  // namespace kitap::core
