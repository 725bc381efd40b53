#pragma once

#include "core/credentials/idcard/carddescription.h"
#include "hal/sam/frameassembler.h"
#include "hal/sam/samframe.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

#include <memory>
#include <optional>

namespace gate::readersim {

// SimulatorOptions::failingReads/failingSelects: every one of them fails.
inline constexpr int kEveryAttemptFails = -1;

struct SimulatorOptions {
    QList<idcard::CardDescription> cards; // empty: no card ever
    // With presentMs > 0 the cards take turns: each lies on the reader for
    // presentMs, then nothing for absentMs. Otherwise the first card stays.
    int presentMs = 0;
    int absentMs = 2000;
    int leadInMs = 0; // no card at all for this long after the start
    int baud = 115200;
    int samProcessingMs = 100; // a read's work in the SAM before the answer starts
    int corruptEvery = 0;      // > 0: every Nth answer leaves with a wrong checksum
    bool samFault = false;     // reset and status answer 60 (self-test failed)
    // The first failingReads reads of each presentation answer 41 (read
    // failed), the first failingSelects selects 81 (select failed), as a
    // damaged or badly placed card does; kEveryAttemptFails: all of them.
    int failingReads = 0;
    int failingSelects = 0;
};

// Decides which commands of one kind fail: the first `failing` of each
// presentation (kEveryAttemptFails: all).
class FailingAttempts {
public:
    explicit FailingAttempts(int failing)
        : m_failing(failing) {}

    // Counts one attempt on `presentation`; true when it is to fail.
    bool next(qint64 presentation);

private:
    int m_failing;
    qint64 m_presentation = -1; // the presentation m_attempts counts
    int m_attempts = 0;
};

// The reader end of a SAM ID-card reader: reads request frames from a file
// descriptor (a pty master) and answers them as a reader would, sending the
// bytes no faster than the configured baud rate allows (a pty has no wire
// timing of its own).
class ReaderSimulator : public QObject {
    Q_OBJECT
public:
    ReaderSimulator(int fd, SimulatorOptions options, QObject *parent = nullptr);

    // The card on the reader now, or nullptr.
    const idcard::CardDescription *cardPresent() const;

signals:
    // The last byte of an answer was written; monotonic (QElapsedTimer clock) ns.
    void answerSent(qint64 lastByteNs);

private:
    // The presentation on the reader now: its turn (0 while the first card
    // stays), or nullopt when no card is on the reader.
    std::optional<qint64> presentationNow() const;
    const idcard::CardDescription *cardOf(std::optional<qint64> presentation) const;
    void onReadable();
    void answer(const QByteArray &request);
    QByteArray answerTo(idcard::SamCommand command);
    void queueAnswer(QByteArray frame, int delayMs);
    void sendDueBytes();

    int m_fd;
    SimulatorOptions m_options;
    QSocketNotifier m_readable;
    idcard::FrameAssembler m_requests;
    QElapsedTimer m_sinceStart;
    QTimer m_delay;
    QTimer m_pace;
    QByteArray m_pendingAnswer;
    QByteArray m_outgoing;
    QElapsedTimer m_sendingSince;
    qint64 m_sentOfOutgoing = 0;
    qint64 m_answers = 0;
    FailingAttempts m_failingReads;
    FailingAttempts m_failingSelects;
};

} // namespace gate::readersim
