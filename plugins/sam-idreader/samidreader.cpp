#include "samidreader.h"

#include <QLoggingCategory>

#include <utility>

namespace gate::samreader {

namespace {

Q_LOGGING_CATEGORY(lcSamReader, "gate.device.sam-idreader")

using idcard::SamCommand;
using State = hal::DeviceHealth::State;

// Answer timeouts used in the field (reference/idcard-sam.md).
constexpr int kShortAnswerMs = 300;
constexpr int kResetAnswerMs = 1000;
constexpr int kReadTextMs = 2500;
constexpr int kReadFingerprintMs = 3500;
// A SAM that failed its self-test is asked again after this long.
constexpr int kSamRetryMs = 2000;
// Timeouts or broken answers in a row before the reader counts as degraded
// and the SAM is set up again.
constexpr int kLineFailureLimit = 3;

int answerTimeoutMs(SamCommand command) {
    switch (command) {
    case SamCommand::ResetSam:
        return kResetAnswerMs;
    case SamCommand::ReadText:
        return kReadTextMs;
    case SamCommand::ReadTextFingerprint:
        return kReadFingerprintMs;
    default:
        return kShortAnswerMs;
    }
}

QString hexStatus(quint8 sw3) {
    return QString::number(sw3, 16).rightJustified(2, QLatin1Char('0')).toUpper();
}

} // namespace

SamIdReader::SamIdReader(QString deviceName, SamReaderSettings settings, QObject *parent)
    : CredentialSource(parent)
    , m_deviceName(std::move(deviceName))
    , m_settings(std::move(settings))
    , m_channel(m_deviceName, hal::SerialSettings{m_settings.port, m_settings.baud}, this)
    , m_answerTimer(this)
    , m_pollTimer(this)
    , m_setupTimer(this) {
    m_health.device = m_deviceName;
    for (QTimer *timer : {&m_answerTimer, &m_pollTimer, &m_setupTimer})
        timer->setSingleShot(true);
    connect(&m_answerTimer, &QTimer::timeout, this, &SamIdReader::onTimeout);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] { send(SamCommand::FindCard); });
    connect(&m_setupTimer, &QTimer::timeout, this, &SamIdReader::startSamSetup);
    connect(&m_channel, &hal::SerialChannel::opened, this, &SamIdReader::onPortOpened);
    connect(&m_channel, &hal::SerialChannel::lost, this, &SamIdReader::onPortLost);
    connect(&m_channel, &hal::SerialChannel::received, this, &SamIdReader::onReceived);
    connect(&m_channel, &hal::SerialChannel::healthChanged, this,
            [this](const hal::DeviceHealth &port) {
                if (port.state == State::Offline)
                    setHealth(State::Offline, port.detail);
            });
}

void SamIdReader::start() {
    setHealth(State::Starting, QStringLiteral("opening %1").arg(m_settings.port));
    m_channel.open();
}

void SamIdReader::stop() {
    for (QTimer *timer : {&m_answerTimer, &m_pollTimer, &m_setupTimer})
        timer->stop();
    m_pending.reset();
    m_channel.close();
    setHealth(State::Offline, QStringLiteral("stopped"));
}

void SamIdReader::onPortOpened() {
    setHealth(State::Starting, QStringLiteral("port open, setting up the SAM"));
    m_lineFailures = 0;
    forgetPresentation();
    startSamSetup();
}

void SamIdReader::onPortLost() {
    for (QTimer *timer : {&m_answerTimer, &m_pollTimer, &m_setupTimer})
        timer->stop();
    m_pending.reset();
    m_samReady = false;
    forgetPresentation();
}

void SamIdReader::startSamSetup() {
    m_samReady = false;
    send(SamCommand::ResetSam);
}

void SamIdReader::retrySamSetupLater() {
    m_setupTimer.start(kSamRetryMs);
}

void SamIdReader::pollLater() {
    m_pollTimer.start(m_settings.pollMs);
}

void SamIdReader::send(SamCommand command) {
    // A late answer to an earlier command must not be taken for this one.
    m_assembler.reset();
    m_channel.flushInput();
    if (!m_channel.write(idcard::requestFrame(command)))
        return; // the port is gone; it reports so and reopening starts over
    m_pending = command;
    m_answerTimer.start(answerTimeoutMs(command));
}

void SamIdReader::onReceived(const QByteArray &chunk, qint64 arrivedNs) {
    m_assembler.push(chunk);
    bool broken = false;
    while (std::optional<idcard::FrameAssembler::Event> event = m_assembler.take()) {
        if (!m_pending)
            continue; // nothing asked: noise or a stale answer
        if (event->error) {
            // Noise that looked like a frame start, or the answer spoiled on
            // the line: the scan goes on, the answer may still be behind it.
            broken = true;
            continue;
        }
        const SamCommand command = *std::exchange(m_pending, std::nullopt);
        m_answerTimer.stop();
        broken = false;
        handleAnswer(command, event->frame, arrivedNs);
    }
    // Nothing left that could still become a frame: the answer was broken.
    if (broken && m_pending && m_assembler.bufferedBytes() < idcard::kPreambleSize) {
        const SamCommand command = *std::exchange(m_pending, std::nullopt);
        m_answerTimer.stop();
        handleBrokenAnswer(command);
    }
}

void SamIdReader::onTimeout() {
    if (!m_pending)
        return;
    const SamCommand command = *m_pending;
    m_pending.reset();
    m_assembler.reset();
    countLineFailure(QStringLiteral("no answer"));
    if (!m_samReady || command == SamCommand::ResetSam || command == SamCommand::SamStatus)
        retrySamSetupLater();
    else if (m_lineFailures >= kLineFailureLimit)
        startSamSetup();
    else
        pollLater();
}

void SamIdReader::handleBrokenAnswer(SamCommand command) {
    countLineFailure(QStringLiteral("corrupted answer"));
    if (command == SamCommand::ReadText || command == SamCommand::ReadTextFingerprint)
        emit readingHint(QStringLiteral("hold_still"));
    if (!m_samReady)
        retrySamSetupLater();
    else
        pollLater();
}

void SamIdReader::countLineFailure(const QString &what) {
    ++m_lineFailures;
    if (m_lineFailures >= kLineFailureLimit)
        setHealth(
            State::Degraded,
            QStringLiteral("%1 from the reader, %2 times in a row").arg(what).arg(m_lineFailures));
}

void SamIdReader::handleAnswer(SamCommand command, const QByteArray &frame, qint64 arrivedNs) {
    const idcard::ResponseParse parsed = idcard::parseResponse(frame);
    if (!parsed.response) {
        handleBrokenAnswer(command);
        return;
    }
    if (m_lineFailures >= kLineFailureLimit && m_samReady)
        setHealth(State::Ok, QStringLiteral("SAM ready"));
    m_lineFailures = 0;
    const quint8 sw3 = parsed.response->sw3;
    switch (command) {
    case SamCommand::ResetSam:
        afterReset(sw3);
        break;
    case SamCommand::SamStatus:
        afterStatus(sw3);
        break;
    case SamCommand::FindCard:
        afterFind(sw3);
        break;
    case SamCommand::SelectCard:
        afterSelect(sw3, frame, arrivedNs);
        break;
    case SamCommand::ReadText:
    case SamCommand::ReadTextFingerprint:
        afterRead(sw3, frame, arrivedNs);
        break;
    default:
        pollLater();
        break;
    }
}

void SamIdReader::afterReset(quint8 sw3) {
    if (sw3 != idcard::status::Ok) {
        setHealth(State::Fault, QStringLiteral("SAM reset failed (status %1)").arg(hexStatus(sw3)));
        retrySamSetupLater();
        return;
    }
    send(SamCommand::SamStatus);
}

void SamIdReader::afterStatus(quint8 sw3) {
    if (sw3 != idcard::status::Ok) {
        setHealth(State::Fault, QStringLiteral("SAM not ready (status %1)").arg(hexStatus(sw3)));
        retrySamSetupLater();
        return;
    }
    m_samReady = true;
    setHealth(State::Ok, QStringLiteral("SAM ready"));
    send(SamCommand::FindCard);
}

void SamIdReader::afterFind(quint8 sw3) {
    if (sw3 != idcard::status::FindOk) {
        // 80: no card. Whatever else it says, the card read before is gone.
        forgetPresentation();
        pollLater();
        return;
    }
    if (m_cardReported) {
        pollLater();
        return;
    }
    send(SamCommand::SelectCard);
}

void SamIdReader::afterSelect(quint8 sw3, const QByteArray &frame, qint64 arrivedNs) {
    if (sw3 != idcard::status::Ok) {
        failedAttempt("select", sw3, frame, arrivedNs);
        return;
    }
    send(m_settings.fingerprint ? SamCommand::ReadTextFingerprint : SamCommand::ReadText);
}

void SamIdReader::afterRead(quint8 sw3, const QByteArray &frame, qint64 arrivedNs) {
    if (sw3 != idcard::status::Ok) {
        failedAttempt("read", sw3, frame, arrivedNs);
        return;
    }
    reportCard(frame, arrivedNs);
}

// A select or read of the card on the reader answered with a failing status.
// Both count towards the same read_attempts of one presentation: a card the
// SAM finds but cannot select is as unreadable as one it cannot read.
void SamIdReader::failedAttempt(const char *what, quint8 sw3, const QByteArray &frame,
                                qint64 arrivedNs) {
    ++m_failedAttempts;
    if (m_failedAttempts < m_settings.readAttempts) {
        // The card moved or failed to authenticate: try again on the next poll.
        emit readingHint(QStringLiteral("hold_still"));
        pollLater();
        return;
    }
    // A damaged or badly placed card: the passenger gets an answer instead of
    // waiting, and the failed answer itself tells the core the card is
    // unreadable. The reader works, so its health stays as it is.
    qCWarning(lcSamReader).noquote()
        << QStringLiteral("%1: card unreadable, %2 attempts in a row failed (last: %3, status %4)")
               .arg(m_deviceName)
               .arg(m_failedAttempts)
               .arg(QLatin1String(what))
               .arg(hexStatus(sw3));
    reportCard(frame, arrivedNs);
}

void SamIdReader::reportCard(const QByteArray &frame, qint64 arrivedNs) {
    m_cardReported = true;
    hal::RawRead read;
    read.kind = hal::RawRead::Kind::IdCardAnswer;
    read.bytes = frame;
    read.availableNs = arrivedNs;
    read.source = m_deviceName;
    emit rawRead(read);
    pollLater();
}

void SamIdReader::forgetPresentation() {
    m_cardReported = false;
    m_failedAttempts = 0;
}

void SamIdReader::setHealth(State state, const QString &detail) {
    if (m_health.update(state, detail))
        emit healthChanged(m_health);
}

} // namespace gate::samreader
