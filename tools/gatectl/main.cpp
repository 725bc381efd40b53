#include "cli.h"

#include <QCoreApplication>

#include <functional>
#include <map>

namespace {

struct Subcommand {
    std::function<int(const QStringList &)> run;
    const char *summary;
};

// "group verb" or a single word, as in spec/gatectl.md.
const std::map<QString, Subcommand> &subcommands() {
    static const std::map<QString, Subcommand> table{
        {QStringLiteral("mrz read"),
         {gatectl::mrzRead, "IMAGE...  find and read the MRZ in images"}},
        {QStringLiteral("mrz parse"), {gatectl::mrzParse, "LINE...  parse and check MRZ text"}},
        {QStringLiteral("idcard parse"),
         {gatectl::idcardParse, "FILE  parse a SAM reader answer frame"}},
        {QStringLiteral("barcode read"),
         {gatectl::barcodeRead, "IMAGE...  read barcodes in images"}},
        {QStringLiteral("ticket verify"),
         {gatectl::ticketVerify, "--keys KEYS.json [--now UNIX] (--text TEXT | IMAGE...)"}},
        {QStringLiteral("tickets sync"),
         {gatectl::ticketsSync, "URL --db FILE --root-key BASE64 --device-key FILE  pull a "
                                "station's ticket list"}},
        {QStringLiteral("device-key init"),
         {gatectl::deviceKeyInit, "--out FILE  make the gate's X25519 device key (mode 0600)"}},
        {QStringLiteral("device-key show"),
         {gatectl::deviceKeyShow, "--key FILE  print the device key's public half for enrolment"}},
        {QStringLiteral("tickets lookup"),
         {gatectl::ticketsLookup,
          "--db FILE (--tid TID | --doc -), the identity on standard input"}},
        {QStringLiteral("lane"),
         {gatectl::lane, "status|open|close|mode ... --modbus URL [--profile FILE]"}},
        {QStringLiteral("emrtd read"),
         {gatectl::emrtdRead,
          "--mrz-file FILE [--reader NAME] --csca DIR|MASTERLIST [--dg2-out FILE]  read and "
          "check a passport chip"}},
        {QStringLiteral("emrtd import-masterlist"),
         {gatectl::emrtdImportMasterList,
          "FILE --out DIR  install the CSCAs of a verified ICAO master list"}},
        {QStringLiteral("status"),
         {gatectl::status, "[--socket PATH]  health of the running gate"}},
    };
    return table;
}

int usage() {
    gatectl::printError(QStringLiteral("usage: gatectl COMMAND [ARGS...]"));
    for (const auto &[name, command] : subcommands())
        gatectl::printError(
            QStringLiteral("  %1 %2").arg(name, QString::fromUtf8(command.summary)));
    return gatectl::exitUsage;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatectl"));
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") ||
        args.first() == QLatin1String("-h"))
        return usage();

    for (int words = 2; words >= 1; --words) {
        if (args.size() < words)
            continue;
        const auto found = subcommands().find(args.mid(0, words).join(QLatin1Char(' ')));
        if (found != subcommands().end())
            return found->second.run(args.mid(words));
    }
    gatectl::printError(QStringLiteral("unknown command: %1").arg(args.join(QLatin1Char(' '))));
    return usage();
}
