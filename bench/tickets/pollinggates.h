#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

class QTcpSocket;

namespace gate::bench {

// What the polling gates got from the server.
struct PollFigures {
    qint64 requests = 0;
    qint64 notModified = 0;       // 304
    qint64 fullResponses = 0;     // 200 of the manifest
    qint64 followUpRequests = 0;  // signature and delta fetched after a changed manifest
    qint64 connectFailures = 0;   // no connection within 2 s
    qint64 droppedMidRequest = 0; // the server closed the connection before replying
    qint64 badStatus = 0;         // neither 200 nor 304
    qint64 bytesReceived = 0;     // headers and bodies
    qint64 bytesOf304 = 0;
    qint64 bytesOfChanges = 0;   // the 200 manifest, its signature and the delta
    std::vector<double> replyMs; // request sent → whole manifest reply read
};

// A bounded load generator: `gates` clients on loopback, each on its own
// HTTP/1.1 keep-alive connection, each asking for `manifestPath` with
// If-None-Match every `intervalMs` (the gates' phases spread evenly over
// the interval, as gates started at different moments are). On a 200 a
// client does what a gate does next: it fetches the signature and the
// newest delta the manifest names. One thread, no more than one request in
// flight per client: the load cannot grow past gates / interval.
class PollingGates : public QObject {
    Q_OBJECT
public:
    PollingGates(quint16 port, QString stationPath, int gates, int intervalMs);
    ~PollingGates() override;

    void start();
    void stop();
    // The figures since the last reset.
    const PollFigures &figures() const { return m_figures; }
    void resetFigures() { m_figures = {}; }

private:
    struct Client;
    void poll(Client &client);
    void send(Client &client, const QString &path, bool conditional);
    void onReadable(Client &client);
    void onReply(Client &client, int status, const QByteArray &headers, const QByteArray &body);

    quint16 m_port;
    QString m_stationPath;
    int m_intervalMs;
    std::vector<std::unique_ptr<Client>> m_clients;
    PollFigures m_figures;
};

} // namespace gate::bench
