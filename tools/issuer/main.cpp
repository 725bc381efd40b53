#include "issuer.h"

#include <QCoreApplication>
#include <QTextStream>

#include <functional>
#include <map>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gate-issuer"));
    const std::map<QString, std::function<int(const QStringList &)>> commands{
        {QStringLiteral("keygen"), gate::issuer::keygen},
        {QStringLiteral("trustlist"), gate::issuer::trustList},
        {QStringLiteral("code"), gate::issuer::code},
        {QStringLiteral("ticketlist"), gate::issuer::ticketList},
        {QStringLiteral("demo-station"), gate::issuer::demoStation},
        {QStringLiteral("relay"), gate::issuer::relay},
    };
    const QStringList args = app.arguments().mid(1);
    const auto found = args.isEmpty() ? commands.end() : commands.find(args.first());
    if (found == commands.end()) {
        QTextStream(stderr)
            << "usage: gate-issuer keygen|trustlist|code|ticketlist|demo-station|relay"
               " [ARGS...]\n";
        return 2;
    }
    return found->second(args.mid(1));
}
