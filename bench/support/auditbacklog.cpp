#include "auditbacklog.h"

#include <QElapsedTimer>

#include <cstdio>

namespace gate::bench {

bool fillAuditBacklog(AuditStore &store, int count, std::vector<double> *appendMs) {
    QString error;
    QElapsedTimer timer;
    for (int i = 0; i < count; ++i) {
        timer.start();
        const qint64 at = 1763700000 + i;
        const QString tid = QStringLiteral("BACKLOG%1").arg(i);
        const AuditEvent passage{0, AuditEventType::Passage, at,
                                 QJsonObject{{QStringLiteral("direction"), "entry"},
                                             {QStringLiteral("tid"), tid},
                                             {QStringLiteral("holder_key"), "hk-synthetic"}}};
        if (!store.append(passage, &error, {TicketUse{tid, true, at}})) {
            std::fprintf(stderr, "audit append: %s\n", qPrintable(error));
            return false;
        }
        if (appendMs)
            appendMs->push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return true;
}

} // namespace gate::bench
