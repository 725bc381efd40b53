#include "readersimulator.h"

#include "core/credentials/idcard/cardencoder.h"
#include "hal/monotonicclock.h"

#include <QtEndian>

#include <cerrno>
#include <unistd.h>

namespace gate::readersim {

namespace {

using idcard::SamCommand;
namespace status = idcard::status;

// Typical small-command work inside the reader (find, select, status).
constexpr int kShortProcessingMs = 5;
constexpr int kPaceTickMs = 1;
constexpr quint8 kBadRequestChecksum = 0x10;
constexpr quint8 kBadRequestLength = 0x11;
constexpr quint8 kBadCommand = 0x21;

} // namespace

ReaderSimulator::ReaderSimulator(int fd, SimulatorOptions options, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
    , m_options(std::move(options))
    , m_readable(fd, QSocketNotifier::Read, this)
    , m_delay(this)
    , m_pace(this)
    , m_failingReads(m_options.failingReads)
    , m_failingSelects(m_options.failingSelects) {
    m_sinceStart.start();
    m_delay.setSingleShot(true);
    m_pace.setTimerType(Qt::PreciseTimer);
    connect(&m_readable, &QSocketNotifier::activated, this, &ReaderSimulator::onReadable);
    connect(&m_delay, &QTimer::timeout, this, [this] {
        m_outgoing = std::exchange(m_pendingAnswer, {});
        m_sentOfOutgoing = 0;
        m_sendingSince.start();
        sendDueBytes();
        if (!m_outgoing.isEmpty())
            m_pace.start(kPaceTickMs);
    });
    connect(&m_pace, &QTimer::timeout, this, &ReaderSimulator::sendDueBytes);
}

const idcard::CardDescription *ReaderSimulator::cardPresent() const {
    return cardOf(presentationNow());
}

const idcard::CardDescription *ReaderSimulator::cardOf(std::optional<qint64> presentation) const {
    if (!presentation)
        return nullptr;
    return &m_options.cards[qsizetype(*presentation % m_options.cards.size())];
}

std::optional<qint64> ReaderSimulator::presentationNow() const {
    const qint64 elapsed = m_sinceStart.elapsed() - m_options.leadInMs;
    if (m_options.cards.isEmpty() || elapsed < 0)
        return std::nullopt;
    if (m_options.presentMs <= 0)
        return 0;
    const qint64 period = qint64(m_options.presentMs) + m_options.absentMs;
    if (elapsed % period >= m_options.presentMs)
        return std::nullopt;
    return elapsed / period;
}

void ReaderSimulator::onReadable() {
    char buffer[512];
    const ssize_t got = ::read(m_fd, buffer, sizeof buffer);
    if (got <= 0)
        return;
    m_requests.push(QByteArrayView(buffer, got));
    while (std::optional<idcard::FrameAssembler::Event> event = m_requests.take()) {
        if (event->error)
            queueAnswer(
                idcard::responseFrame(event->error->kind == idcard::FrameError::Kind::BadChecksum
                                          ? kBadRequestChecksum
                                          : kBadRequestLength),
                kShortProcessingMs);
        else
            answer(event->frame);
    }
}

void ReaderSimulator::answer(const QByteArray &request) {
    // A request is preamble, length 3, CMD PARA, CHK.
    if (request.size() != idcard::kHeaderSize + 3) {
        queueAnswer(idcard::responseFrame(kBadRequestLength), kShortProcessingMs);
        return;
    }
    const auto command =
        SamCommand(qFromBigEndian<quint16>(request.constData() + idcard::kHeaderSize));
    const bool isRead =
        command == SamCommand::ReadText || command == SamCommand::ReadTextFingerprint;
    queueAnswer(answerTo(command), isRead ? m_options.samProcessingMs : kShortProcessingMs);
}

QByteArray ReaderSimulator::answerTo(SamCommand command) {
    // One look at the clock, so that a read is judged on the card it reads.
    const std::optional<qint64> presentation = presentationNow();
    const idcard::CardDescription *card = cardOf(presentation);
    switch (command) {
    case SamCommand::ResetSam:
    case SamCommand::SamStatus:
        return idcard::responseFrame(m_options.samFault ? status::SelfTestFailed : status::Ok);
    case SamCommand::SamId:
        return idcard::responseFrame(status::Ok, QByteArray(16, '\x01'));
    case SamCommand::FindCard:
        return card ? idcard::responseFrame(status::FindOk, QByteArray(4, '\0'))
                    : idcard::responseFrame(status::NoCard);
    case SamCommand::SelectCard:
        if (!card || m_failingSelects.next(*presentation))
            return idcard::responseFrame(status::SelectFailed);
        return idcard::responseFrame(status::Ok, QByteArray(8, '\0'));
    case SamCommand::ReadText:
    case SamCommand::ReadTextFingerprint: {
        if (!card || m_failingReads.next(*presentation))
            return idcard::responseFrame(status::ReadFailed);
        QString error;
        const std::optional<QByteArray> frame = idcard::encodeReadAnswer(*card, command, &error);
        return frame ? *frame : idcard::responseFrame(status::ReadFailed);
    }
    case SamCommand::ReadAppendedAddress:
        return idcard::responseFrame(status::NoContent);
    }
    return idcard::responseFrame(kBadCommand);
}

bool FailingAttempts::next(qint64 presentation) {
    if (presentation != m_presentation) {
        m_presentation = presentation;
        m_attempts = 0;
    }
    ++m_attempts;
    return m_failing == kEveryAttemptFails || m_attempts <= m_failing;
}

void ReaderSimulator::queueAnswer(QByteArray frame, int delayMs) {
    ++m_answers;
    if (m_options.corruptEvery > 0 && m_answers % m_options.corruptEvery == 0)
        frame.back() = char(frame.back() ^ 0x5A);
    // A reader answers one request at a time; a newer request replaces an
    // answer not yet started, as the host has given up on it.
    m_pendingAnswer = std::move(frame);
    m_delay.start(delayMs);
}

void ReaderSimulator::sendDueBytes() {
    // 8N1: ten bit times per byte.
    const qint64 due =
        std::min<qint64>(m_outgoing.size(),
                         m_sendingSince.nsecsElapsed() * (m_options.baud / 10) / 1'000'000'000 + 1);
    while (m_sentOfOutgoing < due) {
        const ssize_t written = ::write(m_fd, m_outgoing.constData() + m_sentOfOutgoing,
                                        size_t(due - m_sentOfOutgoing));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return; // EAGAIN: the other side is not reading; try on the next tick
        }
        m_sentOfOutgoing += written;
    }
    if (m_sentOfOutgoing < m_outgoing.size())
        return;
    m_pace.stop();
    m_outgoing.clear();
    m_sentOfOutgoing = 0;
    emit answerSent(hal::monotonicNowNs());
}

} // namespace gate::readersim
