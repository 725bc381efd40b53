#include "cli.h"

#include "core/credentials/idcard/idcardreading.h"

#include <QFile>

namespace gatectl {

// gatectl idcard parse FILE: one raw answer frame of a SAM reader.
int idcardParse(const QStringList &args) {
    Arguments arguments(QStringLiteral("gatectl idcard parse FILE"), {});
    if (!arguments.parse(args))
        return exitUsage;
    if (arguments.positional().size() != 1)
        return arguments.usageError();
    const QString path = arguments.positional().first();
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
