#include "pollinggates.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <deque>

namespace gate::bench {

struct PollingGates::Client {
    QTcpSocket socket;
    QTimer timer;
    QByteArray etag;
    QByteArray buffer;
    std::deque<QString> followUps; // what a gate fetches after a changed manifest
    bool busy = false;
    bool awaitingManifest = false;
    QElapsedTimer sent;
};

PollingGates::PollingGates(quint16 port, QString stationPath, int gates, int intervalMs)
    : m_port(port)
    , m_stationPath(std::move(stationPath))
    , m_intervalMs(intervalMs) {
    for (int i = 0; i < gates; ++i) {
        auto client = std::make_unique<Client>();
        Client &ref = *client;
        connect(&client->socket, &QTcpSocket::readyRead, this, [this, &ref] { onReadable(ref); });
        connect(&client->socket, &QTcpSocket::disconnected, this, [this, &ref] {
            // nginx closes an idle or long-used keep-alive connection: the
            // next poll opens a new one, as a gate's HTTP client does.
            if (ref.busy)
                ++m_figures.droppedMidRequest;
            ref.busy = false;
            ref.buffer.clear();
            ref.followUps.clear();
        });
        connect(&client->timer, &QTimer::timeout, this, [this, &ref] { poll(ref); });
        m_clients.push_back(std::move(client));
    }
}

PollingGates::~PollingGates() = default;

void PollingGates::start() {
    // Gates started at different moments: phases spread over the interval.
    const int gates = int(m_clients.size());
    for (int i = 0; i < gates; ++i) {
        Client &client = *m_clients[size_t(i)];
        QTimer::singleShot(qint64(i) * m_intervalMs / gates, &client.timer, [this, &client] {
            client.timer.start(m_intervalMs);
            poll(client);
        });
    }
}

void PollingGates::stop() {
    for (const auto &client : m_clients) {
        client->timer.stop();
        client->socket.abort();
    }
}

void PollingGates::poll(Client &client) {
    if (client.busy)
        return; // the previous poll has not finished: a gate never overlaps its syncs
    send(client, m_stationPath + QStringLiteral("/manifest.json"), true);
    client.awaitingManifest = true;
}

void PollingGates::send(Client &client, const QString &path, bool conditional) {
    if (client.socket.state() == QAbstractSocket::UnconnectedState) {
        client.socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (!client.socket.waitForConnected(2000)) {
            ++m_figures.connectFailures;
            client.socket.abort();
            return;
        }
    }
    QByteArray request = "GET " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (conditional && !client.etag.isEmpty())
        request += "If-None-Match: " + client.etag + "\r\n";
    request += "\r\n";
    client.busy = true;
    client.sent.start();
    client.socket.write(request);
    ++m_figures.requests;
}

void PollingGates::onReadable(Client &client) {
    client.buffer += client.socket.readAll();
    for (;;) {
        const qsizetype headerEnd = client.buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QByteArray headers = client.buffer.left(headerEnd);
        const QList<QByteArray> lines = headers.split('\n');
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        const int status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
        qsizetype length = 0;
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        if (status == 304)
            length = 0;
        if (client.buffer.size() < headerEnd + 4 + length)
            return;
        const QByteArray body = client.buffer.mid(headerEnd + 4, length);
        client.buffer.remove(0, headerEnd + 4 + length);
        onReply(client, status, headers, body);
    }
}

void PollingGates::onReply(Client &client, int status, const QByteArray &headers,
                           const QByteArray &body) {
    const qint64 bytes = headers.size() + 4 + body.size();
    m_figures.bytesReceived += bytes;
    if (client.awaitingManifest) {
        client.awaitingManifest = false;
        m_figures.replyMs.push_back(double(client.sent.nsecsElapsed()) / 1e6);
        if (status == 304) {
            ++m_figures.notModified;
            m_figures.bytesOf304 += bytes;
        } else if (status == 200) {
            ++m_figures.fullResponses;
            m_figures.bytesOfChanges += bytes;
            for (const QByteArray &line : headers.split('\n')) {
                if (line.toLower().startsWith("etag:"))
                    client.etag = line.mid(5).trimmed();
            }
            const QJsonArray deltas =
                QJsonDocument::fromJson(body).object().value(QStringLiteral("deltas")).toArray();
            client.followUps.push_back(QStringLiteral("/manifest.json.sig"));
            if (!deltas.isEmpty())
                client.followUps.push_back(
                    QLatin1Char('/') +
                    deltas.last().toObject().value(QStringLiteral("path")).toString());
        } else {
            ++m_figures.badStatus;
        }
    } else {
        ++m_figures.followUpRequests;
        m_figures.bytesOfChanges += bytes;
        if (status != 200)
            ++m_figures.badStatus;
    }
    if (client.followUps.empty()) {
        client.busy = false;
        return;
    }
    const QString next = client.followUps.front();
    client.followUps.pop_front();
    send(client, m_stationPath + next, false);
}

} // namespace gate::bench
