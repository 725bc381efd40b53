#pragma once

#include "samreadersettings.h"

#include "hal/credentialsource.h"
#include "hal/sam/frameassembler.h"
#include "hal/sam/samframe.h"
#include "hal/serial/serialchannel.h"

#include <QTimer>

#include <optional>

namespace gate::samreader {

// A SAM ID-card reader on a serial port. After the port opens it resets the
// SAM and asks its status, then polls find → select → read. Each card is
// reported once while it stays on the reader: a find that still answers
// "present" after a read is not read again until a find answers "no card".
// A card whose selects or reads keep failing (read_attempts in a row) is
// reported once with the failed answer, which the core turns into
// card_unreadable.
// Everything runs on the thread the object lives on.
class SamIdReader final : public hal::CredentialSource {
    Q_OBJECT
public:
    SamIdReader(QString deviceName, SamReaderSettings settings, QObject *parent = nullptr);

    void start() override;
    void stop() override;

private:
    void onPortOpened();
    void onPortLost();
    void onReceived(const QByteArray &chunk, qint64 arrivedNs);
    void onTimeout();

    void send(idcard::SamCommand command);
    void handleAnswer(idcard::SamCommand command, const QByteArray &frame, qint64 arrivedNs);
    void handleBrokenAnswer(idcard::SamCommand command);
    void afterReset(quint8 sw3);
    void afterStatus(quint8 sw3);
    void afterFind(quint8 sw3);
    void afterSelect(quint8 sw3, const QByteArray &frame, qint64 arrivedNs);
    void afterRead(quint8 sw3, const QByteArray &frame, qint64 arrivedNs);
    void failedAttempt(const char *what, quint8 sw3, const QByteArray &frame, qint64 arrivedNs);
    void reportCard(const QByteArray &frame, qint64 arrivedNs);
    void forgetPresentation();

    void startSamSetup();
    void retrySamSetupLater();
    void pollLater();
    void countLineFailure(const QString &what);
    void setHealth(hal::DeviceHealth::State state, const QString &detail);

    QString m_deviceName;
    SamReaderSettings m_settings;
    hal::SerialChannel m_channel;
    idcard::FrameAssembler m_assembler;
    QTimer m_answerTimer;
    QTimer m_pollTimer;
    QTimer m_setupTimer;
    std::optional<idcard::SamCommand> m_pending;
    bool m_samReady = false;
    bool m_cardReported = false; // the card on the reader has been reported
    int m_failedAttempts = 0;    // selects and reads of the card on the reader that failed
    int m_lineFailures = 0;      // timeouts and broken answers in a row
    hal::DeviceHealth m_health;
};

} // namespace gate::samreader
