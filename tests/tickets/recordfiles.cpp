#include "recordfiles.h"

#include "core/tickets/ticketstorewriter.h"
#include "ticketlist_writer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace gate::testing {

QByteArray gzipRecordFile(const QList<QByteArray> &lines) {
    QTemporaryDir dir;
    issuer::TicketListWriter writer(dir.path(), issuer::SigningKey());
    QString error;
    if (!writer.writeSnapshot(1, issuer::recordsFrom(lines), &error))
        return {};
    QFile file(QDir(dir.path()).filePath(writer.manifest().snapshot.path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool buildStore(const QString &path, const QList<QByteArray> &lines,
                const tickets::ListState &state) {
    QString error;
    const auto writer = tickets::TicketStoreWriter::open(path, &error);
    const QByteArray file = gzipRecordFile(lines);
    return writer && writer->apply({state, true, {QByteArrayView(file)}}, &error).has_value();
}

} // namespace gate::testing
