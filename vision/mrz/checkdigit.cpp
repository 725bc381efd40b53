#include "vision/mrz/checkdigit.h"

namespace gate::mrz {

int characterValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    if (c == '<')
        return 0;
    return -1;
}

int checkDigit(std::string_view field) {
    static constexpr int weights[] = {7, 3, 1};
    int sum = 0;
    for (size_t i = 0; i < field.size(); ++i) {
        const int value = characterValue(field[i]);
        if (value < 0)
            return -1;
        sum += value * weights[i % 3];
    }
    return sum % 10;
}

} // namespace gate::mrz
