#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_set>

namespace kitap::core {

// Uniform in [0, upper) for upper > 0.
using UniformDraw = std::function<std::uint32_t(std::uint32_t upper)>;

// libsodium's randombytes_uniform, a CSPRNG: what the cards a library prints are drawn with.
// Throws std::runtime_error when libsodium cannot start.
UniformDraw secure_uniform_draw();

// Reader cards Kitap makes: eight digits, a random seven-digit number from 2000000
// to 9999999 and its Luhn check digit. Random, so that a printed card says nothing of
// the next pupil's (a sequence did: 20000014, 20000022 ... opened consecutive
// pupils' sessions); never starting with 1, which begins the inventory numbers Kitap
// prints, nor 0, which scanners set to strip leading zeros would lose; thirteen digits
// short of an ISBN. Eight million numbers, so a school's 1,400 cards are one number
// in almost six thousand: a made-up card is nearly always nobody's.
class CardNumbers {
public:
    // `in_use`: whether a number is already a reader's card or a copy's barcode.
    CardNumbers(UniformDraw draw, std::function<bool(const std::string&)> in_use);

    // A number neither in use nor given out before by this object. Throws
    // std::runtime_error in the unthinkable case that thousands of draws in a row
    // are all taken (millions of cards).
    std::string next();

private:
    UniformDraw draw_;
    std::function<bool(const std::string&)> in_use_;
    std::unordered_set<std::string> issued_;
};

}  // namespace kitap::core
