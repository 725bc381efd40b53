#pragma once

#include "benchtools.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace gate::e2e {

class Station;

// One run of gate-app against a fresh lane simulator.
struct GateRunSetup {
    QString name;                       // the run's state folder in the station's folder
    QJsonArray credentialSources;       // device entries of the gate configuration
    int exitAfterDecisions = 0;         // gate-app --exit-after; 0: until the deadline
    qint64 deadlineMs = 600'000;        // after gate-app started: stopped with SIGTERM
    QStringList laneArguments;          // more gate-lane-sim options: passenger model, timings
    QString laneProfile;                // the modbus-lane device's profile file; empty: built in
    int listIntervalS = 5;              // tickets.interval_s
    QJsonObject configSections;         // more sections of the gate configuration ("passport")
    std::optional<quint16> logSyncPort; // a RELP collector on 127.0.0.1
    std::function<void()> beforeGateStart = [] {}; // the list is synced, the lane up
    std::function<void()> atFirstOpen = [] {};
    // Called as gate-app records each passage that passed ("#N passage passed").
    std::function<void(qint64 passageId)> onPassage = [](qint64) {};
    // Called with the gate's status snapshot about once a second, if set.
    std::function<void(const QJsonObject &)> onStatus;
    int rssSampleMs = 200;
};

// Times are milliseconds on the bench's clock since gate-app was started.
// A time taken from gate-app's console is when the bench read the line: the
// pipe adds well under a millisecond.
struct Passage {
    QString kind; // as gate-app names the credential: eticket, passport, resident, ...
    bool admitted = false;
    QString reason;
    double readToDecisionMs = 0;
    double readToAckMs = -1; // admitted and the barrier opened
    qint64 readAtMs = -1;
    qint64 ackAtMs = -1;
};

struct RssSample {
    qint64 atMs = 0;
    int decisions = 0;
    Resident resident;
};

struct RunFigures {
    std::map<qint64, Passage> passages;                 // by passage number
    std::vector<std::pair<qint64, QString>> laneEvents; // the simulator's events
    std::vector<RssSample> rss;
    qint64 readyAtMs = -1; // gate-app said it is ready
    int decisions = 0;
    int admitted = 0;
    int gateExitCode = -1;
    bool stoppedAtDeadline = false;

    int laneEventCount(const QString &name) const;
};

RunFigures runGate(Station &station, const GateRunSetup &setup);

} // namespace gate::e2e
