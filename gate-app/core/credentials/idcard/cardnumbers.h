#pragma once

#include <QDate>
#include <QString>
#include <QStringView>

// Check digits of the numbers on Chinese identity cards (reference/idcard-sam.md).
namespace gate::idcard {

// ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') of the first 17 digits;
// null when they are not 17 digits.
QChar mod112CheckCharacter(QStringView first17);

// 17 digits and the right MOD 11-2 check character: resident ID, HMT permit,
// FPR 2023.
bool isValidEighteenDigitNumber(QStringView number);

// FPR 2017: 3 letters, 4-digit place, YYMMDD, sequence digit, then the ICAO
// 7-3-1 check digit over the first 14 characters.
bool isValidFpr2017Number(QStringView number);

// The 2017-style number of a renewed 2023 card: nationality letters, digits
// 2-3 of the new number, the first two link characters, YYMMDD of birth, the
// third link character, 7-3-1 check digit. Empty when the card links to no
// previous number (blank link) or a part is malformed.
QString previousFpr2017Number(QStringView nationalityLetters, QStringView number2023,
                              QStringView link, const QDate &birth);

} // namespace gate::idcard
