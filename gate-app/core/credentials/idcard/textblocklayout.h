#pragma once

// Where each field sits in the 256-byte text block of a card answer
// (reference/idcard-sam.md). Offsets and sizes are in bytes of UTF-16LE text;
// the parser and the encoder both read them from here.
namespace gate::idcard::layout {

struct Field {
    int offset;
    int size;
};

inline constexpr int kTextBlockSize = 256;
// The low byte of the card type character: 'I', 'Y', 'J', else a resident ID.
inline constexpr Field cardType{248, 2};
inline constexpr char kFpr2017Type = 'I';
inline constexpr char kFpr2023Type = 'Y';
inline constexpr char kHmtType = 'J';

namespace resident { // also the HMT permit up to offset 219, ethnicity blank
inline constexpr Field name{0, 30};
inline constexpr Field sex{30, 2};
inline constexpr Field ethnicity{32, 4};
inline constexpr Field birth{36, 16};
inline constexpr Field address{52, 70};
inline constexpr Field number{122, 36};
inline constexpr Field authority{158, 30};
inline constexpr Field validFrom{188, 16};
inline constexpr Field validTo{204, 16};
} // namespace resident

namespace hmt {
inline constexpr Field passNumber{220, 18};
inline constexpr Field issueCount{238, 4};
} // namespace hmt

namespace fpr2017 {
inline constexpr Field nameEn{0, 120};
inline constexpr Field sex{120, 2};
inline constexpr Field number{122, 30};
inline constexpr Field nationality{152, 6};
inline constexpr Field nameZh{158, 30};
inline constexpr Field validFrom{188, 16};
inline constexpr Field validTo{204, 16};
inline constexpr Field birth{220, 16};
inline constexpr Field cardVersion{236, 4};
inline constexpr Field authorityCode{240, 8};
} // namespace fpr2017

namespace fpr2023 {
inline constexpr Field nameZh{0, 30};
inline constexpr Field sex{30, 2};
inline constexpr Field renewalCount{32, 4};
inline constexpr Field birth{36, 16};
inline constexpr Field nameEnFirst{52, 70}; // characters 1-35
inline constexpr Field number{122, 36};
inline constexpr Field validFrom{188, 16};
inline constexpr Field validTo{204, 16};
inline constexpr Field nameEnRest{220, 22}; // characters 36-46
inline constexpr Field nationality{242, 6};
inline constexpr Field previousLink{250, 6};
} // namespace fpr2023

// Validity end of a long-term resident ID card: 长期.
inline constexpr char16_t kLongTerm[] = u"\u957F\u671F";

} // namespace gate::idcard::layout
