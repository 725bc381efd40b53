#include "core/credentials/idcard/cardnumbers.h"

#include "vision/mrz/checkdigit.h"

#include <algorithm>
#include <array>

namespace gate::idcard {

namespace {

bool allDigits(QStringView text) {
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool allUpperLetters(QStringView text) {
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'A' && c <= u'Z'; });
}

int icaoCheckDigit(QStringView text) {
    return gate::mrz::checkDigit(text.toLatin1().toStdString());
}

} // namespace

QChar mod112CheckCharacter(QStringView first17) {
    static constexpr std::array<int, 17> weights{7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                 3, 7, 9,  10, 5, 8, 4, 2};
    static constexpr char16_t checkCharacters[] = u"10X98765432";
    if (first17.size() != 17 || !allDigits(first17))
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (first17[i].unicode() - u'0') * weights[size_t(i)];
    return QChar(checkCharacters[sum % 11]);
}

bool isValidEighteenDigitNumber(QStringView number) {
    if (number.size() != 18)
        return false;
    const QChar expected = mod112CheckCharacter(number.first(17));
    return !expected.isNull() && number[17] == expected;
}

bool isValidFpr2017Number(QStringView number) {
    if (number.size() != 15 || !allUpperLetters(number.first(3)) || !allDigits(number.sliced(3)))
        return false;
    return icaoCheckDigit(number.first(14)) == number[14].unicode() - u'0';
}

QString previousFpr2017Number(QStringView nationalityLetters, QStringView number2023,
                              QStringView link, const QDate &birth) {
    if (nationalityLetters.size() != 3 || !allUpperLetters(nationalityLetters) ||
        number2023.size() != 18 || !allDigits(number2023.first(17)) || link.size() != 3 ||
        !allDigits(link) || !birth.isValid())
        return {};
    QString number = nationalityLetters.toString();
    number += number2023.sliced(1, 2);
    number += link.first(2);
    number += birth.toString(QStringLiteral("yyMMdd"));
    number += link[2];
    return number + QChar(u'0' + icaoCheckDigit(number));
}

} // namespace gate::idcard
