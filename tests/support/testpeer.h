#pragma once

#include <QString>
#include <QTest>

namespace gate::test {

// What a test peer (a name in tests/support/peers.json) lacks: empty when its
// file is there, else a message that names the Debian package providing it.
QString missingPeer(const char *name);

// CI sets CI=true: there a missing peer is an install step the package list
// lacks, and must fail the run instead of passing as a skip.
bool missingPeerFails();

} // namespace gate::test

// Ends the current test function when a peer is missing: QFAIL under CI,
// QSKIP elsewhere, with the same message.
#define GATE_REQUIRE_PEER(name)                                                                    \
    do {                                                                                           \
        const QString gateMissingPeer = gate::test::missingPeer(name);                             \
        if (!gateMissingPeer.isEmpty()) {                                                          \
            if (gate::test::missingPeerFails())                                                    \
                QFAIL(qPrintable(gateMissingPeer));                                                \
            QSKIP(qPrintable(gateMissingPeer));                                                    \
        }                                                                                          \
    } while (false)
