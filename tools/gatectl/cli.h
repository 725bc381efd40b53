#pragma once

#include <QCommandLineParser>
#include <QJsonObject>
#include <QStringList>

#include <optional>

// Shared conventions of every gatectl subcommand (spec/gatectl.md): one JSON
// object per input on stdout, human messages on stderr, exit 0 when it ran,
// 2 on bad usage or unreadable input.
namespace gatectl {

constexpr int exitRan = 0;
constexpr int exitRefused = 1;
constexpr int exitUsage = 2;

void printJson(const QJsonObject &object);
void printError(const QString &message);
// Prints the usage error and returns exitUsage.
int usageError(const QString &message);

// One subcommand's arguments, read by QCommandLineParser: an unknown option,
// a missing value or a malformed number is a usage error that names it.
class Arguments {
public:
    // `usage`: "gatectl lane status|open|close|mode ... --modbus URL ...".
    Arguments(QString usage, const QList<QCommandLineOption> &options);

    // False after printing the usage error.
    bool parse(const QStringList &args);
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    // A whole number within [min, max], or `fallback` when the option is
    // absent; nothing after printing the usage error.
    std::optional<qint64> integer(const QString &name, qint64 min, qint64 max,
                                  qint64 fallback) const;
    // Prints the usage line, then `reason` if any; returns exitUsage.
    int usageError(const QString &reason = {}) const;

private:
    QString m_usage;
    QCommandLineParser m_parser;
};

// Each subcommand gets its own arguments, without "gatectl" and its name.
int mrzRead(const QStringList &args);
int mrzParse(const QStringList &args);
int idcardParse(const QStringList &args);
int barcodeRead(const QStringList &args);
int ticketVerify(const QStringList &args);
int ticketsSync(const QStringList &args);
int deviceKeyInit(const QStringList &args);
int deviceKeyShow(const QStringList &args);
int ticketsLookup(const QStringList &args);
int lane(const QStringList &args);
int status(const QStringList &args);
int emrtdRead(const QStringList &args);
int emrtdImportMasterList(const QStringList &args);

} // namespace gatectl
