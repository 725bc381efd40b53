#include "sync/logship/logshipsettings.h"

#include "hal/jsonfields.h"

#include <QFileInfo>
#include <QJsonArray>

namespace gate {

namespace {

QString readableFile(const JsonFields &fields, const QString &key, bool required) {
    const QString file = required ? fields.requiredString(key) : fields.string(key);
    if (!file.isEmpty() && !QFileInfo(file).isReadable())
        fields.error(key, QStringLiteral("file \"%1\" is not readable").arg(file));
    return file;
}

LogShipSettings::Tls parseTls(const JsonFields &fields) {
    LogShipSettings::Tls tls;
    fields.rejectUnknown({QStringLiteral("enabled"), QStringLiteral("library"),
                          QStringLiteral("ca"), QStringLiteral("cert"), QStringLiteral("key"),
                          QStringLiteral("auth"), QStringLiteral("peers")});
    tls.enabled = fields.boolean(QStringLiteral("enabled"), true);
    tls.library = fields.oneOf(QStringLiteral("library"),
                               {QStringLiteral("gnutls"), QStringLiteral("openssl")}, tls.library);
    tls.authMode = fields.oneOf(QStringLiteral("auth"),
                                {QStringLiteral("anon"), QStringLiteral("name"),
                                 QStringLiteral("certvalid"), QStringLiteral("fingerprint")},
                                tls.authMode);
    // librelp 1.11's GnuTLS backend accepts any certificate in this mode,
    // whoever issued it (tests/ops/tst_logshiptls.cpp).
    if (tls.authMode == QLatin1String("certvalid") && tls.library != QLatin1String("openssl"))
        fields.error(QStringLiteral("auth"),
                     QStringLiteral("\"certvalid\" needs library \"openssl\": with GnuTLS, "
                                    "librelp does not check who issued the collector's "
                                    "certificate"));
    if (!tls.enabled)
        return tls;
    const bool authenticated = tls.authMode != QLatin1String("anon");
    // "certvalid" trusts any certificate the CA issued, whatever its name.
    const bool byCa =
        tls.authMode == QLatin1String("name") || tls.authMode == QLatin1String("certvalid");
    tls.caFile = readableFile(fields, QStringLiteral("ca"), byCa);
    tls.certFile = readableFile(fields, QStringLiteral("cert"), authenticated);
    tls.keyFile = readableFile(fields, QStringLiteral("key"), authenticated);
    const QJsonArray peers = fields.array(QStringLiteral("peers"));
    for (const QJsonValue &peer : peers) {
        if (!peer.isString() || peer.toString().isEmpty())
            fields.error(QStringLiteral("peers"), QStringLiteral("must be a list of names"));
        else
            tls.permittedPeers.append(peer.toString());
    }
    if (authenticated && tls.authMode != QLatin1String("certvalid") && tls.permittedPeers.isEmpty())
        fields.error(QStringLiteral("peers"),
                     QStringLiteral("is required with auth \"%1\": the collector's %2")
                         .arg(tls.authMode, tls.authMode == QLatin1String("name")
                                                ? QStringLiteral("certificate name")
                                                : QStringLiteral("certificate fingerprint")));
    return tls;
}

} // namespace

AuditStore::Options LogShipSettings::outboxOptions() const {
    AuditStore::Options options;
    options.maxRows = outboxMaxRows;
    options.maxBytes = outboxMaxBytes;
    // The shipper checkpoints after each delivered batch, off the deciding thread.
    options.checkpointOnCommit = false;
    return options;
}

std::optional<LogShipSettings> parseLogShipSettings(const QJsonObject &object, QStringList *errors,
                                                    const QString &path) {
    const qsizetype errorsBefore = errors->size();
    const JsonFields fields(object, path, errors);
    fields.rejectUnknown({QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("tls"),
                          QStringLiteral("batch"), QStringLiteral("outbox_limit"),
                          QStringLiteral("retry"), QStringLiteral("timeout_s")});
    LogShipSettings settings;
    settings.host =
        fields.matching(QStringLiteral("host"), QStringLiteral("[A-Za-z0-9.:_-]{1,253}"),
                        QStringLiteral("a host name or IP address"));
    settings.port = quint16(fields.integer(QStringLiteral("port"), settings.port, 1, 65535));
    if (fields.has(QStringLiteral("tls")))
        settings.tls = parseTls(fields.child(QStringLiteral("tls")));
    settings.batch = int(fields.integer(QStringLiteral("batch"), settings.batch, 1, 10'000));
    settings.timeoutSecs =
        int(fields.integer(QStringLiteral("timeout_s"), settings.timeoutSecs, 1, 600));

    const JsonFields outbox = fields.child(QStringLiteral("outbox_limit"));
    outbox.rejectUnknown({QStringLiteral("rows"), QStringLiteral("bytes")});
    settings.outboxMaxRows =
        outbox.integer(QStringLiteral("rows"), settings.outboxMaxRows, 100, 100'000'000);
    settings.outboxMaxBytes = outbox.integer(QStringLiteral("bytes"), settings.outboxMaxBytes,
                                             64 * 1024, qint64(1) << 40);

    const JsonFields retry = fields.child(QStringLiteral("retry"));
    retry.rejectUnknown({QStringLiteral("min_ms"), QStringLiteral("max_ms")});
    settings.retryMinMs =
        int(retry.integer(QStringLiteral("min_ms"), settings.retryMinMs, 10, 3'600'000));
    settings.retryMaxMs = int(retry.integer(QStringLiteral("max_ms"), settings.retryMaxMs,
                                            settings.retryMinMs, 3'600'000));
    if (errors->size() > errorsBefore)
        return std::nullopt;
    return settings;
}

} // namespace gate
