#pragma once

#include "core/tickets/manifest.h"
#include "sync/ticketlist/syncoutcome.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

namespace gate::tickets {
class TicketStoreWriter;
}

namespace gate::sync {

struct TicketListSource {
    QUrl stationUrl;                // <base>/<station>
    QByteArray rootKey;             // raw 32-byte Ed25519 public key, pinned in the configuration
    QString station;                // expected station; empty: the last segment of stationUrl
    int transferTimeoutMs = 30'000; // no byte for this long: the server is unreachable
};

// One pass of the gate algorithm of spec/ticket-list.md: conditional GET of
// the manifest, signature over its exact bytes, station and rollback checks,
// delta chain or snapshot, size and sha256 of every file before a record is
// read, and one transaction for everything. Lives on the sync thread with
// the store's writer; a refusal leaves the store untouched.
class TicketListPuller : public QObject {
    Q_OBJECT
public:
    TicketListPuller(TicketListSource source, tickets::TicketStoreWriter &store,
                     QObject *parent = nullptr);

    // Starts a sync; finished() follows exactly once. Ignored while one runs.
    void syncNow();
    bool isRunning() const { return m_running; }

signals:
    void finished(const gate::sync::SyncResult &result);

private:
    struct Fetched {
        QByteArray body;
        QByteArray etag;
        int status = 0;
        bool networkError = false;
        bool tooLarge = false;
        QString error;
    };
    using FetchDone = std::function<void(Fetched)>;

    void fetch(const QString &name, qint64 maxBytes, const QByteArray &ifNoneMatch, FetchDone done);
    void onManifest(Fetched fetched);
    void onSignature(Fetched fetched);
    void fetchKeys();
    void fetchNextFile();
    void apply();
    void finish(SyncOutcome outcome, const QString &detail = {});
    QString expectedStation() const;

    TicketListSource m_source;
    tickets::TicketStoreWriter &m_store;
    QNetworkAccessManager m_network;
    bool m_running = false;

    // The sync in progress.
    QElapsedTimer m_elapsed;
    qint64 m_fromSeq = 0;
    QByteArray m_manifestBytes;
    QByteArray m_manifestEtag;
    tickets::Manifest m_manifest;
    bool m_replaceAll = false;
    QList<tickets::BundleFile> m_plan;
    QList<QByteArray> m_files;
    QByteArray m_keysJson;
};

} // namespace gate::sync
