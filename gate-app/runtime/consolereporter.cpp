#include "consolereporter.h"

#include "core/decision/passengermessage.h"
#include "ui/languageswitcher.h"

#include <QDateTime>
#include <QTextStream>

namespace gate {

namespace {

void printLine(const QString &line) {
    QTextStream out(stdout);
    out << QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")) << "  " << line
        << Qt::endl;
}

QString ticketSummary(const MatchedTicket &ticket) {
    QString summary = ticket.train;
    if (ticket.car)
        summary += QStringLiteral(" coach %1").arg(*ticket.car);
    if (!ticket.seat.isEmpty())
        summary += QStringLiteral(" seat %1").arg(ticket.seat);
    return summary;
}

} // namespace

ConsoleReporter::ConsoleReporter(QObject *parent)
    : QObject(parent) {
    if (!ui::LanguageSwitcher::loadCatalogue(m_chinese, Language::Chinese))
        qWarning("no Chinese catalogue: the console shows English only");
}

void ConsoleReporter::decided(const PassageReport &report) {
    const Decision &decision = report.decision;
    const double ms = double(report.decidedNs - report.availableNs) / 1e6;
    // "reason=<code>" is the machine-readable token the tests and log tools look for.
    QString line = QStringLiteral("#%1 %2 %3 from %4 reason=%5")
                       .arg(report.passageId)
                       .arg(decision.admit ? QStringLiteral("ADMIT") : QStringLiteral("DENY "))
                       .arg(report.credentialKind, -8)
                       .arg(report.source, toString(decision.reason));
    const PassengerMessage english = passengerMessage(decision, nullptr);
    const PassengerMessage chinese =
        passengerMessage(decision, m_chinese.isEmpty() ? nullptr : &m_chinese);
    if (decision.admit && decision.ticket) {
        line += QStringLiteral(": %1").arg(ticketSummary(*decision.ticket));
        // A party is told how many pass on this admission.
        if (decision.partyTids.size() > 1)
            line += QStringLiteral(" - %1 | %2").arg(english.headline, chinese.headline);
    } else {
        line += QStringLiteral(": %1 - %2 | %3 - %4")
                    .arg(english.headline, english.advice, chinese.headline, chinese.advice);
    }
    line += QStringLiteral(" (decided %1 ms after the read)").arg(ms, 0, 'f', 1);
    printLine(line);
}

void ConsoleReporter::barrierOpened(qint64 passageId, qint64 presentedToOpenNs) {
    printLine(QStringLiteral("#%1 barrier open, acknowledged %2 ms after the read")
                  .arg(passageId)
                  .arg(double(presentedToOpenNs) / 1e6, 0, 'f', 1));
}

void ConsoleReporter::passageRecorded(qint64 passageId, const QString &outcome) {
    printLine(QStringLiteral("#%1 passage %2").arg(passageId).arg(outcome));
}

void ConsoleReporter::message(const QString &text) {
    printLine(text);
}

} // namespace gate
