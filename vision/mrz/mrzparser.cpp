#include "vision/mrz/mrzparser.h"

#include "vision/mrz/checkdigit.h"
#include "vision/mrz/countrycodes.h"

#include <algorithm>

namespace gate::mrz {

namespace {

bool isFiller(char c) {
    return c == '<';
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isLetter(char c) {
    return c >= 'A' && c <= 'Z';
}

std::string trimFillers(std::string_view text) {
    const auto end = text.find_last_not_of('<');
    return end == std::string_view::npos ? std::string() : std::string(text.substr(0, end + 1));
}

// "ANNA<MARIA" -> "ANNA MARIA"; runs of fillers become one space.
std::string joinParts(std::string_view text) {
    std::string joined;
    for (const char c : trimFillers(text)) {
        if (!isFiller(c))
            joined += c;
        else if (!joined.empty() && joined.back() != ' ')
            joined += ' ';
    }
    return joined;
}

bool checkDigitMatches(std::string_view field, char digit) {
    return isDigit(digit) && checkDigit(field) == digit - '0';
}

class Checker {
public:
    Checker(const std::vector<std::string> &lines, Format format, const CivilDate &today,
            MrzParseResult &result)
        : m_lines(lines)
        , m_format(format)
        , m_today(today)
        , m_result(result) {}

    void run() {
        checkDocumentCode();
        readName();
        readNumber();
        m_result.document.issuer = readState(field(0, 2, 3), "issuer");
        // Line 2 holds the personal data in every format.
        const bool td1 = m_format == Format::TD1;
        m_result.document.nationality = readState(field(1, td1 ? 15 : 10, 3), "nationality");
        m_result.document.birth = readBirth(field(1, td1 ? 0 : 13, 6));
        readSex(m_lines[1][td1 ? 7 : 20]);
        m_result.document.expiry = readExpiry(field(1, td1 ? 8 : 21, 6));
        readOptional();
        checkDigits();
    }

private:
    std::string_view field(int line, int start, int length) const {
        return std::string_view(m_lines[line]).substr(start, length);
    }
    void fail(const char *check) {
        if (std::find(m_result.failedChecks.begin(), m_result.failedChecks.end(), check) ==
            m_result.failedChecks.end())
            m_result.failedChecks.emplace_back(check);
    }

    void checkDocumentCode() {
        const std::string_view code = field(0, 0, 2);
        m_result.document.type = trimFillers(code);
        bool known = false;
        switch (m_format) {
        case Format::TD3:
            known = code[0] == 'P';
            break;
        case Format::TD1:
        case Format::TD2:
            known = code[0] == 'A' || code[0] == 'C' || code[0] == 'I';
            break;
        case Format::MrvA:
        case Format::MrvB:
            known = code[0] == 'V';
            break;
        }
        if (!known || !(isLetter(code[1]) || isFiller(code[1])))
            fail("document_code");
    }

    std::string readState(std::string_view code, const char *check) {
        if (!isKnownStateCode(code))
            fail(check);
        return trimFillers(code);
    }

    void readName() {
        const std::string_view name =
            m_format == Format::TD1 ? field(2, 0, 30) : field(0, 5, lineLength(m_format) - 5);
        const bool lettersOnly = std::all_of(name.begin(), name.end(),
                                             [](char c) { return isLetter(c) || isFiller(c); });
        if (!lettersOnly || !isLetter(name[0]))
            fail("name");
        const auto separator = name.find("<<");
        m_result.document.surname = joinParts(name.substr(0, separator));
        if (separator != std::string_view::npos)
            m_result.document.givenNames = joinParts(name.substr(separator + 2));
    }

    // The printed number and where the text that its check digit covers sits.
    // A long TD1/TD2 number continues in the optional data, closed by its
    // check digit, when the regular check digit position holds '<'.
    void readNumber() {
        const bool td1 = m_format == Format::TD1;
        const int line = td1 ? 0 : 1;
        const int start = td1 ? 5 : 0;
        const std::string_view printed = field(line, start, 9);
        const char digit = m_lines[line][start + 9];
        const bool mayBeLong = m_format == Format::TD1 || m_format == Format::TD2;
        m_optionalStart = td1 ? 15 : 28;
        const int optionalEnd = td1 ? 30 : 35;
        std::string number(printed);
        if (mayBeLong && isFiller(digit) && !isFiller(m_lines[line][m_optionalStart])) {
            const std::string_view rest =
                field(line, m_optionalStart, optionalEnd - m_optionalStart);
            const auto end = std::min(rest.find('<'), rest.size());
            const std::string_view continuation = rest.substr(0, end);
            number += continuation.substr(0, continuation.size() - 1);
            if (!checkDigitMatches(number, continuation.back()) ||
                !std::all_of(continuation.begin(), continuation.end() - 1,
                             [](char c) { return isDigit(c) || isLetter(c); }))
                fail("number_check");
            m_optionalStart = std::min(optionalEnd, m_optionalStart + static_cast<int>(end) + 1);
        } else if (!checkDigitMatches(printed, digit)) {
            fail("number_check");
        }
        // Fillers only after the last character of the number.
        const auto firstFiller = std::min(number.find('<'), number.size());
        if (firstFiller == 0 || number.find_first_not_of('<', firstFiller) != std::string::npos)
            fail("number_format");
        m_result.document.number = trimFillers(number);
    }

    // Unknown parts of a birth date are fillers; such a date stays empty.
    std::string readBirth(std::string_view yymmdd) {
        if (std::any_of(yymmdd.begin(), yymmdd.end(), isFiller)) {
            const bool wellFormed = std::all_of(yymmdd.begin(), yymmdd.end(),
                                                [](char c) { return isDigit(c) || isFiller(c); });
            if (!wellFormed)
                fail("birth_date");
            return {};
        }
        const auto date = mrzDate(yymmdd, DateRole::Birth, m_today);
        if (!date) {
            fail("birth_date");
            return {};
        }
        return date->iso();
    }

    std::string readExpiry(std::string_view yymmdd) {
        const auto date = mrzDate(yymmdd, DateRole::Expiry, m_today);
        if (!date) {
            fail("expiry_date");
            return {};
        }
        return date->iso();
    }

    void readSex(char sex) {
        if (sex == 'F' || sex == 'M' || sex == 'X')
            m_result.document.sex = std::string(1, sex);
        else if (!isFiller(sex))
            fail("sex");
    }

    void readOptional() {
        const int length = lineLength(m_format);
        std::string optional;
        switch (m_format) {
        case Format::TD1: {
            optional = trimFillers(field(0, m_optionalStart, std::max(0, 30 - m_optionalStart)));
            const std::string second = trimFillers(field(1, 18, 11));
            if (!optional.empty() && !second.empty())
                optional += ' ';
            optional += second;
            break;
        }
        case Format::TD2:
            optional = trimFillers(field(1, m_optionalStart, std::max(0, 35 - m_optionalStart)));
            break;
        case Format::TD3:
            optional = trimFillers(field(1, 28, 14));
            break;
        case Format::MrvA:
        case Format::MrvB:
            optional = trimFillers(field(1, 28, length - 28));
            break;
        }
        m_result.document.optional = optional;
    }

    void checkDigits() {
        for (const CheckedField &checked : checkedFields(m_format)) {
            if (checked.name == "number")
                continue; // readNumber() handles long numbers
            const std::string_view text = field(checked.line, checked.start, checked.length);
            const char digit = m_lines[checked.line][checked.digitAt];
            const bool blankOptional = checked.name == "optional" &&
                                       std::all_of(text.begin(), text.end(), isFiller) &&
                                       (isFiller(digit) || digit == '0');
            if (blankOptional)
                continue;
            if (!checkDigitMatches(text, digit))
                fail(checked.name == "birth"    ? "birth_check"
                     : checked.name == "expiry" ? "expiry_check"
                                                : "optional_check");
        }
        if (const auto composite = compositeCheck(m_format)) {
            std::string covered;
            for (const Span &span : composite->spans)
                covered += field(span.line, span.start, span.length);
            if (!checkDigitMatches(covered, m_lines[composite->line][composite->digitAt]))
                fail("composite_check");
        }
    }

    const std::vector<std::string> &m_lines;
    Format m_format;
    CivilDate m_today;
    MrzParseResult &m_result;
    int m_optionalStart = 0;
};

} // namespace

MrzParseResult parseMrz(const std::vector<std::string> &lines, const CivilDate &today) {
    MrzParseResult result;
    if (lines.size() > 3 || std::any_of(lines.begin(), lines.end(), [](const std::string &line) {
            return line.size() > kMaxLineLength;
        })) {
        result.failedChecks.emplace_back("layout");
        return result;
    }
    result.lines = lines;
    result.format = detectFormat(lines);
    if (!result.format) {
        result.failedChecks.emplace_back("layout");
        return result;
    }
    const bool inAlphabet = std::all_of(lines.begin(), lines.end(), [](const std::string &line) {
        return std::all_of(line.begin(), line.end(),
                           [](char c) { return isDigit(c) || isLetter(c) || isFiller(c); });
    });
    if (!inAlphabet) {
        result.failedChecks.emplace_back("charset");
        return result;
    }
    Checker(lines, *result.format, today, result).run();
    result.valid = result.failedChecks.empty();
    return result;
}

} // namespace gate::mrz
