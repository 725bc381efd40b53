#pragma once

#include <QJsonObject>
#include <QStringList>

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
