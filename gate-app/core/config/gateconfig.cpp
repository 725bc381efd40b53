#include "core/config/gateconfig.h"

#include "core/crypto/stricted25519.h"
#include "core/service/pinhash.h"
#include "hal/configfiles.h"
#include "hal/jsonfields.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace gate {

namespace {

// A configuration is never larger than what its key locator scans: every
// error of it names its line.
constexpr qint64 maxConfigBytes = hal::JsonKeyLines::maxBytes;

void readGate(const JsonFields &gate, GateConfig &config) {
    gate.rejectUnknown({"id", "station", "gate_group", "direction"});
    config.gateId = gate.matching(QStringLiteral("id"), QStringLiteral("[A-Za-z0-9_.-]{1,32}"),
                                  QStringLiteral("1 to 32 letters, digits, '-', '_' or '.'"));
    config.station = gate.matching(QStringLiteral("station"), QStringLiteral("[A-Z]{3}"),
                                   QStringLiteral("a 3-letter station telecode"));
    config.gateGroup = gate.matching(QStringLiteral("gate_group"), QStringLiteral("[A-Z0-9]{1,8}"),
                                     QStringLiteral("1 to 8 upper-case letters or digits"));
    config.direction = gate.choice(QStringLiteral("direction"), kLaneDirectionNames,
                                   LaneContext::Direction::Entry);
}

void readDevices(const JsonFields &root, GateConfig &config, QStringList *errors) {
    const QJsonArray devices = root.array(QStringLiteral("devices"));
    bool haveLane = false;
    for (int i = 0; i < devices.size(); ++i) {
        const JsonFields device(devices.at(i).toObject(), QStringLiteral("devices[%1]").arg(i),
                                errors);
        if (!devices.at(i).isObject()) {
            errors->append(QStringLiteral("devices[%1]: must be an object").arg(i));
            continue;
        }
        device.rejectUnknown({"name", "plugin", "role", "settings"});
        DeviceConfig entry;
        entry.name = device.matching(QStringLiteral("name"), QStringLiteral("[a-z0-9-]{1,32}"),
                                     QStringLiteral("1 to 32 lower-case letters, digits or '-'"));
        entry.plugin = device.requiredString(QStringLiteral("plugin"));
        entry.role =
            device.choice(QStringLiteral("role"), kDeviceRoleNames, DeviceRole::CredentialSource);
        entry.settings = device.object(QStringLiteral("settings"));
        entry.settings.insert(hal::kConfigDirsSetting, hal::configSearchPath(config.configDir));
        for (const DeviceConfig &other : std::as_const(config.devices)) {
            if (other.name == entry.name)
                device.error(QStringLiteral("name"),
                             QStringLiteral("\"%1\" is used by another device").arg(entry.name));
        }
        if (entry.role == DeviceRole::Lane) {
            if (haveLane)
                device.error(QStringLiteral("role"), QStringLiteral("a gate drives one lane only"));
            haveLane = true;
        }
        config.devices.append(entry);
    }
    if (!haveLane)
        errors->append(QStringLiteral("devices: one device with \"role\": \"lane\" is required"));
}

void readTickets(const JsonFields &tickets, GateConfig &config) {
    tickets.rejectUnknown({"database", "source", "root_key", "device_key", "interval_s",
                           "stale_grace_s", "stale_hard_limit_s", "staff_kinds", "party_passage"});
    config.tickets.database =
        config.resolve(tickets.string(QStringLiteral("database"), QStringLiteral("tickets.db")));
    config.tickets.source = tickets.string(QStringLiteral("source"));
    const QString rootKey = tickets.string(QStringLiteral("root_key"));
    const auto decoded =
        QByteArray::fromBase64Encoding(rootKey.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    config.tickets.rootKey = decoded ? decoded.decoded : QByteArray();
    // A small-order key (the all-zero one among them) lets anyone forge a
    // manifest: such a key is as good as none, and a gate that syncs a list
    // must not start without a real one. Left empty without a source, the
    // gate is not commissioned yet (core/config/commissioning.h).
    if ((!rootKey.isEmpty() || !config.tickets.source.isEmpty()) &&
        !crypto::isStrictEd25519PublicKey(config.tickets.rootKey))
        tickets.error(QStringLiteral("root_key"),
                      QStringLiteral("must be the base64 of the station's 32-byte Ed25519 root "
                                     "public key when given or when a source is set "
                                     "(small-order and non-canonical keys are refused)"));
    config.tickets.deviceKey = config.resolve(tickets.string(QStringLiteral("device_key")));
    if (!config.tickets.source.isEmpty() && config.tickets.deviceKey.isEmpty())
        tickets.error(QStringLiteral("device_key"),
                      QStringLiteral("the gate's device key file (gatectl device-key init) is "
                                     "required when a source is set"));
    config.tickets.intervalSecs =
        int(tickets.integer(QStringLiteral("interval_s"), 5, 5, 24 * 3600));
    config.tickets.staleGraceSecs =
        int(tickets.integer(QStringLiteral("stale_grace_s"), 1800, 0, 7 * 24 * 3600));
    config.tickets.staleHardLimitSecs =
        int(tickets.integer(QStringLiteral("stale_hard_limit_s"), 24 * 3600,
                            config.tickets.staleGraceSecs, 30 * 24 * 3600));
    if (tickets.has(QStringLiteral("staff_kinds"))) {
        static const QStringList kinds{QStringLiteral("adult"), QStringLiteral("child"),
                                       QStringLiteral("student"),
                                       QStringLiteral("disabled_military")};
        config.tickets.staffKinds.clear();
        for (const QJsonValue &kind : tickets.array(QStringLiteral("staff_kinds"))) {
            // A misspelt kind would silently let its passengers through.
            if (!kinds.contains(kind.toString()))
                tickets.error(QStringLiteral("staff_kinds"),
                              QStringLiteral("must list ticket kinds out of %1")
                                  .arg(kinds.join(QStringLiteral(", "))));
            else
                config.tickets.staffKinds << kind.toString();
        }
    }
    config.tickets.partyPassage =
        tickets.choice(QStringLiteral("party_passage"), kPartyPassageNames, PartyPassage::Gate);
}

QString knownLanguageCodes() {
    QStringList codes;
    for (const LanguageEntry &entry : kLanguages)
        codes << toString(entry.language);
    return codes.join(QStringLiteral(", "));
}

// One language code; "zh_CN", the spelling of configurations written before
// there were more than two languages, still reads as Chinese.
std::optional<Language> readLanguageCode(const QString &code) {
    if (code == u"zh_CN")
        return Language::Chinese;
    return languageFromCode(code);
}

void readUi(const JsonFields &ui, GateConfig &config) {
    ui.rejectUnknown({"orientation", "language", "languages", "result_s"});
    config.ui.orientation = ui.choice(QStringLiteral("orientation"), kScreenOrientationNames,
                                      ScreenOrientation::Landscape);
    const QString mustBe = QStringLiteral("must be one of %1").arg(knownLanguageCodes());
    if (ui.has(QStringLiteral("language"))) {
        const auto language = readLanguageCode(ui.string(QStringLiteral("language")));
        if (language)
            config.ui.language = *language;
        else
            ui.error(QStringLiteral("language"), mustBe);
    }
    if (ui.has(QStringLiteral("languages"))) {
        const QJsonArray codes = ui.array(QStringLiteral("languages"));
        config.ui.languages.clear();
        for (const QJsonValue &code : codes) {
            const auto language = readLanguageCode(code.toString());
            if (!language)
                ui.error(QStringLiteral("languages"),
                         QStringLiteral("\"%1\" is not a language: each %2")
                             .arg(code.toString(), mustBe));
            else if (config.ui.languages.contains(*language))
                ui.error(QStringLiteral("languages"),
                         QStringLiteral("lists \"%1\" twice").arg(code.toString()));
            else
                config.ui.languages << *language;
        }
        if (codes.isEmpty())
            ui.error(QStringLiteral("languages"),
                     QStringLiteral("must list at least one language"));
    }
    // The idle screen returns to `language`: the button must be able to reach it.
    if (!config.ui.languages.contains(config.ui.language))
        ui.error(
            QStringLiteral("languages"),
            QStringLiteral("must contain ui.language \"%1\"").arg(toString(config.ui.language)));
    config.ui.resultSecs = int(ui.integer(QStringLiteral("result_s"), 4, 1, 60));
}

void readService(const JsonFields &service, GateConfig &config, QStringList *errors) {
    service.rejectUnknown({"staff", "idle_exit_s", "max_pin_attempts", "lockout_s"});
    const QJsonArray staff = service.array(QStringLiteral("staff"));
    for (int i = 0; i < staff.size(); ++i) {
        const JsonFields member(staff.at(i).toObject(),
                                service.pathOf(QStringLiteral("staff[%1]").arg(i)), errors);
        member.rejectUnknown({"id", "pin_hash"});
        const QString pinHash = member.matching(
            QStringLiteral("pin_hash"),
            QStringLiteral("pbkdf2-sha256\\$[0-9]+\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+"),
            QStringLiteral("a PIN hash \"pbkdf2-sha256$ITER$SALT$HASH\" "
                           "(make one with: gate-app --hash-pin)"));
        // A weak hash (too few iterations, a short salt) stops the start:
        // it would make a stolen configuration's PINs cheap to guess.
        QString weakness;
        if (!pinHash.isEmpty() && !service::parsePinHash(pinHash, &weakness))
            member.error(QStringLiteral("pin_hash"),
                         QStringLiteral("%1; make a new one of a PIN of at least %2 digits "
                                        "with: gate-app --hash-pin")
                             .arg(weakness)
                             .arg(service::kMinPinLength));
        config.service.staff.append(
            {member.matching(QStringLiteral("id"), QStringLiteral("[A-Za-z0-9_-]{1,16}"),
                             QStringLiteral("a staff id of 1 to 16 letters or digits")),
             pinHash});
    }
    config.service.idleExitSecs =
        int(service.integer(QStringLiteral("idle_exit_s"), 120, 10, 3600));
    config.service.maxPinAttempts =
        int(service.integer(QStringLiteral("max_pin_attempts"), 5, 1, 20));
    config.service.lockoutSecs = int(service.integer(QStringLiteral("lockout_s"), 300, 10, 86400));
}

} // namespace

QString GateConfig::placeError(const QString &error) const {
    return keyLines.place(sourcePath, error);
}

QString GateConfig::resolve(const QString &path) const {
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QDir(stateDir.isEmpty() ? configDir : stateDir).absoluteFilePath(path);
}

std::optional<GateConfig> GateConfig::load(const QString &path, QStringList *errors) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors->append(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    if (file.size() > maxConfigBytes) {
        errors->append(QStringLiteral("%1: larger than %2 bytes").arg(path).arg(maxConfigBytes));
        return std::nullopt;
    }
    return parse(file.readAll(), path, QFileInfo(path).absolutePath(), errors);
}

std::optional<GateConfig> GateConfig::parse(const QByteArray &json, const QString &sourcePath,
                                            const QString &configDir, QStringList *errors) {
    QString parseError;
    const std::optional<QJsonDocument> document = hal::parseJsonFile(json, sourcePath, &parseError);
    if (!document) {
        errors->append(parseError);
        return std::nullopt;
    }
    if (!document->isObject()) {
        errors->append(
            QStringLiteral("%1: the configuration must be a JSON object").arg(sourcePath));
        return std::nullopt;
    }

    GateConfig config;
    config.sourcePath = sourcePath;
    config.configDir = configDir;
    config.keyLines = hal::JsonKeyLines(json);
    const int errorsBefore = int(errors->size());
    const JsonFields root(document->object(), QString(), errors);
    root.rejectUnknown({"gate", "state_dir", "devices", "tickets", "eticket", "passport", "audit",
                        "log_sync", "status_socket", "ui", "service"});
    if (!root.has(QStringLiteral("gate")))
        root.error(QStringLiteral("gate"), QStringLiteral("is required"));
    readGate(root.child(QStringLiteral("gate")), config);
    config.stateDir = root.string(QStringLiteral("state_dir"));
    if (!config.stateDir.isEmpty())
        config.stateDir = QDir(configDir).absoluteFilePath(config.stateDir);
    readDevices(root, config, errors);
    readTickets(root.child(QStringLiteral("tickets")), config);

    const JsonFields eticket = root.child(QStringLiteral("eticket"));
    eticket.rejectUnknown({"binding_window_s"});
    config.eticket.bindingWindowSecs =
        int(eticket.integer(QStringLiteral("binding_window_s"), 20, 1, 120));

    const JsonFields passport = root.child(QStringLiteral("passport"));
    passport.rejectUnknown({"require_chip", "chip_wait_ms"});
    config.passport.requireChip = passport.boolean(QStringLiteral("require_chip"), false);
    config.passport.chipWaitMs =
        int(passport.integer(QStringLiteral("chip_wait_ms"), 4000, 500, 10000));

    const JsonFields audit = root.child(QStringLiteral("audit"));
    audit.rejectUnknown({"database"});
    config.audit.database =
        config.resolve(audit.string(QStringLiteral("database"), QStringLiteral("audit.db")));

    config.logSync = root.object(QStringLiteral("log_sync"));
    config.statusSocket = root.string(QStringLiteral("status_socket"));

    readUi(root.child(QStringLiteral("ui")), config);

    readService(root.child(QStringLiteral("service")), config, errors);

    if (errors->size() > errorsBefore) {
        for (int i = errorsBefore; i < errors->size(); ++i)
            (*errors)[i] = config.placeError(errors->at(i));
        return std::nullopt;
    }
    return config;
}

} // namespace gate
