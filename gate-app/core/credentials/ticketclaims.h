#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <optional>

namespace gate {

// The claims of an e-ticket code whose signature verified (spec/eticket-qr.md).
struct TicketClaims {
    QString iss;
    qint64 iat = 0;
    qint64 exp = 0;
    QString tid;
    QString train;
    QString dep;
    QString arr;
    qint64 departure = 0;
    std::optional<quint32> car;
    QString seat;
    QString seatClass;
    QString maskedName;
    QByteArray holderBinding;          // "hb": 8 bytes, empty when absent
    std::optional<quint32> bindingKey; // "kb"

    bool operator==(const TicketClaims &) const = default;
};

} // namespace gate

Q_DECLARE_METATYPE(gate::TicketClaims)
