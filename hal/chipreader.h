#pragma once

#include "hal/chipreading.h"
#include "hal/credentialsource.h"

#include <QList>
#include <QStringList>

namespace gate::hal {

// A passport chip reader: told which MRZ readings the camera made of the page
// lying on it, it opens the chip with the one that fits (BAC), reads and
// checks it, and answers. It reports no raw reads of its own: a chip without
// its printed page has no key to open it.
class ChipReader : public CredentialSource {
    Q_OBJECT
public:
    using CredentialSource::CredentialSource;

    // Called on the reader's own thread; answered with chipRead(), always,
    // with the same `request`.
    Q_INVOKABLE virtual void readChip(quint64 request, const QList<QStringList> &mrzCandidates) = 0;

signals:
    void chipRead(const gate::hal::ChipReading &reading);
};

} // namespace gate::hal
