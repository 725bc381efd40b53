#include "cli.h"

#include "core/tickets/devicekey.h"

namespace gatectl {

namespace {

// The public half, for enrolment (spec/gatectl.md): never the private key.
QJsonObject publicHalf(const gate::tickets::DeviceKey &key) {
    return {{QStringLiteral("gate"), QString::fromLatin1(key.kid().toBase64())},
            {QStringLiteral("pub"), QString::fromLatin1(key.publicKey().toBase64())}};
}

// The value of `--name VALUE` when the arguments are exactly that.
QString onlyOption(const QStringList &args, const QString &name) {
    return args.size() == 2 && args.at(0) == name ? args.at(1) : QString();
}

} // namespace

// device-key init --out FILE: a new X25519 device key, mode 0600; refuses to
// replace an existing file (that would un-enrol the gate).
int deviceKeyInit(const QStringList &args) {
    const QString path = onlyOption(args, QStringLiteral("--out"));
    if (path.isEmpty())
        return usageError(QStringLiteral("usage: gatectl device-key init --out FILE"));
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
    const QString path = onlyOption(args, QStringLiteral("--key"));
    if (path.isEmpty())
        return usageError(QStringLiteral("usage: gatectl device-key show --key FILE"));
    QString error;
    const std::optional<gate::tickets::DeviceKey> key =
        gate::tickets::DeviceKey::load(path, &error);
    if (!key)
        return usageError(QStringLiteral("device-key show: %1").arg(error));
    printJson(publicHalf(*key));
    return exitRan;
}

} // namespace gatectl
