#include "core/codes/card_numbers.hpp"

#include "core/codes/check_digits.hpp"
#include "core/security/sodium.hpp"

#include <sodium.h>

#include <stdexcept>

namespace kitap::core {
namespace {

constexpr std::uint32_t lowest_payload = 2'000'000;  // seven digits, the first of them 2-9
constexpr std::uint32_t payloads = 10'000'000 - lowest_payload;
constexpr int max_draws = 10'000;

}  // namespace

UniformDraw secure_uniform_draw() {
    start_sodium();
    return [](std::uint32_t upper) { return randombytes_uniform(upper); };
}

CardNumbers::CardNumbers(UniformDraw draw, std::function<bool(const std::string&)> in_use)
    : draw_(std::move(draw)), in_use_(std::move(in_use)) {}

std::string CardNumbers::next() {
    for (int draw = 0; draw < max_draws; ++draw) {
        std::string card = std::to_string(lowest_payload + draw_(payloads));
        card += luhn_check_digit(card);
        if (!issued_.contains(card) && !in_use_(card)) {
            issued_.insert(card);
            return card;
        }
    }
    throw std::runtime_error("no free reader card number: nearly all eight million are taken");
}

}  // namespace kitap::core
