#pragma once

#include "core/credentials/credential.h"

#include <optional>

namespace gate {

// The two-step passage of a code bound to its holder (spec/eticket-qr.md):
// a bound code waits at this lane for the document it was bought with, for
// the binding window; a document that did not admit on its own is kept as
// long, for a bound code that follows it. Pure: the caller gives the time
// (steady clock, nanoseconds) and runs the window's timer.
class HolderDocumentPairing {
public:
    explicit HolderDocumentPairing(qint64 windowNs);

    qint64 windowNs() const { return m_windowNs; }
    static bool isBoundCode(const Credential &credential);

    // Holds a bound code until its document comes or the window ends.
    void holdCode(const Credential &code);
    bool holdsCode() const { return m_code.has_value(); }
    // The held code, whether or not its window is over; nothing is held after.
    std::optional<Credential> takeCode();

    // Keeps a document for a bound code that may follow within the window.
    void keepDocument(const Credential &document, qint64 nowNs);
    void forgetDocument() { m_document.reset(); }
    // The kept document if its window is still open; nothing is kept after.
    std::optional<Credential> takeDocument(qint64 nowNs);

    // The code with the document's identity, as one credential, dated by the
    // read that completed the pair.
    static Credential paired(const Credential &code, const Credential &document,
                             const Credential &completing);

private:
    qint64 m_windowNs;
    std::optional<Credential> m_code; // its window is the caller's timer
    std::optional<Credential> m_document;
    qint64 m_documentDeadlineNs = 0;
};

} // namespace gate
