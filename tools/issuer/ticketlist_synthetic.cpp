#include "ticketlist_synthetic.h"

#include "core/credentials/holderkey.h"
#include "ticketlist_records.h"

#include <algorithm>

namespace gate::issuer {

namespace {
constexpr qint64 twoDays = 2 * 86400;
constexpr qint64 checkInOpensBefore = 30 * 60;
constexpr qint64 checkInClosesBefore = 5 * 60;
} // namespace

int SyntheticList::trainCount() const {
    return int(std::max<qint64>(1, (tickets + ticketsPerTrain - 1) / ticketsPerTrain));
}

QString SyntheticList::identity(qint64 index) {
    return QStringLiteral("PP:UTO:T%1").arg(index, 8, 10, QLatin1Char('0'));
}

tickets::TrainRecord SyntheticList::train(int index) const {
    tickets::TrainRecord train;
    train.train = QStringLiteral("G%1").arg(1000 + index);
    // Whole minutes, from 06:00 on, spread over two days.
    const qint64 spacing = std::max<qint64>(60, (twoDays / trainCount()) / 60 * 60);
    train.departure = firstDay + 6 * 3600 + index * spacing;
    train.open = train.departure - checkInOpensBefore;
    train.close = train.departure - checkInClosesBefore;
    train.gates = QStringList{gateGroups.at(index % gateGroups.size())};
    train.status = QStringLiteral("normal");
    return train;
}

tickets::TicketRecord SyntheticList::ticket(qint64 index) const {
    static const char seatLetters[] = "ABCDF";
    const tickets::TrainRecord ofTrain = train(int(index % trainCount()));
    tickets::TicketRecord ticket;
    ticket.tid = QStringLiteral("E%1").arg(index, 10, 10, QLatin1Char('0'));
    ticket.train = ofTrain.train;
    const bool arriving = index % 5 == 4;
    ticket.dep = arriving ? otherStation : station;
    ticket.arr = arriving ? station : otherStation;
    ticket.departure = ofTrain.departure;
    ticket.car = quint32(1 + (index / 100) % 16);
    ticket.seat =
        QStringLiteral("%1%2").arg(1 + index % 20).arg(QLatin1Char(seatLetters[index % 5]));
    ticket.seatClass = QStringLiteral("2");
    ticket.holder = holderKey(listKey, identity(index));
    ticket.status = QStringLiteral("valid");
    ticket.maskedName = QStringLiteral("SYNTH*");
    return ticket;
}

RecordSource SyntheticList::records() const {
    return [this, nextTrain = 0, nextTicket = qint64(0)](QByteArray *line) mutable {
        if (nextTrain < trainCount()) {
            *line = recordLine(train(nextTrain++));
            return true;
        }
        if (nextTicket < tickets) {
            *line = recordLine(ticket(nextTicket++));
            return true;
        }
        return false;
    };
}

} // namespace gate::issuer
