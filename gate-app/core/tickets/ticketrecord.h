#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace gate::tickets {

// One record line of a ticket-list bundle file (spec/ticket-list.md).
struct TicketRecord {
    QString tid;
    QString train;
    QString dep;
    QString arr;
    qint64 departure = 0;
    std::optional<quint32> car;
    QString seat;
    QString seatClass;
    QString holder; // holder key: base64url of 16 bytes, 22 characters
    QString status; // "valid", "refunded", "changed"
    QString maskedName;
    QString kind = QStringLiteral("adult"); // "adult", "child", "student", "disabled_military"
    // Students: the end of the holder's yearly discount check, Unix seconds.
    std::optional<qint64> eligibleUntil;
};

struct TrainRecord {
    QString train;
    qint64 departure = 0;
    qint64 open = 0;
    qint64 close = 0;
    QStringList gates;
    QString status; // "normal", "delayed", "cancelled"
};

struct UsedRecord {
    QString tid;
    QString dir; // "in" or "out"
    qint64 at = 0;
    QString gate;
};

struct DeleteRecord {
    QString tid;
};

// The names of a station the list's tickets or trains name, for the screens.
struct StationRecord {
    QString code; // telecode, e.g. "AOH"
    QString zh;
    QString en;
};

using Record = std::variant<TicketRecord, TrainRecord, UsedRecord, DeleteRecord, StationRecord>;

// Hard limits of the record parser: a line longer than this is malformed.
constexpr qsizetype maxRecordLineBytes = 2048;
constexpr int maxTrainGates = 32;

// Parses one line (without its newline). Unknown fields are ignored; a
// missing, mistyped or oversized field, an unknown record type or a line over
// maxRecordLineBytes yields nullopt and a short reason in `error`.
std::optional<Record> parseRecordLine(QByteArrayView line, QString *error);

} // namespace gate::tickets
