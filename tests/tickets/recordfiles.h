#pragma once

#include "core/tickets/liststate.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace gate::testing {

// The gzip record file the issuer would publish for these lines.
QByteArray gzipRecordFile(const QList<QByteArray> &lines);

// Creates a ticket store at `path` holding `lines` as a snapshot with `state`.
bool buildStore(const QString &path, const QList<QByteArray> &lines,
                const tickets::ListState &state);

} // namespace gate::testing
