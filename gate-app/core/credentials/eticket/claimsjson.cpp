#include "core/credentials/eticket/claimsjson.h"

namespace gate::eticket {

QJsonObject toJson(const TicketClaims &claims) {
    QJsonObject json{
        {QStringLiteral("iss"), claims.iss},   {QStringLiteral("iat"), claims.iat},
        {QStringLiteral("exp"), claims.exp},   {QStringLiteral("tid"), claims.tid},
        {QStringLiteral("trn"), claims.train}, {QStringLiteral("dep"), claims.dep},
        {QStringLiteral("arr"), claims.arr},   {QStringLiteral("dpt"), claims.departure}};
    if (claims.car)
        json.insert(QStringLiteral("car"), qint64(*claims.car));
    if (!claims.seat.isEmpty())
        json.insert(QStringLiteral("seat"), claims.seat);
    if (!claims.seatClass.isEmpty())
        json.insert(QStringLiteral("cls"), claims.seatClass);
    if (!claims.maskedName.isEmpty())
        json.insert(QStringLiteral("nm"), claims.maskedName);
    if (!claims.holderBinding.isEmpty())
        json.insert(QStringLiteral("hb"), QString::fromLatin1(claims.holderBinding.toHex()));
    if (claims.bindingKey)
        json.insert(QStringLiteral("kb"), qint64(*claims.bindingKey));
    return json;
}

} // namespace gate::eticket
