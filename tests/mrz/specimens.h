#pragma once

#include <string>
#include <vector>

namespace gate::mrztest {

// The specimens of ICAO Doc 9303 (reference mrz.md); every check digit holds.
struct Specimen {
    const char *name;
    std::vector<std::string> lines;
};

inline const std::vector<Specimen> &icaoSpecimens() {
    static const std::vector<Specimen> specimens = {
        {"td3",
         {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
          "L898902C36UTO7408122F1204159ZE184226B<<<<<10"}},
        {"td3-germany",
         {"P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<",
          "C01X0006H1D<<6408125F1710319<<<<<<<<<<<<<<<0"}},
        {"td2", {"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"}},
        {"td1",
         {"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
          "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"}},
        {"td1-long-number",
         {"I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2",
          "STEVENSON<<PETER<JOHN<<<<<<<<<"}},
        {"mrv-a",
         {"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
          "L8988901C4XXX7408122F96121096ZE184226B<<<<<<"}},
        {"mrv-b", {"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX7408122F9612109<<<<<<<<"}},
    };
    return specimens;
}

} // namespace gate::mrztest
