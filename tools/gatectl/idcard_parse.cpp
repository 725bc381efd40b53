#include "cli.h"

#include "core/credentials/idcard/idcardreading.h"

#include <QFile>

namespace gatectl {

// gatectl idcard parse FILE: one raw answer frame of a SAM reader.
int idcardParse(const QStringList &args) {
    if (args.size() != 1 || args.first().startsWith(QLatin1Char('-')))
        return usageError(QStringLiteral("usage: gatectl idcard parse FILE"));
    const QString path = args.first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return usageError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    // One byte more than the largest frame is enough to tell that a file is no frame.
    const QByteArray frame = file.read(gate::idcard::kMaxFrameSize + 1);
    if (file.error() != QFileDevice::NoError)
        return usageError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    QJsonObject result{{QStringLiteral("file"), path}};
    const QJsonObject reading = gate::idcard::toJson(gate::idcard::readIdCardAnswer(frame));
    for (auto it = reading.begin(); it != reading.end(); ++it)
        result.insert(it.key(), it.value());
    printJson(result);
    return exitRan;
}

} // namespace gatectl
