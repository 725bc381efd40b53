// libFuzzer target for the MRZ text rules: the input is split into lines at
// '\n' and checked; when it has an MRZ layout, check-digit correction also runs
// on classifier costs derived from the input bytes.
#include "vision/mrz/mrzcorrector.h"
#include "vision/mrz/mrzparser.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string input(reinterpret_cast<const char *>(data), size);
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= input.size() && lines.size() < 8) {
        const std::size_t end = std::min(input.find('\n', start), input.size());
        lines.push_back(input.substr(start, end - start));
        start = end + 1;
    }
    const gate::mrz::CivilDate today{2026, 11, 21};
    const auto result = gate::mrz::parseMrz(lines, today);
    if (!result.format)
        return 0;
    std::vector<std::vector<gate::mrz::CellCosts>> costs;
    for (const std::string &line : lines) {
        std::vector<gate::mrz::CellCosts> row;
        for (const char c : line) {
            gate::mrz::CellCosts cell;
            for (int i = 0; i < gate::mrz::kAlphabetSize; ++i)
                cell[i] = static_cast<float>((static_cast<unsigned char>(c) * (i + 7)) % 13) / 2;
            row.push_back(cell);
        }
        costs.push_back(row);
    }
    gate::mrz::correctZone(*result.format, costs, today);
    return 0;
}
