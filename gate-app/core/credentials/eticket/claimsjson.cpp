#include "core/credentials/eticket/claimsjson.h"

namespace gate::eticket {

QJsonObject toJson(const TicketClaims &claims) {
    QJsonObject json{{QStringLiteral("iss"), claims.iss}, {QStringLiteral("iat"), claims.iat},
                     {QStringLiteral("exp"), claims.exp}, {QStringLiteral("tid"), claims.tid},
                     {QStringLiteral("trn"), claims.trn}, {QStringLiteral("dep"), claims.dep},
                     {QStringLiteral("arr"), claims.arr}, {QStringLiteral("dpt"), claims.dpt}};
    if (claims.car)
        json.insert(QStringLiteral("car"), qint64(*claims.car));
    if (!claims.seat.isEmpty())
        json.insert(QStringLiteral("seat"), claims.seat);
    if (!claims.cls.isEmpty())
        json.insert(QStringLiteral("cls"), claims.cls);
    if (!claims.nm.isEmpty())
        json.insert(QStringLiteral("nm"), claims.nm);
    if (!claims.holderBinding.isEmpty())
        json.insert(QStringLiteral("hb"), QString::fromLatin1(claims.holderBinding.toHex()));
    if (claims.bindingKey)
        json.insert(QStringLiteral("kb"), qint64(*claims.bindingKey));
    return json;
}

} // namespace gate::eticket
