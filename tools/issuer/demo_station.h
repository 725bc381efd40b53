#pragma once

#include "signingkey.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace gate::issuer {

// A small demo station around a given instant: trains whose check-in is
// open, not open yet, cancelled or at another gate; tickets for them held by
// specimen and synthetic documents; and a script of passengers presenting
// those documents and codes, each expecting a known outcome. The gate's demo
// and its integration tests are built on it.
struct DemoStation {
    QString station;
    QString gateGroup;
    qint64 now = 0;
    SigningKey rootKey;         // signs the ticket list
    SigningKey ticketKey;       // signs e-ticket codes
    QByteArray listKey;         // K_list
    QByteArray bindKey;         // K_bind[1]
    QByteArray keysJson;        // the trust list
    QList<QJsonObject> records; // ticket-list records (spec/ticket-list.md)
    // The sim plugin's script: {"label", "kind", "text" | "frame_hex" | "lines",
    // "expect": reason code}. The first step of a two-step passage (a code
    // bound to its holder) has "awaits": "holder_document" and no "expect":
    // the decision comes with the document that follows.
    QJsonArray passengers;
    QStringList chipMrz; // the MRZ of the passenger whose passport has a chip
};

// nullopt-like: an empty station with `error` set when a card or code cannot be built.
DemoStation buildDemoStation(const QString &station, const QString &gateGroup, qint64 now,
                             QString *error);

} // namespace gate::issuer
