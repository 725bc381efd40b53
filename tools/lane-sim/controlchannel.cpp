#include "controlchannel.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <unistd.h>

namespace gate::lanesim {

namespace {
constexpr qsizetype maxLineBytes = 256;
}

ControlChannel::ControlChannel(LaneModel &model, ModbusServer &server, const QElapsedTimer &clock,
                               Output output, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_server(server)
    , m_clock(clock)
    , m_output(std::move(output))
    , m_notifier(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this)) {
    connect(m_notifier, &QSocketNotifier::activated, this, &ControlChannel::readInput);
}

void ControlChannel::readInput() {
    char buffer[512];
    const auto count = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (count <= 0) {
        m_notifier->setEnabled(false); // no more control input; the lane keeps running
        return;
    }
    m_pending.append(buffer, count);
    qsizetype newline;
    while ((newline = m_pending.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_pending.left(newline)).trimmed();
        m_pending.remove(0, newline + 1);
        if (line.isEmpty())
            continue;
        const QString error = run(line);
        QJsonObject answer{{QStringLiteral("control"), line},
                           {QStringLiteral("ok"), error.isEmpty()}};
        if (!error.isEmpty())
            answer.insert(QStringLiteral("error"), error);
        m_output(answer);
    }
    if (m_pending.size() > maxLineBytes)
        m_pending.clear(); // a line that long is no command
}

QString ControlChannel::run(const QString &line) {
    const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString verb = words.value(0);
    const QString arg = words.value(1);
    bool numeric = false;
    const int number = arg.toInt(&numeric);
    const auto onOff = [&](bool &on) {
        on = arg == QLatin1String("on");
        return on || arg == QLatin1String("off");
    };
    const qint64 now = m_clock.elapsed();
    bool on = false;
    if (verb == QLatin1String("fire") && onOff(on)) {
        m_model.setFire(on, now);
    } else if (verb == QLatin1String("fault") && (arg == QLatin1String("off") || numeric)) {
        m_model.setFault(quint16(numeric ? number : 0), now);
    } else if (verb == QLatin1String("di") && words.size() == 3) {
        const int bit = arg.toInt(&numeric);
        if (!numeric || bit < 0 || bit > 15 || !QStringList{"on", "off"}.contains(words.at(2)))
            return QStringLiteral("usage: di 0..15 on|off");
        m_model.forceInput(bit, words.at(2) == QLatin1String("on"));
    } else if (verb == QLatin1String("staff-call") && onOff(on)) {
        m_model.setStaffCall(on);
    } else if (verb == QLatin1String("walk") &&
               (arg == QLatin1String("entry") || arg == QLatin1String("exit"))) {
        m_model.walkUnauthorised(arg == QLatin1String("entry"), now);
    } else if (verb == QLatin1String("passengers") && !arg.isEmpty()) {
        QString error;
        auto passengers = PassengerModel::fromOption(arg, quint32(now), &error);
        if (!passengers)
            return error;
        m_model.setPassengers(std::move(*passengers));
    } else if (verb == QLatin1String("drop-replies") && numeric && number >= 0) {
        m_server.dropReplies(number);
    } else if (verb == QLatin1String("slow") && numeric && number >= 0 && number <= 10000) {
        m_server.slowReplies(number);
    } else if (verb == QLatin1String("exception")) {
        m_server.exceptionReplies(arg.isEmpty() ? 1 : std::max(number, 0));
    } else if (verb == QLatin1String("garbage")) {
        m_server.garbageReplies(arg.isEmpty() ? 1 : std::max(number, 0));
    } else if (verb == QLatin1String("wrong-unit")) {
        m_server.wrongUnitReplies(arg.isEmpty() ? 1 : std::max(number, 0));
    } else if (verb == QLatin1String("disconnect")) {
        m_server.disconnectClients();
    } else if (verb == QLatin1String("hang") && onOff(on)) {
        m_model.setHung(on, now);
    } else if (verb == QLatin1String("offline") && onOff(on)) {
        QString error;
        if (!m_server.setOffline(on, &error))
            return error;
    } else if (verb == QLatin1String("quit")) {
        QCoreApplication::quit();
    } else {
        return QStringLiteral(
            "unknown control command (fire on|off, fault N|off, di N on|off, "
            "staff-call on|off, walk entry|exit, passengers MODE, drop-replies N, slow MS, "
            "exception [N], garbage [N], wrong-unit [N], disconnect, hang on|off, offline "
            "on|off, quit)");
    }
    return {};
}

} // namespace gate::lanesim
