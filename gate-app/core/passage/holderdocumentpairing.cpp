#include "core/passage/holderdocumentpairing.h"

namespace gate {

HolderDocumentPairing::HolderDocumentPairing(qint64 windowNs)
    : m_windowNs(windowNs) {}

bool HolderDocumentPairing::isBoundCode(const Credential &credential) {
    return credential.kind == Credential::Kind::ETicket && credential.ticket &&
           !credential.ticket->holderBinding.isEmpty();
}

void HolderDocumentPairing::holdCode(const Credential &code) {
    m_code = code;
}

std::optional<Credential> HolderDocumentPairing::takeCode() {
    std::optional<Credential> code = std::move(m_code);
    m_code.reset();
    return code;
}

void HolderDocumentPairing::keepDocument(const Credential &document, qint64 nowNs) {
    m_document = document;
    m_documentDeadlineNs = nowNs + m_windowNs;
}

std::optional<Credential> HolderDocumentPairing::takeDocument(qint64 nowNs) {
    std::optional<Credential> document = std::move(m_document);
    m_document.reset();
    if (document && nowNs > m_documentDeadlineNs)
        return std::nullopt;
    return document;
}

Credential HolderDocumentPairing::paired(const Credential &code, const Credential &document,
                                         const Credential &completing) {
    Credential pair = code;
    pair.document = document.document;
    pair.chip = document.chip;
    pair.source = completing.source;
    pair.availableNs = completing.availableNs;
    return pair;
}

} // namespace gate
