#include "ticketlist_records.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gate::issuer {

namespace {
QByteArray compact(const QJsonObject &object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

QByteArray recordLine(const tickets::TicketRecord &ticket) {
    QJsonObject object{{QStringLiteral("t"), QStringLiteral("ticket")},
                       {QStringLiteral("tid"), ticket.tid},
                       {QStringLiteral("trn"), ticket.train},
                       {QStringLiteral("dep"), ticket.dep},
                       {QStringLiteral("arr"), ticket.arr},
                       {QStringLiteral("dpt"), ticket.departure},
                       {QStringLiteral("holder"), ticket.holder},
                       {QStringLiteral("status"), ticket.status}};
    if (ticket.car)
        object.insert(QStringLiteral("car"), qint64(*ticket.car));
    if (!ticket.seat.isEmpty())
        object.insert(QStringLiteral("seat"), ticket.seat);
    if (!ticket.seatClass.isEmpty())
        object.insert(QStringLiteral("cls"), ticket.seatClass);
    if (!ticket.maskedName.isEmpty())
        object.insert(QStringLiteral("nm"), ticket.maskedName);
    // Adult is the default: lists of adults alone stay as small as before.
    if (ticket.kind != QLatin1String("adult"))
        object.insert(QStringLiteral("kind"), ticket.kind);
    if (ticket.eligibleUntil)
        object.insert(QStringLiteral("eligible_until"), *ticket.eligibleUntil);
    return compact(object);
}

QByteArray recordLine(const tickets::TrainRecord &train) {
    return compact({{QStringLiteral("t"), QStringLiteral("train")},
                    {QStringLiteral("trn"), train.train},
                    {QStringLiteral("dpt"), train.departure},
                    {QStringLiteral("open"), train.open},
                    {QStringLiteral("close"), train.close},
                    {QStringLiteral("gates"), QJsonArray::fromStringList(train.gates)},
                    {QStringLiteral("status"), train.status}});
}

QByteArray recordLine(const tickets::UsedRecord &used) {
    return compact({{QStringLiteral("t"), QStringLiteral("used")},
                    {QStringLiteral("tid"), used.tid},
                    {QStringLiteral("dir"), used.dir},
                    {QStringLiteral("at"), used.at},
                    {QStringLiteral("gate"), used.gate}});
}

QByteArray recordLine(const tickets::DeleteRecord &deletion) {
    return compact(
        {{QStringLiteral("t"), QStringLiteral("del")}, {QStringLiteral("tid"), deletion.tid}});
}

QByteArray recordLine(const tickets::StationRecord &station) {
    return compact({{QStringLiteral("t"), QStringLiteral("station")},
                    {QStringLiteral("code"), station.code},
                    {QStringLiteral("zh"), station.zh},
                    {QStringLiteral("en"), station.en}});
}

} // namespace gate::issuer
