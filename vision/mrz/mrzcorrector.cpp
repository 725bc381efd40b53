#include "vision/mrz/mrzcorrector.h"

#include "vision/mrz/checkdigit.h"
#include "vision/mrz/countrycodes.h"
#include "vision/mrz/mrzparser.h"

#include <algorithm>
#include <functional>
#include <optional>

namespace gate::mrz {

namespace {

// Candidates per cell: the best and at most this many alternatives.
constexpr std::size_t kCandidatesPerCell = 3;
// Changes tried together when looking for another valid reading.
constexpr int kMaxSimultaneousSwaps = 3;

struct Candidate {
    char character;
    float cost;
};

struct Cell {
    int line;
    int column;
};

struct Edit {
    std::vector<std::pair<Cell, char>> changes;
    float cost = 0;
};

// Characters the first cell and the sex cell may hold beyond their class.
std::string_view documentCodeLetters(Format format) {
    switch (format) {
    case Format::TD3:
        return "P";
    case Format::MrvA:
    case Format::MrvB:
        return "V";
    case Format::TD1:
    case Format::TD2:
        return "ACI";
    }
    return "";
}

Cell sexCell(Format format) {
    return format == Format::TD1 ? Cell{1, 7} : Cell{1, 20};
}

class Corrector {
public:
    Corrector(Format format, const std::vector<std::vector<CellCosts>> &cells,
              const CivilDate &today, const CorrectionOptions &options)
        : m_format(format)
        , m_today(today)
        , m_options(options) {
        const auto classes = positionClasses(format);
        m_candidates.resize(classes.size());
        m_text.resize(classes.size());
        for (std::size_t line = 0; line < classes.size(); ++line) {
            for (std::size_t column = 0; column < classes[line].size(); ++column) {
                auto candidates = rank(cells[line][column], allowedAt(classes, line, column));
                m_zone.cost += candidates.front().cost;
                m_text[line] += candidates.front().character;
                m_candidates[line].push_back(std::move(candidates));
            }
        }
    }

    CorrectedZone run() {
        correctFields();
        correctState({0, 2});
        correctState(m_format == Format::TD1 ? Cell{1, 15} : Cell{1, 10});
        correctComposite();
        m_zone.lines = m_text;
        m_zone.valid = !m_zone.ambiguous && parseMrz(m_text, m_today).valid;
        if (m_zone.valid &&
            (hasUnreliableCell() || hasDoubtfulLetterO() || hasEquallyLikelyValidAlternative())) {
            m_zone.ambiguous = true;
            m_zone.valid = false;
        }
        return m_zone;
    }

private:
    std::string allowedAt(const std::vector<std::vector<std::uint8_t>> &classes, std::size_t line,
                          std::size_t column) const {
        if (line == 0 && column == 0)
            return std::string(documentCodeLetters(m_format));
        const Cell sex = sexCell(m_format);
        if (static_cast<int>(line) == sex.line && static_cast<int>(column) == sex.column)
            return "FMX<";
        std::string allowed;
        for (const char c : kAlphabet) {
            if (inClass(c, classes[line][column]))
                allowed += c;
        }
        return allowed;
    }

    std::vector<Candidate> rank(const CellCosts &costs, const std::string &allowed) const {
        std::vector<Candidate> candidates;
        for (const char c : allowed)
            candidates.push_back({c, costs[kAlphabet.find(c)]});
        std::sort(candidates.begin(), candidates.end(),
                  [](const Candidate &a, const Candidate &b) { return a.cost < b.cost; });
        const float best = candidates.front().cost;
        std::erase_if(candidates, [&](const Candidate &candidate) {
            return candidate.cost - best > m_options.maxAlternativeCost;
        });
        if (candidates.size() > kCandidatesPerCell)
            candidates.resize(kCandidatesPerCell);
        return candidates;
    }

    char &at(Cell cell) { return m_text[cell.line][cell.column]; }
    std::string_view span(int line, int start, int length) const {
        return std::string_view(m_text[line]).substr(start, length);
    }

    // Finds the fewest edits over `cells` that make `accept` true, cheapest
    // first, and applies them unless an equally cheap different edit exists.
    void solve(const std::vector<Cell> &cells, const std::function<bool()> &accept) {
        if (accept())
            return;
        for (int edits = 1; edits <= m_options.maxEditsPerField; ++edits) {
            std::vector<Edit> solutions;
            Edit edit;
            search(cells, 0, edits, edit, accept, solutions);
            if (solutions.empty())
                continue;
            std::sort(solutions.begin(), solutions.end(),
                      [](const Edit &a, const Edit &b) { return a.cost < b.cost; });
            if (solutions.size() > 1 &&
                solutions[1].cost - solutions[0].cost < m_options.ambiguityMargin)
                m_zone.ambiguous = true;
            for (const auto &[cell, character] : solutions.front().changes)
                at(cell) = character;
            m_zone.cost += solutions.front().cost;
            m_zone.edits += edits;
            return;
        }
    }

    void search(const std::vector<Cell> &cells, std::size_t from, int editsLeft, Edit &edit,
                const std::function<bool()> &accept, std::vector<Edit> &solutions) {
        if (editsLeft == 0) {
            if (accept())
                solutions.push_back(edit);
            return;
        }
        for (std::size_t i = from; i < cells.size(); ++i) {
            const Cell cell = cells[i];
            const auto &candidates = m_candidates[cell.line][cell.column];
            const char original = at(cell);
            for (std::size_t rankIndex = 1; rankIndex < candidates.size(); ++rankIndex) {
                const float extra = candidates[rankIndex].cost - candidates.front().cost;
                at(cell) = candidates[rankIndex].character;
                edit.changes.push_back({cell, at(cell)});
                edit.cost += extra;
                search(cells, i + 1, editsLeft - 1, edit, accept, solutions);
                edit.cost -= extra;
                edit.changes.pop_back();
            }
            at(cell) = original;
        }
    }

    static std::vector<Cell> cellsOf(int line, int start, int length) {
        std::vector<Cell> cells;
        for (int column = start; column < start + length; ++column)
            cells.push_back({line, column});
        return cells;
    }

    bool digitMatches(std::string_view field, Cell digitCell) {
        const char digit = at(digitCell);
        return digit >= '0' && digit <= '9' && checkDigit(field) == digit - '0';
    }

    void correctFields() {
        for (const CheckedField &field : checkedFields(m_format)) {
            const Cell digitCell{field.line, field.digitAt};
            auto cells = cellsOf(field.line, field.start, field.length);
            cells.push_back(digitCell);
            const auto text = [this, field] { return span(field.line, field.start, field.length); };
            if (field.name == "number") {
                // A long TD1/TD2 number is closed in the optional data; the
                // composite check covers it.
                if (at(digitCell) == '<')
                    continue;
                solve(cells, [&] {
                    const std::string_view number = text();
                    const auto filler = std::min(number.find('<'), number.size());
                    return filler > 0 &&
                           number.find_first_not_of('<', filler) == std::string::npos &&
                           digitMatches(number, digitCell);
                });
            } else if (field.name == "optional") {
                solve(cells, [&] {
                    const std::string_view optional = text();
                    const bool blank = optional.find_first_not_of('<') == std::string::npos;
                    return (blank && (at(digitCell) == '<' || at(digitCell) == '0')) ||
                           digitMatches(optional, digitCell);
                });
            } else {
                const DateRole role = field.name == "birth" ? DateRole::Birth : DateRole::Expiry;
                solve(cells, [&] {
                    return digitMatches(text(), digitCell) &&
                           mrzDate(text(), role, m_today).has_value();
                });
            }
        }
    }

    void correctState(Cell first) {
        solve(cellsOf(first.line, first.column, 3),
              [&] { return isKnownStateCode(span(first.line, first.column, 3)); });
    }

    void correctComposite() {
        const auto composite = compositeCheck(m_format);
        if (!composite)
            return;
        // Only cells no field check digit covers are left for the composite to fix.
        std::vector<Cell> cells;
        if (m_format == Format::TD1) {
            cells = cellsOf(0, 15, 15);
            const auto second = cellsOf(1, 18, 11);
            cells.insert(cells.end(), second.begin(), second.end());
        } else if (m_format == Format::TD2) {
            cells = cellsOf(1, 28, 7);
        }
        cells.push_back({composite->line, composite->digitAt});
        solve(cells, [&] {
            std::string covered;
            for (const Span &part : composite->spans)
                covered += span(part.line, part.start, part.length);
            return digitMatches(covered, {composite->line, composite->digitAt});
        });
    }

    // Cells a field's check digit covers, with that digit: a wrong character
    // there is caught by the check, so a poorer match is still trusted.
    std::vector<std::vector<bool>> checkedCells() const {
        std::vector<std::vector<bool>> checked;
        for (const std::string &line : m_text)
            checked.emplace_back(line.size(), false);
        for (const CheckedField &field : checkedFields(m_format)) {
            for (int column = field.start; column < field.start + field.length; ++column)
                checked[field.line][column] = true;
            checked[field.line][field.digitAt] = true;
        }
        return checked;
    }

    bool hasUnreliableCell() const {
        const auto checked = checkedCells();
        for (std::size_t line = 0; line < m_text.size(); ++line) {
            for (std::size_t column = 0; column < m_text[line].size(); ++column) {
                const char chosen = m_text[line][column];
                const float limit = checked[line][column] ? m_options.maxCheckedCellCost
                                                          : m_options.maxReliableCost;
                for (const Candidate &candidate : m_candidates[line][column]) {
                    if (candidate.character == chosen && candidate.cost > limit)
                        return true;
                }
            }
        }
        return false;
    }

    // OCR-B tells the digit 0 from the letter O by little more than width,
    // which blur and a small zone wash out, and a check digit does not settle
    // it (see below). Blurred zeros come out as O far more often than the
    // other way round, so in a number or optional-data field a letter O must
    // clearly beat 0, or the zone is not trusted: the passenger presents the
    // page again, or staff read it.
    bool hasDoubtfulLetterO() const {
        for (const CheckedField &field : checkedFields(m_format)) {
            if (field.name != "number" && field.name != "optional")
                continue;
            for (int column = field.start; column < field.start + field.length; ++column) {
                if (m_text[field.line][column] != 'O')
                    continue;
                const auto letter = costAt({field.line, column}, 'O');
                const auto zero = costAt({field.line, column}, '0');
                if (letter && zero && *zero - *letter < m_options.letterOMargin)
                    return true;
            }
        }
        return false;
    }

    // A zone where changing some cells to nearly as likely characters still
    // passes every check cannot tell which was printed. Several cells at once,
    // not only one: a check digit misses pairs and triples of changes whose
    // weighted values cancel (0 and O differ by 24; two of them under weights
    // 7 and 3, or three under 3, 1 and 1, leave the digit unchanged).
    bool hasEquallyLikelyValidAlternative() {
        struct Swap {
            Cell cell;
            char character;
            float extra;
            int field; // checked field, or the rest the composite covers (-1: neither)
        };
        const std::vector<CheckedField> fields = checkedFields(m_format);
        const std::optional<CompositeCheck> composite = compositeCheck(m_format);
        const auto fieldOf = [&](int line, int column) {
            for (std::size_t i = 0; i < fields.size(); ++i) {
                const CheckedField &field = fields[i];
                if (field.line == line &&
                    ((column >= field.start && column < field.start + field.length) ||
                     column == field.digitAt))
                    return int(i);
            }
            if (composite && composite->line == line && composite->digitAt == column)
                return int(fields.size());
            for (const Span &span : composite ? composite->spans : std::vector<Span>{})
                if (span.line == line && column >= span.start && column < span.start + span.length)
                    return int(fields.size());
            return -1;
        };
        std::vector<Swap> swaps;
        for (std::size_t line = 0; line < m_text.size(); ++line) {
            for (std::size_t column = 0; column < m_text[line].size(); ++column) {
                const Cell cell{int(line), int(column)};
                const float chosenCost = costAt(cell, m_text[line][column])
                                             .value_or(m_candidates[line][column].back().cost);
                for (const Candidate &alternative : m_candidates[line][column]) {
                    const float extra = alternative.cost - chosenCost;
                    if (alternative.character != m_text[line][column] &&
                        extra < m_options.ambiguityMargin)
                        swaps.push_back(
                            {cell, alternative.character, extra, fieldOf(cell.line, cell.column)});
                }
            }
        }
        // Changes that cancel in a check digit lie in what that digit covers,
        // so a combination stays within its first change's field (or within
        // the rest of the composite): a few hundred readings at most, where
        // combining any cells of the zone could take thousands on a blurred
        // frame.
        const std::function<bool(std::size_t, int, float, int)> tryFrom =
            [&](std::size_t from, int swapsLeft, float extra, int field) {
                for (std::size_t i = from; i < swaps.size(); ++i) {
                    const Swap &swap = swaps[i];
                    if (extra + swap.extra >= m_options.ambiguityMargin ||
                        (swapsLeft < kMaxSimultaneousSwaps && swap.field != field))
                        continue;
                    char &cell = at(swap.cell);
                    if (cell != m_zone.lines[swap.cell.line][swap.cell.column])
                        continue; // this cell is already changed by this combination
                    cell = swap.character;
                    const bool alsoValid =
                        parseMrz(m_text, m_today).valid ||
                        (swapsLeft > 1 && swap.field >= 0 &&
                         tryFrom(i + 1, swapsLeft - 1, extra + swap.extra, swap.field));
                    cell = m_zone.lines[swap.cell.line][swap.cell.column];
                    if (alsoValid)
                        return true;
                }
                return false;
            };
        return tryFrom(0, kMaxSimultaneousSwaps, 0, -1);
    }

    // The cost of `character` at `cell`, when it is among the cell's candidates.
    std::optional<float> costAt(Cell cell, char character) const {
        for (const Candidate &candidate : m_candidates[cell.line][cell.column])
            if (candidate.character == character)
                return candidate.cost;
        return std::nullopt;
    }

    Format m_format;
    CivilDate m_today;
    CorrectionOptions m_options;
    std::vector<std::vector<std::vector<Candidate>>> m_candidates;
    std::vector<std::string> m_text;
    CorrectedZone m_zone;
};

} // namespace

CorrectedZone correctZone(Format format, const std::vector<std::vector<CellCosts>> &cells,
                          const CivilDate &today, const CorrectionOptions &options) {
    CorrectedZone zone;
    if (static_cast<int>(cells.size()) != lineCount(format))
        return zone;
    for (const auto &line : cells) {
        if (static_cast<int>(line.size()) != lineLength(format))
            return zone;
    }
    return Corrector(format, cells, today, options).run();
}

} // namespace gate::mrz
