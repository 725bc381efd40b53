#include "cli.h"

#include "core/crypto/stricted25519.h"
#include "core/tickets/ticketstorewriter.h"
#include "sync/ticketlist/ticketlistpuller.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace gatectl {

// tickets sync URL --db FILE --root-key BASE64 --device-key FILE: one pass of
// the gate algorithm (spec/ticket-list.md) into the SQLite file. Exit 1 on a
// refusal. The opened keys go into the store only, never to the output.
int ticketsSync(const QStringList &args) {
    Arguments arguments(
        QStringLiteral("gatectl tickets sync URL --db FILE --root-key BASE64 --device-key FILE"),
        {QCommandLineOption(QStringLiteral("db"), QString(), QStringLiteral("FILE")),
         QCommandLineOption(QStringLiteral("root-key"), QString(), QStringLiteral("BASE64")),
         QCommandLineOption(QStringLiteral("device-key"), QString(), QStringLiteral("FILE"))});
    if (!arguments.parse(args))
        return exitUsage;
    const QString database = arguments.value(QStringLiteral("db"));
    const QString deviceKeyFile = arguments.value(QStringLiteral("device-key"));
    const QByteArray rootKey =
        QByteArray::fromBase64(arguments.value(QStringLiteral("root-key")).toLatin1());
    const QUrl stationUrl(arguments.positional().value(0), QUrl::StrictMode);
    if (arguments.positional().size() != 1 || !stationUrl.isValid() ||
        stationUrl.scheme().isEmpty() || database.isEmpty() || deviceKeyFile.isEmpty())
        return arguments.usageError();
    if (!gate::crypto::isStrictEd25519PublicKey(rootKey))
        return usageError(QStringLiteral("tickets sync: --root-key is not a usable Ed25519 public "
                                         "key (32 bytes, not of small order, canonical)"));

    QString error;
    gate::sync::TicketListSource source{stationUrl, rootKey};
    source.deviceKey = gate::tickets::DeviceKey::load(deviceKeyFile, &error);
    if (!source.deviceKey)
        return usageError(QStringLiteral("tickets sync: --device-key %1").arg(error));
    const auto store = gate::tickets::TicketStoreWriter::open(database, &error);
    if (!store)
        return usageError(error);

    QElapsedTimer elapsed;
    elapsed.start();
    gate::sync::TicketListPuller puller(source, *store);
    gate::sync::SyncResult result;
    QEventLoop loop;
    QObject::connect(&puller, &gate::sync::TicketListPuller::finished, &loop,
                     [&](const gate::sync::SyncResult &finished) {
                         result = finished;
                         loop.quit();
                     });
    QTimer::singleShot(0, &puller, &gate::sync::TicketListPuller::syncNow);
    loop.exec();

    if (!result.detail.isEmpty())
        printError(QStringLiteral("tickets sync: %1: %2")
                       .arg(gate::sync::toString(result.outcome), result.detail));
    printJson({{QStringLiteral("url"), arguments.positional().first()},
               {QStringLiteral("outcome"), gate::sync::toString(result.outcome)},
               {QStringLiteral("seq"), result.seq},
               {QStringLiteral("from_seq"), result.fromSeq},
               {QStringLiteral("tickets"), result.tickets},
               {QStringLiteral("ms"), elapsed.elapsed()}});
    return result.isRefusal() ? exitRefused : exitRan;
}

} // namespace gatectl
