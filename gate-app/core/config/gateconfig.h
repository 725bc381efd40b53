#pragma once

#include "core/config/configchoices.h"
#include "core/decision/lanecontext.h"

#include "core/language.h"
#include "hal/jsonkeylines.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gate {

// One device of the gate: which plugin drives it and the plugin's own
// settings (the plugin validates those). Relative paths in the settings are
// looked for in the configuration's folder, then the shipped configuration's
// (hal/configfiles.h), which the gate adds as "config_dirs".
struct DeviceConfig {
    QString name;
    QString plugin;
    DeviceRole role = DeviceRole::CredentialSource;
    QJsonObject settings;
};

struct GateConfig {
    QString sourcePath;         // the file it was read from (":/..." for the embedded demo)
    QString configDir;          // relative paths resolve here
    QString stateDir;           // where relative database paths go; configDir when not set
    hal::JsonKeyLines keyLines; // of sourcePath's text: errors found later name their line

    // The lane this gate serves.
    QString gateId;    // e.g. "VNP-A2-01"
    QString station;   // telecode, 3 letters
    QString gateGroup; // the check-in gate group, e.g. "A2"
    LaneContext::Direction direction = LaneContext::Direction::Entry;

    QList<DeviceConfig> devices;

    struct Tickets {
        QString database;
        QString source;                 // station folder URL of the ticket list; empty = no sync
        QByteArray rootKey;             // raw 32-byte Ed25519 public key pinned on the gate
        QString deviceKey;              // the gate's X25519 device key file (opens the sealed keys)
        int intervalSecs = 5;           // poll period: anti-passback across the station rides on it
        int staleGraceSecs = 1800;      // past expires + this: documents alone do not admit
        int staleHardLimitSecs = 86400; // past expires + this: nothing admits
        QStringList staffKinds{QStringLiteral("disabled_military")}; // sent to a staffed lane
        PartyPassage partyPassage = PartyPassage::Gate;
    } tickets;

    // The two-step passage of codes bound to a holder (spec/eticket-qr.md).
    struct ETicket {
        int bindingWindowSecs = 20;
    } eticket;

    // Passports with a chip (docs/emrtd.md), when a chip reader is configured.
    struct Passport {
        // A passport whose chip gives no proof (no chip, no CSCA for its
        // issuer, a read that failed) is refused instead of decided on its MRZ.
        bool requireChip = false;
        // How long a camera-read passport waits for its chip's answer.
        int chipWaitMs = 4000;
    } passport;

    struct Audit {
        QString database;
    } audit;

    // Settings of the log shipper and the outbox limits (docs/operations.md),
    // validated by the shipper's own parser; empty = records are kept, not shipped.
    QJsonObject logSync;
    QString statusSocket;

    struct Ui {
        ScreenOrientation orientation = ScreenOrientation::Landscape;
        // The language each passenger is greeted in, and the ones the
        // language button cycles through, in its order (it holds `language`).
        Language language = Language::Chinese;
        QList<Language> languages{Language::Chinese, Language::English};
        int resultSecs = 4;
    } ui;

    struct Service {
        struct Staff {
            QString id;
            QString pinHash;
        };
        QList<Staff> staff;
        int idleExitSecs = 120;
        int maxPinAttempts = 5;
        int lockoutSecs = 300;
    } service;

    // Reads and validates a configuration. On failure returns nothing and
    // fills `errors` with one line per problem, each naming the key.
    static std::optional<GateConfig> load(const QString &path, QStringList *errors);
    static std::optional<GateConfig> parse(const QByteArray &json, const QString &sourcePath,
                                           const QString &configDir, QStringList *errors);
    // "FILE:LINE: dotted.key: problem" of an error "dotted.key: problem"
    // found in this configuration ("FILE: error" of one not tied to a key).
    QString placeError(const QString &error) const;
    // Resolves a path of the configuration: absolute stays, relative joins configDir.
    QString resolve(const QString &path) const;
};

} // namespace gate
