#pragma once

#include "core/tickets/ticketrecord.h"

#include <QByteArray>

namespace gate::issuer {

// One ndjson line (without '\n') per record of spec/ticket-list.md, the
// inverse of tickets::parseRecordLine().
QByteArray recordLine(const tickets::TicketRecord &ticket);
QByteArray recordLine(const tickets::TrainRecord &train);
QByteArray recordLine(const tickets::UsedRecord &used);
QByteArray recordLine(const tickets::DeleteRecord &deletion);
QByteArray recordLine(const tickets::StationRecord &station);

} // namespace gate::issuer
