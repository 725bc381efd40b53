#include "cli.h"

#include "core/credentials/holderkey.h"
#include "core/tickets/ticketstorereader.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

namespace gatectl {

namespace {

bool isCanonicalIdentity(const QString &identity) {
    static const QRegularExpression pattern(
        QStringLiteral("^(ID:[0-9X]{18}|HMT:[0-9A-Z]{18}|FPR:[0-9A-Z]{15,18}|"
                       "PP:[A-Z]{1,3}:[0-9A-Z]{1,20})$"));
    return pattern.match(identity).hasMatch();
}

QJsonObject ticketJson(const gate::tickets::TicketStoreReader &store,
                       const gate::tickets::TicketRecord &ticket) {
    QJsonArray uses;
    for (const gate::tickets::UsedRecord &use : store.uses(ticket.tid))
        uses.append(QJsonObject{{QStringLiteral("dir"), use.dir},
                                {QStringLiteral("at"), use.at},
                                {QStringLiteral("gate"), use.gate}});
    return {{QStringLiteral("tid"), ticket.tid},
            {QStringLiteral("trn"), ticket.train},
            {QStringLiteral("dep"), ticket.dep},
            {QStringLiteral("arr"), ticket.arr},
            {QStringLiteral("dpt"), ticket.departure},
            {QStringLiteral("status"), ticket.status},
            {QStringLiteral("used"), uses}};
}

// The first line of standard input, at most a canonical identity long: the
// identity never appears in a process list or a shell history.
QString identityFromStandardInput() {
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return {};
    constexpr qint64 maxLineBytes = 128;
    return QString::fromLatin1(input.readLine(maxLineBytes + 1)).trimmed().toUpper();
}

} // namespace

// tickets lookup --db FILE (--tid TID | --doc -): the tickets of a tid or of a
// document, found by its holder key; the identity comes on standard input
// (spec/gatectl.md) and is never printed.
int ticketsLookup(const QStringList &args) {
    Arguments arguments(
        QStringLiteral("gatectl tickets lookup --db FILE (--tid TID | --doc -), "
                       "the identity on the first line of standard input"),
        {QCommandLineOption(QStringLiteral("db"), QString(), QStringLiteral("FILE")),
         QCommandLineOption(QStringLiteral("tid"), QString(), QStringLiteral("TID")),
         QCommandLineOption(QStringLiteral("doc"), QString(), QStringLiteral("-"))});
    if (!arguments.parse(args))
        return exitUsage;
    const bool byDocument = arguments.isSet(QStringLiteral("doc"));
    if (byDocument && arguments.value(QStringLiteral("doc")) != QLatin1String("-"))
        // Never echoed: it may be an identity typed where "-" belongs.
        return arguments.usageError(QStringLiteral("tickets lookup: --doc takes \"-\" and reads "
                                                   "the identity from standard input, never from "
                                                   "the command line"));
    const QString database = arguments.value(QStringLiteral("db"));
    const QString tid = arguments.value(QStringLiteral("tid"));
    if (!arguments.positional().isEmpty() || database.isEmpty() || tid.isEmpty() == !byDocument)
        return arguments.usageError();
    const QString identity = byDocument ? identityFromStandardInput() : QString();
    if (byDocument && !isCanonicalIdentity(identity))
        return usageError(QStringLiteral("tickets lookup: standard input must start with a "
                                         "canonical identity (ID:, HMT:, FPR:, PP:STATE:)"));

    QString error;
    const auto store = gate::tickets::TicketStoreReader::open(database, &error);
    if (!store)
        return usageError(error);
    const gate::tickets::TicketStoreReader::Snapshot snapshot(*store);
    QList<gate::tickets::TicketRecord> found;
    if (!tid.isEmpty()) {
        if (auto ticket = store->ticket(tid))
            found << *ticket;
    } else {
        found = store->ticketsOfHolder(gate::holderKey(store->state().listKey.key, identity));
    }
    QJsonArray tickets;
    for (const gate::tickets::TicketRecord &ticket : found)
        tickets.append(ticketJson(*store, ticket));
    QJsonObject result{{QStringLiteral("seq"), store->state().seq},
                       {QStringLiteral("found"), tickets.size()},
                       {QStringLiteral("tickets"), tickets}};
    if (!tid.isEmpty())
        result.insert(QStringLiteral("tid"), tid);
    printJson(result);
    return exitRan;
}

} // namespace gatectl
