#pragma once

// What the chip suites share: the passport they make (Doc 9303's specimen
// holder, a synthetic number), its lines as the reader takes them, and the
// check of a read's outcome.
#include "emrtd/chipcheck.h"

#include <QStringList>
#include <QtTest>

#include <string>
#include <vector>

namespace test {

inline const QStringList kSpecimenMrz{
    QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"),
    QStringLiteral("L898902C36UTO7408122F1204159ZE184226B<<<<<10")};

inline std::vector<std::string> mrzLines(const QStringList &mrz) {
    std::vector<std::string> out;
    for (const QString &line : mrz)
        out.push_back(line.toStdString());
    return out;
}

} // namespace test

// The outcome, and on a mismatch the reader's own account of what happened.
#define COMPARE_OUTCOME(report, expected)                                                          \
    QVERIFY2(                                                                                      \
        qstrcmp(gate::emrtd::outcomeName((report).outcome), expected) == 0,                        \
        (std::string(gate::emrtd::outcomeName((report).outcome)) + ": " + (report).error).c_str())
