#include "kiosk/web/answer_cache.hpp"

namespace kitap::web {

const std::string* AnswerCache::find(core::Library& library, const std::string& key) {
    const auto version = library.data_version();
    if (!version || version_ != *version) {
        answers_.clear();
        bytes_ = 0;
        // A fault forgets the version too: nothing is kept until the data can be dated again.
        version_ = version ? std::optional(*version) : std::nullopt;
        return nullptr;
    }
    const auto kept = answers_.find(key);
    return kept == answers_.end() ? nullptr : &kept->second;
}

void AnswerCache::keep(const std::string& key, std::string json_text) {
    if (!version_ || json_text.size() > max_answer_bytes) return;
    if (bytes_ + key.size() + json_text.size() > max_bytes) {
        answers_.clear();
        bytes_ = 0;
    }
    bytes_ += key.size() + json_text.size();
    answers_.insert_or_assign(key, std::move(json_text));
}

}  // namespace kitap::web
