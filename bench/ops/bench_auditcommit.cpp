// bench-auditcommit: what the durable commit of an admission costs on the
// deciding thread. Appends alternate between a decision record with its
// ticket use (an admission: synchronous=FULL, the WAL flushed to the disk)
// and one without (a refusal or any other record: synchronous=NORMAL), on a
// store in the folder given (default: the current one; not a tmpfs, where a
// flush costs nothing).
//   bench-auditcommit [--dir DIR] [--count N]

#include "benchreport.h"
#include "core/audit/auditstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QStorageInfo>
#include <QTemporaryDir>

#include <cstdio>
#include <vector>

using namespace gate;

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype dirAt = args.indexOf(QStringLiteral("--dir"));
    const qsizetype countAt = args.indexOf(QStringLiteral("--count"));
    const QString base =
        dirAt > 0 && dirAt + 1 < args.size() ? args.at(dirAt + 1) : QDir::currentPath();
    const int count =
        countAt > 0 && countAt + 1 < args.size() ? args.at(countAt + 1).toInt() : 2000;
    QTemporaryDir dir(QDir(base).filePath(QStringLiteral("bench-auditcommit-XXXXXX")));
    AuditStore store;
    QString error;
    if (!dir.isValid() || count <= 0 ||
        !store.open(dir.filePath(QStringLiteral("audit.db")), QStringLiteral("BENCH-01"), &error)) {
        std::fprintf(stderr, "bench-auditcommit: %s\n", qPrintable(error));
        return 1;
    }
    std::vector<double> admissionMs;
    std::vector<double> otherMs;
    QElapsedTimer timer;
    for (int i = 0; i < 2 * count; ++i) {
        const bool admission = i % 2 == 0;
        const QString tid = QStringLiteral("BENCH%1").arg(i);
        const AuditEvent decision{
            0, AuditEventType::Decision, 1763700000 + i,
            QJsonObject{{QStringLiteral("admit"), admission},
                        {QStringLiteral("reason"), admission ? "ok" : "too_early"},
                        {QStringLiteral("tid"), tid}}};
        timer.start();
        const auto seq =
            admission ? store.append(decision, &error, {TicketUse{tid, true, 1763700000 + i}})
                      : store.append(decision, &error);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!seq) {
            std::fprintf(stderr, "bench-auditcommit: %s\n", qPrintable(error));
            return 1;
        }
        (admission ? admissionMs : otherMs).push_back(ms);
    }
    const QStorageInfo storage(dir.path());
    bench::printReport(
        QStringLiteral("bench-auditcommit"),
        {{QStringLiteral("filesystem"), QString::fromLatin1(storage.fileSystemType())},
         {QStringLiteral("device"), QString::fromLatin1(storage.device())},
         {QStringLiteral("admission_full_ms"), bench::summarize(std::move(admissionMs))},
         {QStringLiteral("other_normal_ms"), bench::summarize(std::move(otherMs))}});
    return 0;
}
