#pragma once

#include "core/tickets/devicekey.h"
#include "core/tickets/liststate.h"
#include "core/tickets/manifest.h"
#include "core/tickets/sealedkeys.h"
#include "sync/ticketlist/syncoutcome.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkReply;

namespace gate::tickets {
class TicketStoreWriter;
}

namespace gate::sync {

struct TicketListSource {
    QUrl stationUrl;    // <base>/<station>
    QByteArray rootKey; // raw 32-byte Ed25519 public key, pinned in the configuration
    QString station;    // expected station; empty: the last segment of stationUrl
    // Opens this gate's sealed box of K_list and K_bind; none: not enrolled.
    std::optional<tickets::DeviceKey> deviceKey;
    // Whole deadlines, not inactivity timeouts: a server that drips a byte
    // now and then cannot hold a transfer, or the sync, open past them.
    int transferDeadlineMs = 60'000;
    int syncDeadlineMs = 180'000;
};

// One pass of the gate algorithm of spec/ticket-list.md: conditional GET of
// the manifest, signature over its exact bytes, station, rollback, replay and
// refresh checks, the gate's sealed box, delta chain or snapshot, size and
// sha256 of every file before a record is read, and one transaction for
// everything. Lives on the sync thread with the store's writer; a refusal
// leaves the store untouched.
class TicketListPuller : public QObject {
    Q_OBJECT
public:
    TicketListPuller(TicketListSource source, tickets::TicketStoreWriter &store,
                     QObject *parent = nullptr);

    // Starts a sync; finished() follows exactly once, within the sync
    // deadline. Ignored while one runs.
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
        bool pastDeadline = false;
        QString error;
    };
    using FetchDone = std::function<void(Fetched)>;

    void fetch(const QString &name, qint64 maxBytes, const QByteArray &ifNoneMatch, FetchDone done);
    void onManifest(Fetched fetched);
    void onSignature(Fetched fetched);
    // Same seq as applied: unchanged, refresh or replay. False when finished.
    bool checkSameSeq(const tickets::ListState &state);
    bool openSealedKeys();
    bool planFiles(const tickets::ListState &state);
    void fetchKeys();
    void fetchNextFile();
    void apply();
    void finish(SyncOutcome outcome, const QString &detail = {});
    // A transfer that failed: its outcome (timeout, unreachable) finishes the sync.
    bool finishedOnTransferError(const Fetched &fetched, const QString &name);
    QString expectedStation() const;

    TicketListSource m_source;
    tickets::TicketStoreWriter &m_store;
    QNetworkAccessManager m_network;
    QTimer m_syncDeadline;
    bool m_running = false;

    // The sync in progress.
    quint64 m_generation = 0; // callbacks of an abandoned sync find another generation
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_elapsed;
    qint64 m_fromSeq = 0;
    QByteArray m_manifestBytes;
    QByteArray m_manifestEtag;
    tickets::Manifest m_manifest;
    tickets::ListKeys m_keys;
    bool m_refresh = false;
    bool m_replaceAll = false;
    QList<tickets::BundleFile> m_plan;
    QList<QByteArray> m_files;
    QByteArray m_keysJson;
};

} // namespace gate::sync
