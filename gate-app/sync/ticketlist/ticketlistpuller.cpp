#include "sync/ticketlist/ticketlistpuller.h"

#include "core/tickets/ticketstorewriter.h"
#include "sync/ticketlist/ed25519verify.h"

#include <QCryptographicHash>
#include <QNetworkReply>

namespace gate::sync {

namespace {
constexpr qint64 signatureBytes = 64;
constexpr qint64 maxKeysJsonBytes = 1024 * 1024;

QByteArray sha256(const QByteArray &bytes) {
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}
} // namespace

TicketListPuller::TicketListPuller(TicketListSource source, tickets::TicketStoreWriter &store,
                                   QObject *parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_store(store) {
    qRegisterMetaType<gate::sync::SyncResult>();
    if (!m_source.stationUrl.path().endsWith(u'/'))
        m_source.stationUrl.setPath(m_source.stationUrl.path() + u'/');
}

QString TicketListPuller::expectedStation() const {
    if (!m_source.station.isEmpty())
        return m_source.station;
    const QStringList segments = m_source.stationUrl.path().split(u'/', Qt::SkipEmptyParts);
    return segments.isEmpty() ? QString() : segments.last();
}

void TicketListPuller::syncNow() {
    if (m_running)
        return;
    m_running = true;
    m_elapsed.start();
    const tickets::ListState state = m_store.state();
    m_fromSeq = state.seq;
    m_files.clear();
    m_plan.clear();
    m_keysJson.clear();
    fetch(QStringLiteral("manifest.json"), tickets::maxManifestBytes, state.etag,
          [this](Fetched fetched) { onManifest(std::move(fetched)); });
}

void TicketListPuller::fetch(const QString &name, qint64 maxBytes, const QByteArray &ifNoneMatch,
                             FetchDone done) {
    QNetworkRequest request(m_source.stationUrl.resolved(QUrl(name)));
    request.setTransferTimeout(m_source.transferTimeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    if (!ifNoneMatch.isEmpty())
        request.setRawHeader("If-None-Match", ifNoneMatch);
    QNetworkReply *reply = m_network.get(request);
    auto fetched = std::make_shared<Fetched>();
    connect(reply, &QNetworkReply::readyRead, this, [reply, fetched, maxBytes] {
        fetched->body += reply->readAll();
        if (fetched->body.size() > maxBytes) {
            fetched->tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [reply, fetched, done = std::move(done)] {
        reply->deleteLater();
        if (!fetched->tooLarge)
            fetched->body += reply->readAll();
        // A station folder on a local disk (a USB stick at commissioning, the
        // demo) answers without HTTP: a file read is a 200.
        fetched->status = reply->url().isLocalFile()
                              ? (reply->error() == QNetworkReply::NoError ? 200 : 404)
                              : reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        fetched->etag = reply->rawHeader("ETag");
        fetched->networkError = reply->error() != QNetworkReply::NoError;
        fetched->error = reply->errorString();
        done(std::move(*fetched));
    });
}

void TicketListPuller::onManifest(Fetched fetched) {
    if (fetched.tooLarge)
        return finish(SyncOutcome::Malformed, QStringLiteral("manifest.json too large"));
    if (!fetched.networkError && fetched.status == 304)
        return finish(SyncOutcome::Unchanged);
    if (fetched.networkError || fetched.status != 200)
        return finish(SyncOutcome::Unreachable, QStringLiteral("manifest.json: ") + fetched.error);
    m_manifestBytes = fetched.body;
    m_manifestEtag = fetched.etag;
    fetch(QStringLiteral("manifest.json.sig"), signatureBytes, {},
          [this](Fetched signature) { onSignature(std::move(signature)); });
}

void TicketListPuller::onSignature(Fetched fetched) {
    if (!fetched.tooLarge && (fetched.networkError || fetched.status != 200))
        return finish(SyncOutcome::Unreachable,
                      QStringLiteral("manifest.json.sig: ") + fetched.error);
    if (fetched.tooLarge || !verifyEd25519(m_source.rootKey, m_manifestBytes, fetched.body))
        return finish(SyncOutcome::BadSignature);

    QString error;
    const std::optional<tickets::Manifest> manifest =
        tickets::parseManifest(m_manifestBytes, &error);
    if (!manifest)
        return finish(SyncOutcome::Malformed, error);
    m_manifest = *manifest;
    if (m_manifest.station != expectedStation())
        return finish(
            SyncOutcome::WrongStation,
            QStringLiteral("list of %1, expected %2").arg(m_manifest.station, expectedStation()));
    if (m_manifest.seq < m_fromSeq)
        return finish(SyncOutcome::Rollback, QStringLiteral("seq %1 is older than the applied %2")
                                                 .arg(m_manifest.seq)
                                                 .arg(m_fromSeq));

    // A new list key changes every holder key, so only a snapshot will do.
    const tickets::ListState state = m_store.state();
    const bool sameListKey = !state.isEmpty() && state.listKey.id == m_manifest.listKey.id &&
                             state.listKey.key == m_manifest.listKey.key;
    const std::optional<QList<tickets::BundleFile>> deltas =
        sameListKey ? tickets::deltaChainFrom(m_manifest, m_fromSeq) : std::nullopt;
    m_replaceAll = !deltas;
    if (deltas) {
        m_plan = *deltas;
    } else {
        const std::optional<QList<tickets::BundleFile>> afterSnapshot =
            tickets::deltaChainFrom(m_manifest, m_manifest.snapshot.to);
        if (!afterSnapshot)
            return finish(SyncOutcome::ChainGap, QStringLiteral("no delta chain from %1 to %2")
                                                     .arg(m_manifest.snapshot.to)
                                                     .arg(m_manifest.seq));
        m_plan = QList<tickets::BundleFile>{m_manifest.snapshot} + *afterSnapshot;
    }
    if (sha256(state.keysJson) == m_manifest.keysSha256) {
        m_keysJson = state.keysJson;
        return fetchNextFile();
    }
    fetchKeys();
}

void TicketListPuller::fetchKeys() {
    fetch(m_manifest.keysPath, maxKeysJsonBytes, {}, [this](Fetched fetched) {
        if (fetched.tooLarge)
            return finish(SyncOutcome::BadSize, m_manifest.keysPath);
        if (fetched.networkError || fetched.status != 200)
            return finish(SyncOutcome::Unreachable,
                          m_manifest.keysPath + QStringLiteral(": ") + fetched.error);
        if (sha256(fetched.body) != m_manifest.keysSha256)
            return finish(SyncOutcome::BadHash, m_manifest.keysPath);
        m_keysJson = fetched.body;
        fetchNextFile();
    });
}

void TicketListPuller::fetchNextFile() {
    if (m_files.size() == m_plan.size())
        return apply();
    const tickets::BundleFile file = m_plan.at(m_files.size());
    fetch(file.path, file.size, {}, [this, file](Fetched fetched) {
        if (fetched.tooLarge)
            return finish(SyncOutcome::BadSize,
                          file.path + QStringLiteral(": larger than announced"));
        if (fetched.networkError || fetched.status != 200)
            return finish(SyncOutcome::Unreachable,
                          file.path + QStringLiteral(": ") + fetched.error);
        if (fetched.body.size() != file.size)
            return finish(SyncOutcome::BadSize,
                          file.path + QStringLiteral(": smaller than announced"));
        if (sha256(fetched.body) != file.sha256)
            return finish(SyncOutcome::BadHash, file.path);
        m_files << fetched.body;
        fetchNextFile();
    });
}

void TicketListPuller::apply() {
    tickets::ListUpdate update;
    update.state.station = m_manifest.station;
    update.state.seq = m_manifest.seq;
    update.state.generated = m_manifest.generated;
    update.state.expires = m_manifest.expires;
    update.state.listKey = m_manifest.listKey;
    update.state.bindKeys = m_manifest.bindKeys;
    update.state.keysJson = m_keysJson;
    update.state.etag = m_manifestEtag;
    update.replaceAll = m_replaceAll;
    for (const QByteArray &file : std::as_const(m_files))
        update.files << QByteArrayView(file);
    QString error;
    if (!m_store.apply(update, &error))
        return finish(SyncOutcome::Malformed, error);
    // Same seq served again (a re-signed manifest with a later `expires`):
    // the state is refreshed but no record changed.
    finish(m_manifest.seq == m_fromSeq && !m_replaceAll ? SyncOutcome::Unchanged
                                                        : SyncOutcome::Applied);
}

void TicketListPuller::finish(SyncOutcome outcome, const QString &detail) {
    m_files.clear();
    m_manifestBytes.clear();
    SyncResult result;
    result.outcome = outcome;
    result.fromSeq = m_fromSeq;
    result.seq = m_store.state().seq;
    result.tickets = m_store.ticketCount();
    result.detail = detail;
    m_running = false;
    emit finished(result);
}

} // namespace gate::sync
