#pragma once

#include "core/tickets/manifest.h"
#include "core/tickets/sealedkeys.h"
#include "signingkey.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace gate::issuer {

// Hands out record lines (without '\n') one at a time; false at the end. A
// generator, so that a 1,000,000-ticket snapshot is never held in memory.
using RecordSource = std::function<bool(QByteArray *line)>;
RecordSource recordsFrom(QList<QByteArray> lines);

// Writes a station's signed ticket-list folder (spec/ticket-list.md): record
// files, keys.json, manifest.json and its Ed25519 signature. The manifest is
// written last, so a server never serves one naming files not there yet.
// K_list and K_bind never go into the folder in clear: publish() seals them
// to every enrolled gate's X25519 public key.
class TicketListWriter {
public:
    TicketListWriter(QString directory, SigningKey rootKey);

    // Reads the manifest already in the folder, to append deltas to it (the
    // keys are not in it: set them with keys()).
    bool load(QString *error);

    // The manifest to be written; callers set station and times.
    tickets::Manifest &manifest() { return m_manifest; }
    // The holder keys sealed into every gate's box.
    tickets::ListKeys &keys() { return m_keys; }
    // Raw X25519 public keys of the gates enrolled for the station.
    QList<QByteArray> &enrolledGates() { return m_gates; }

    // New snapshot at `seq`: earlier snapshot and deltas leave the manifest.
    bool writeSnapshot(qint64 seq, const RecordSource &records, QString *error);
    // Delta from the current seq to `toSeq`, appended to the chain.
    bool writeDelta(qint64 toSeq, const RecordSource &records, QString *error);
    // Merges every delta but the newest `keepNewest` into one delta from the
    // snapshot, so that the manifest stays small however often deltas come
    // (a relay publishes every few seconds): a gate that polls often finds its
    // seq as a `from` among the newest deltas, one further behind takes the
    // merged one instead of the whole snapshot. The merged files stay on
    // disk, for gates still fetching under the previous manifest.
    bool compactDeltas(int keepNewest, QString *error);
    bool writeKeys(const QByteArray &keysJson, QString *error);
    // Seals the keys to each enrolled gate, writes manifest.json and manifest.json.sig.
    bool publish(QString *error);

    static QByteArray manifestJson(const tickets::Manifest &manifest);

private:
    std::optional<tickets::BundleFile>
    writeRecordFile(const QString &name, const RecordSource &records, QString *error) const;

    QString m_directory;
    SigningKey m_rootKey;
    tickets::Manifest m_manifest;
    tickets::ListKeys m_keys;
    QList<QByteArray> m_gates;
};

} // namespace gate::issuer
