#pragma once

#include "vision/mrz/civildate.h"
#include "vision/mrz/mrzformat.h"

#include <array>
#include <string>
#include <vector>

namespace gate::mrz {

// A classifier's verdict on one printed cell: a cost for every character of
// kAlphabet, lower meaning likelier. Costs of different cells are comparable.
using CellCosts = std::array<float, kAlphabetSize>;

struct CorrectionOptions {
    // Alternatives costing more than this above a cell's best are not tried.
    float maxAlternativeCost = 2.5f;
    // Two readings closer in cost than this are equally likely: when both
    // pass every check, the zone is ambiguous and reported not valid.
    float ambiguityMargin = 0.6f;
    // A letter O in a field that may also hold digits must beat 0 by this
    // much; a check digit cannot tell them apart in every combination.
    float letterOMargin = 0.3f;
    // Check-digit correction changes at most this many cells per field.
    int maxEditsPerField = 2;
    // A cell whose chosen character costs more than this matches no glyph
    // well (a misplaced cell, a smudge): the zone is not trusted as valid.
    float maxReliableCost = 5.5f;
    // The same for a cell a field's check digit covers (or the digit itself):
    // only valid zones are judged, so such a cell already passed its check.
    float maxCheckedCellCost = 7.5f;
};

struct CorrectedZone {
    std::vector<std::string> lines;
    bool valid = false;     // every check digit and format rule holds, unambiguously
    bool ambiguous = false; // another reading of similar cost was valid too
    int edits = 0;          // cells changed from their best-scoring character
    float cost = 0;         // summed cost of the chosen characters
};

// Chooses the text of a zone from per-cell costs: the best character each
// position allows, then, field by field, the fewest and likeliest edits that
// satisfy the check digit and the field's format rules. `cells` holds one row
// per line of `format`, each lineLength(format) long.
CorrectedZone correctZone(Format format, const std::vector<std::vector<CellCosts>> &cells,
                          const CivilDate &today, const CorrectionOptions &options = {});

} // namespace gate::mrz
