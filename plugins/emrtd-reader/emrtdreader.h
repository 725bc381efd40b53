#pragma once

#include "emrtdreadersettings.h"

#include "emrtd/cscastore.h"
#include "emrtd/pcsc/pcscchannel.h"
#include "hal/chipreader.h"

#include <memory>

namespace gate::emrtdreader {

// A passport chip reader on pcscd (docs/emrtd.md). Each request waits up to
// `card_wait_ms` for a chip, opens it with the first MRZ reading BAC accepts,
// reads EF.COM, DG1, DG2 and EF.SOD, runs passive authentication against the
// CSCAs of the settings, and answers with the outcome, DG1's MRZ and the
// decoded face. Runs on its own device thread: a read of seconds holds up
// nothing else.
class EmrtdReader final : public hal::ChipReader {
    Q_OBJECT
public:
    EmrtdReader(QString deviceName, EmrtdReaderSettings settings);
    ~EmrtdReader() override;

    Q_INVOKABLE void start() override;
    Q_INVOKABLE void stop() override;
    Q_INVOKABLE void readChip(quint64 request, const QList<QStringList> &mrzCandidates) override;

private:
    // pcscd reached, or why not (a read tries again).
    bool openChannel(QString *error);
    hal::ChipReading read(const QList<QStringList> &mrzCandidates);
    void setHealth(hal::DeviceHealth::State state, const QString &detail);

    QString m_deviceName;
    EmrtdReaderSettings m_settings;
    emrtd::CscaStore m_cscas;
    bool m_cscasLoaded = false;
    std::unique_ptr<emrtd::PcscChannel> m_channel;
    hal::DeviceHealth m_health;
};

} // namespace gate::emrtdreader
