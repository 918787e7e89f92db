#pragma once

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

namespace kitap::testing {

// Local time is `zone` (a POSIX TZ such as "<+05>-5": no tzdata needed) for as
// long as this lives; then TZ is what it was.
class ScopedTimeZone {
public:
    explicit ScopedTimeZone(const char* zone) {
        if (const char* current = std::getenv("TZ")) saved_ = current;
        set(zone);
    }
    ~ScopedTimeZone() {
        if (saved_)
            set(saved_->c_str());
        else
            unsetenv("TZ");
        tzset();
    }
    ScopedTimeZone(const ScopedTimeZone&) = delete;
    ScopedTimeZone& operator=(const ScopedTimeZone&) = delete;

    static void set(const char* zone) {
        setenv("TZ", zone, 1);
        tzset();
    }

private:
    std::optional<std::string> saved_;
};

}  // namespace kitap::testing
