#pragma once

#include <array>
#include <string_view>

namespace kitap::core {

// What pupils' self-service writes to the event log that the librarian must see in
// the audit though no librarian did it (the actor is empty: nobody proved who they were).
namespace self_service_alert {
inline constexpr std::string_view paused = "self_service_paused";        // too many cards in a row
inline constexpr std::string_view wrong_pin = "reader_pin_wrong";        // the reader is whose card it was
inline constexpr std::string_view pin_locked = "reader_pin_locked_out";  // that card's self-service locked
inline constexpr std::string_view card_blocked = "reader_card_blocked";  // by a SIP2 terminal (block patron)
}  // namespace self_service_alert

inline constexpr std::array all_self_service_alerts{self_service_alert::paused, self_service_alert::wrong_pin,
                                                    self_service_alert::pin_locked, self_service_alert::card_blocked};

}  // namespace kitap::core
