#include "cli.h"

#include "core/tickets/devicekey.h"

namespace gatectl {

namespace {

// The public half, for enrolment (spec/gatectl.md): never the private key.
QJsonObject publicHalf(const gate::tickets::DeviceKey &key) {
    return {{QStringLiteral("gate"), QString::fromLatin1(key.kid().toBase64())},
            {QStringLiteral("pub"), QString::fromLatin1(key.publicKey().toBase64())}};
}

// The FILE of `--name FILE` when the arguments are exactly that; empty after
// printing the usage error.
QString onlyFileOption(const QString &usage, const QString &name, const QStringList &args) {
    Arguments arguments(usage, {QCommandLineOption(name, QString(), QStringLiteral("FILE"))});
    if (!arguments.parse(args))
        return {};
    if (!arguments.isSet(name) || arguments.value(name).isEmpty() ||
        !arguments.positional().isEmpty()) {
        arguments.usageError();
        return {};
    }
    return arguments.value(name);
}

} // namespace

// device-key init --out FILE: a new X25519 device key, mode 0600; refuses to
// replace an existing file (that would un-enrol the gate).
int deviceKeyInit(const QStringList &args) {
    const QString path = onlyFileOption(QStringLiteral("gatectl device-key init --out FILE"),
                                        QStringLiteral("out"), args);
    if (path.isEmpty())
        return exitUsage;
    QString error;
    const std::optional<gate::tickets::DeviceKey> key = gate::tickets::DeviceKey::generate(&error);
    if (!key || !key->saveNew(path, &error)) {
        printError(QStringLiteral("device-key init: %1").arg(error));
        return exitRefused;
    }
    QJsonObject result = publicHalf(*key);
    result.insert(QStringLiteral("file"), path);
    printJson(result);
    return exitRan;
}

// device-key show --key FILE: {"gate","pub"} for the ticket system to enrol.
int deviceKeyShow(const QStringList &args) {
    const QString path = onlyFileOption(QStringLiteral("gatectl device-key show --key FILE"),
                                        QStringLiteral("key"), args);
    if (path.isEmpty())
        return exitUsage;
    QString error;
    const std::optional<gate::tickets::DeviceKey> key =
        gate::tickets::DeviceKey::load(path, &error);
    if (!key)
        return usageError(QStringLiteral("device-key show: %1").arg(error));
    printJson(publicHalf(*key));
    return exitRan;
}

} // namespace gatectl
