#pragma once

#include "support/demostation.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <opencv2/core.hpp>

namespace gate::e2e {

// One passenger at the camera: an e-ticket code or a passport data page.
struct CameraPassenger {
    enum class Shows { ETicket, Passport };
    Shows shows = Shows::ETicket;
    QString id;         // ticket id, or passport number (a letter and 8 digits)
    bool onList = true; // false: the list has no ticket for it, the gate denies it
};

// `count` passengers named from `prefix`: every `passportEvery`-th shows a
// passport (0: none), every `deniedEvery`-th (0: none) an e-ticket the list
// does not hold. A fixed pattern, so that every run sees the same mix.
QList<CameraPassenger> cameraPassengers(int count, const QString &prefix, int passportEvery,
                                        int deniedEvery);

// Synthetic resident ID card numbers with their check character.
QStringList cardNumbers(int count, int first = 0);

// The demo station of gate-issuer, synced into each run's state folder, plus
// a train of the benchmark's own with a ticket per benchmark passenger.
class Station {
public:
    explicit Station(const QString &dir);

    QString path(const QString &name) const;
    QString listUrl() const { return m_listUrl; }
    QString rootKey() const { return m_rootKey; }
    // The bench gate's enrolled device key (it opens the list's sealed keys).
    QString deviceKeyFile() const;
    QString secretsFile() const;

    // Replaces the demo list by `tickets` synthetic ones (their trains, the
    // demo's trust list), as a station of that size would publish it.
    void replaceBySyntheticList(int tickets);

    // The benchmark's train, open for check-in at gate A1, and a ticket for
    // each passenger on the list and each ID card number.
    void publishBenchTickets(const QList<CameraPassenger> &passengers,
                             const QStringList &cards = {});

    // gate-issuer arguments that publish a delta of `changes` records: tickets
    // on another train, and those of `late` passengers, who can only pass once
    // the gate applied that delta.
    QStringList deltaArguments(int changes, const QList<CameraPassenger> &late,
                               const QString &name);

    void syncInto(const QString &database) const;

    // A white 1280x720 camera frame with the passenger's QR code in the middle,
    // signed by the demo station's ticket key.
    cv::Mat ticketFrame(const QString &tid) const;
    // A passport data page with the passenger's MRZ, as printed (no camera yet).
    cv::Mat passportPage(const QString &number) const;
    // The two MRZ lines of that page (what the passport's chip holds in DG1).
    QStringList passportMrz(const QString &number) const;

private:
    QByteArray ticketRecord(const QString &tid, const QString &trn, int index,
                            const QString &holder) const;
    QByteArray trainRecord(const QString &trn) const;
    QString writeRecords(const QList<QByteArray> &lines, const QString &name) const;
    QStringList deltaArgumentsFor(const QString &records);
    void readListKey();

    QString m_dir;
    gate::test::DemoStation m_commissioned;
    QString m_listUrl;
    QString m_rootKey;
    QString m_listDir;
    QByteArray m_listKey;
    qint64 m_now = 0;
    qint64 m_departure = 0;
    int m_seq = 1;
};

} // namespace gate::e2e
