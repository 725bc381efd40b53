#include "sync/ticketlist/ticketlistpuller.h"

#include "core/crypto/stricted25519.h"
#include "core/tickets/ticketstorewriter.h"

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
    m_syncDeadline.setSingleShot(true);
    connect(&m_syncDeadline, &QTimer::timeout, this, [this] {
        finish(SyncOutcome::Timeout,
               QStringLiteral("the sync took longer than %1 ms").arg(m_source.syncDeadlineMs));
    });
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
    ++m_generation;
    m_elapsed.start();
    m_syncDeadline.start(m_source.syncDeadlineMs);
    const tickets::ListState state = m_store.state();
    m_fromSeq = state.seq;
    m_files.clear();
    m_plan.clear();
    m_keysJson.clear();
    m_refresh = false;
    fetch(QStringLiteral("manifest.json"), tickets::maxManifestBytes, state.etag,
          [this](Fetched fetched) { onManifest(std::move(fetched)); });
}

void TicketListPuller::fetch(const QString &name, qint64 maxBytes, const QByteArray &ifNoneMatch,
                             FetchDone done) {
    QNetworkRequest request(m_source.stationUrl.resolved(QUrl(name)));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    if (!ifNoneMatch.isEmpty())
        request.setRawHeader("If-None-Match", ifNoneMatch);
    QNetworkReply *reply = m_network.get(request);
    m_reply = reply;
    auto fetched = std::make_shared<Fetched>();
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply, fetched] {
        fetched->pastDeadline = true;
        reply->abort();
    });
    deadline->start(m_source.transferDeadlineMs);
    connect(reply, &QNetworkReply::readyRead, this, [reply, fetched, maxBytes] {
        fetched->body += reply->readAll();
        if (fetched->body.size() > maxBytes) {
            fetched->tooLarge = true;
            reply->abort();
        }
    });
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, fetched, generation, done = std::move(done)] {
                reply->deleteLater();
                // The sync this transfer belonged to has already finished
                // (its deadline passed): nothing more to do for it.
                if (!m_running || generation != m_generation)
                    return;
                if (!fetched->tooLarge)
                    fetched->body += reply->readAll();
                // A station folder on a local disk (a USB stick at commissioning, the
                // demo) answers without HTTP: a file read is a 200.
                fetched->status =
                    reply->url().isLocalFile()
                        ? (reply->error() == QNetworkReply::NoError ? 200 : 404)
                        : reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                fetched->etag = reply->rawHeader("ETag");
                fetched->networkError = reply->error() != QNetworkReply::NoError;
                fetched->error = reply->errorString();
                done(std::move(*fetched));
            });
}

bool TicketListPuller::finishedOnTransferError(const Fetched &fetched, const QString &name) {
    if (fetched.pastDeadline) {
        finish(SyncOutcome::Timeout, QStringLiteral("%1: not transferred within %2 ms")
                                         .arg(name)
                                         .arg(m_source.transferDeadlineMs));
        return true;
    }
    if (fetched.tooLarge)
        return false;
    if (fetched.networkError || fetched.status != 200) {
        finish(SyncOutcome::Unreachable, name + QStringLiteral(": ") + fetched.error);
        return true;
    }
    return false;
}

void TicketListPuller::onManifest(Fetched fetched) {
    if (fetched.tooLarge)
        return finish(SyncOutcome::Malformed, QStringLiteral("manifest.json too large"));
    if (!fetched.pastDeadline && !fetched.networkError && fetched.status == 304)
        return finish(SyncOutcome::Unchanged);
    if (finishedOnTransferError(fetched, QStringLiteral("manifest.json")))
        return;
    m_manifestBytes = fetched.body;
    m_manifestEtag = fetched.etag;
    fetch(QStringLiteral("manifest.json.sig"), signatureBytes, {},
          [this](Fetched signature) { onSignature(std::move(signature)); });
}

void TicketListPuller::onSignature(Fetched fetched) {
    if (finishedOnTransferError(fetched, QStringLiteral("manifest.json.sig")))
        return;
    if (fetched.tooLarge || !crypto::verifyEd25519(m_source.rootKey, m_manifestBytes, fetched.body))
        return finish(SyncOutcome::BadSignature);

    QString error;
    bool unsupportedFormat = false;
    const std::optional<tickets::Manifest> manifest =
        tickets::parseManifest(m_manifestBytes, &error, &unsupportedFormat);
    if (!manifest)
        return finish(unsupportedFormat ? SyncOutcome::UnsupportedFormat : SyncOutcome::Malformed,
                      error);
    m_manifest = *manifest;
    if (m_manifest.station != expectedStation())
        return finish(
            SyncOutcome::WrongStation,
            QStringLiteral("list of %1, expected %2").arg(m_manifest.station, expectedStation()));
    if (m_manifest.seq < m_fromSeq)
        return finish(SyncOutcome::Rollback, QStringLiteral("seq %1 is older than the applied %2")
                                                 .arg(m_manifest.seq)
                                                 .arg(m_fromSeq));
    const tickets::ListState state = m_store.state();
    if (!state.isEmpty() && m_manifest.seq == m_fromSeq && !checkSameSeq(state))
        return;
    if (!openSealedKeys() || !planFiles(state))
        return;
    if (sha256(state.keysJson) == m_manifest.keysSha256) {
        m_keysJson = state.keysJson;
        return fetchNextFile();
    }
    fetchKeys();
}

bool TicketListPuller::checkSameSeq(const tickets::ListState &state) {
    if (sha256(m_manifestBytes) == state.manifestSha256) {
        // The list held, served again (another ETag, or none): remember the
        // ETag so that the next poll is a 304.
        if (m_manifestEtag != state.etag)
            m_store.setEtag(m_manifestEtag);
        finish(SyncOutcome::Unchanged);
        return false;
    }
    if (m_manifest.generated <= state.generated) {
        finish(SyncOutcome::Replay, QStringLiteral("seq %1 generated at %2 again, other bytes "
                                                   "than the list applied (generated at %3)")
                                        .arg(m_manifest.seq)
                                        .arg(m_manifest.generated)
                                        .arg(state.generated));
        return false;
    }
    m_refresh = true;
    return true;
}

bool TicketListPuller::openSealedKeys() {
    if (!m_source.deviceKey) {
        finish(SyncOutcome::NotEnrolled, QStringLiteral("the gate has no device key"));
        return false;
    }
    const QByteArray kid = m_source.deviceKey->kid();
    const std::optional<QByteArray> box = m_manifest.sealedBoxFor(kid);
    if (!box) {
        finish(
            SyncOutcome::NotEnrolled,
            QStringLiteral("no sealed keys for gate %1").arg(QString::fromLatin1(kid.toBase64())));
        return false;
    }
    std::optional<tickets::ListKeys> keys =
        tickets::openListKeys(*box, *m_source.deviceKey, m_manifest.station);
    if (!keys) {
        finish(SyncOutcome::BadSealedKeys, QStringLiteral("the sealed keys of gate %1 do not open")
                                               .arg(QString::fromLatin1(kid.toBase64())));
        return false;
    }
    m_keys = std::move(*keys);
    return true;
}

bool TicketListPuller::planFiles(const tickets::ListState &state) {
    // A new list key changes every holder key, so only a snapshot will do.
    const bool sameListKey = !state.isEmpty() && state.listKey.id == m_keys.listKey.id &&
                             state.listKey.key == m_keys.listKey.key;
    const std::optional<QList<tickets::BundleFile>> deltas =
        sameListKey ? tickets::deltaChainFrom(m_manifest, m_fromSeq) : std::nullopt;
    m_replaceAll = !deltas;
    if (deltas) {
        m_plan = *deltas;
        return true;
    }
    const std::optional<QList<tickets::BundleFile>> afterSnapshot =
        tickets::deltaChainFrom(m_manifest, m_manifest.snapshot.to);
    if (!afterSnapshot) {
        finish(SyncOutcome::ChainGap, QStringLiteral("no delta chain from %1 to %2")
                                          .arg(m_manifest.snapshot.to)
                                          .arg(m_manifest.seq));
        return false;
    }
    m_plan = QList<tickets::BundleFile>{m_manifest.snapshot} + *afterSnapshot;
    return true;
}

void TicketListPuller::fetchKeys() {
    fetch(m_manifest.keysPath, maxKeysJsonBytes, {}, [this](Fetched fetched) {
        if (finishedOnTransferError(fetched, m_manifest.keysPath))
            return;
        if (fetched.tooLarge)
            return finish(SyncOutcome::BadSize, m_manifest.keysPath);
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
        if (finishedOnTransferError(fetched, file.path))
            return;
        if (fetched.tooLarge)
            return finish(SyncOutcome::BadSize,
                          file.path + QStringLiteral(": larger than announced"));
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
    update.state.listKey = m_keys.listKey;
    update.state.bindKeys = m_keys.bindKeys;
    update.state.keysJson = m_keysJson;
    update.state.etag = m_manifestEtag;
    update.state.manifestSha256 = sha256(m_manifestBytes);
    update.replaceAll = m_replaceAll;
    for (const QByteArray &file : std::as_const(m_files))
        update.files << QByteArrayView(file);
    QString error;
    if (!m_store.apply(update, &error))
        return finish(SyncOutcome::Malformed, error);
    // A refresh (a re-signed list with a later `generated`) brings new
    // expires, sealed keys and trust list for the records already held.
    finish(m_refresh ? SyncOutcome::Refreshed : SyncOutcome::Applied);
}

void TicketListPuller::finish(SyncOutcome outcome, const QString &detail) {
    if (!m_running)
        return;
    m_running = false;
    m_syncDeadline.stop();
    ++m_generation;
    if (m_reply)
        m_reply->abort();
    m_files.clear();
    m_manifestBytes.clear();
    m_keys = {};
    SyncResult result;
    result.outcome = outcome;
    result.fromSeq = m_fromSeq;
    result.seq = m_store.state().seq;
    result.tickets = m_store.ticketCount();
    result.detail = detail;
    emit finished(result);
}

} // namespace gate::sync
