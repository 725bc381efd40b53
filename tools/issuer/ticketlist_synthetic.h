#pragma once

#include "core/tickets/ticketrecord.h"
#include "ticketlist_writer.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace gate::issuer {

// A made-up but plausible station day for benchmarks, the demo and tests:
// trains spread over two days from `firstDay`, each with a 25-minute
// check-in window and one gate group; tickets spread over the trains, four in
// five departing from `station`, one in five arriving at it. Holders are
// synthetic passports "PP:UTO:T<8 digits>" (UTO: the ICAO specimen state).
struct SyntheticList {
    QString station = QStringLiteral("VNP");
    QString otherStation = QStringLiteral("AOH");
    qint64 tickets = 1000;
    qint64 firstDay = 0; // Unix seconds of the first departure day's start
    int ticketsPerTrain = 2000;
    QStringList gateGroups{QStringLiteral("A1"), QStringLiteral("A2"), QStringLiteral("A3"),
                           QStringLiteral("A4"), QStringLiteral("B1"), QStringLiteral("B2")};
    QByteArray listKey; // K_list, 32 bytes

    int trainCount() const;
    static QString identity(qint64 index);
    tickets::TrainRecord train(int index) const;
    tickets::TicketRecord ticket(qint64 index) const;
    // Every train, then every ticket, as record lines.
    RecordSource records() const;
};

} // namespace gate::issuer
