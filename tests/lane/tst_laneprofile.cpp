// Lane profiles, the status block decoder, the heartbeat echo watch and
// Modbus endpoints: pure logic, no peer.
#include "hal/modbus/modbusendpoint.h"
#include "heartbeatechowatch.h"
#include "laneprofile.h"
#include "lanestatusblock.h"
#include "polledlane.h"

#include <QTest>

using gate::hal::ModbusEndpoint;
using gate::modbuslane::LaneProfile;

class TestLaneProfile : public QObject {
    Q_OBJECT
private slots:
    void shippedDefaultIsTheSpecDefault() {
        QString error;
        const auto profile = LaneProfile::fromFile(
            QStringLiteral(GATE_SOURCE_DIR "/config/lanes/default.json"), &error);
        QVERIFY2(profile, qPrintable(error));
        QVERIFY(*profile == LaneProfile{});
    }

    void shippedCoilProfile() {
        QString error;
        const auto profile = LaneProfile::fromFile(
            QStringLiteral(GATE_SOURCE_DIR "/config/lanes/coil-relay.json"), &error);
        QVERIFY2(profile, qPrintable(error));
        QCOMPARE(profile->kind, LaneProfile::Kind::Coils);
        QVERIFY(profile->pulseMs >= 100);
        QCOMPARE(profile->coils.emergencyOpen, 5);
    }

    // The wide lane: the default registers, longer timings, and a staff call
    // read with the status block (IR 15 bit 0: one read of IR 0..15).
    void shippedWideProfile() {
        QString error;
        const auto profile = LaneProfile::fromFile(
            QStringLiteral(GATE_SOURCE_DIR "/config/lanes/wide.json"), &error);
        QVERIFY2(profile, qPrintable(error));
        QCOMPARE(profile->kind, LaneProfile::Kind::Registers);
        QVERIFY(profile->wide);
        QVERIFY(profile->passTimeoutMs > LaneProfile{}.passTimeoutMs);
        QVERIFY(profile->closeDelayMs > LaneProfile{}.closeDelayMs);
        QVERIFY(profile->staffCall);
        QCOMPARE(profile->staffCall->address, 15);
        QCOMPARE(profile->staffCall->bit, 0);
        QCOMPARE(profile->inputBlockStart(), 0);
        QCOMPARE(profile->inputBlockCount(), 16);
        QCOMPARE(profile->holding, LaneProfile::HoldingMap{});
        const gate::hal::LaneTraits traits = profile->traits();
        QVERIFY(traits.wide);
        QVERIFY(traits.countsPasses);
        QCOMPARE(traits.passTimeoutMs, profile->passTimeoutMs);
    }

    void theDefaultProfilesHaveNoStaffCall() {
        QVERIFY(!LaneProfile{}.staffCall);
        QVERIFY(!LaneProfile{}.wide);
        QCOMPARE(LaneProfile{}.inputBlockCount(), 15);
        QCOMPARE(LaneProfile{}.discreteInputCount(), 16);
    }

    // A relay gate reports no passages: it cannot count a party through.
    void aCoilLaneCountsNoPasses() {
        QString error;
        const auto profile = LaneProfile::fromJson(
            R"({"kind": "coils", "staff_call": {"discrete_input": 16}})", &error);
        QVERIFY2(profile, qPrintable(error));
        QVERIFY(!profile->traits().countsPasses);
        QCOMPARE(profile->discreteInputCount(), 17);
        QCOMPARE(profile->inputBlockCount(), 15); // registers are not read
    }

    void overrides() {
        QString error;
        const auto profile = LaneProfile::fromJson(
            R"({"unit": 7, "word_order": "low_first", "watchdog": {"time_ms": 2500, "action": "open_both"},
                "holding": {"cmd_code": 12, "cmd_arg": 10, "cmd_seq": 11},
                "input": {"ack_seq": 20, "ack_result": 21}, "modes": {"controlled": 9, "locked": 0},
                "heartbeat_echo_stale_ms": 0, "passage_poll_period_ms": 25})",
            &error);
        QVERIFY2(profile, qPrintable(error));
        QCOMPARE(profile->unit, 7);
        QCOMPARE(profile->wordOrder, LaneProfile::WordOrder::LowFirst);
        QCOMPARE(profile->watchdogTimeMs, 2500);
        QCOMPARE(profile->watchdogAction, LaneProfile::WatchdogAction::OpenBoth);
        QCOMPARE(profile->commandBlockStart(), 10);
        QCOMPARE(profile->inputBlockStart(), 0);
        QCOMPARE(profile->inputBlockCount(), 22);
        QCOMPARE(profile->modeValues[0], 9);
        QCOMPARE(profile->heartbeatEchoStaleMs, 0);
        QCOMPARE(profile->passagePollPeriodMs, 25);
    }

    void rejected_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("namedKey");
        QTest::newRow("not json") << QByteArray("{\"unit\": ")
                                  << QString("profile:1:10: not valid JSON");
        QTest::newRow("not an object") << QByteArray("[1]") << QString("object");
        QTest::newRow("unknown key")
            << QByteArray(R"({"polling": 5})") << QString("profile:1: polling:");
        QTest::newRow("unit range")
            << QByteArray(R"({"unit": 300})") << QString("profile:1: unit:");
        QTest::newRow("unit type") << QByteArray(R"({"unit": "1"})") << QString("profile:1: unit:");
        QTest::newRow("huge") << QByteArray(R"({"poll_period_ms": 1e30})")
                              << QString(
                                     "profile:1: poll_period_ms: must be a whole number from 10");
        QTest::newRow("fraction") << QByteArray(R"({"poll_period_ms": 20.5})")
                                  << QString("profile:1: poll_period_ms:");
        QTest::newRow("tenths") << QByteArray(R"({"pass_timeout_ms": 250})")
                                << QString("profile:1: pass_timeout_ms:");
        QTest::newRow("watchdog action") << QByteArray(R"({"watchdog": {"action": "explode"}})")
                                         << QString("profile:1: watchdog.action:");
        QTest::newRow("nested unknown") << QByteArray(R"({"holding": {"cmd_kode": 1}})")
                                        << QString("profile:1: holding.cmd_kode:");
        QTest::newRow("command block apart")
            << QByteArray(R"({"holding": {"cmd_seq": 9}})") << QString("profile:1: holding:");
        QTest::newRow("status block too long")
            << QByteArray(R"({"input": {"ack_result": 400}})") << QString("profile:1: input:");
        QTest::newRow("duplicate enum value")
            << QByteArray(R"({"modes": {"locked": 0}})") << QString("profile:1: modes.");
        QTest::newRow("unknown enum name")
            << QByteArray(R"({"events": {"boom": 9}})") << QString("profile:1: events.boom:");
        QTest::newRow("short pulse")
            << QByteArray(R"({"pulse_ms": 50})") << QString("profile:1: pulse_ms:");
        QTest::newRow("status_inputs type")
            << QByteArray(R"({"status_inputs": 1})") << QString("profile:1: status_inputs:");
        QTest::newRow("echo stale negative") << QByteArray(R"({"heartbeat_echo_stale_ms": -1})")
                                             << QString("profile:1: heartbeat_echo_stale_ms:");
        QTest::newRow("echo polls too many")
            << QByteArray(R"({"heartbeat_echo_stale_ms": 60001})")
            << QString(
                   "profile:1: heartbeat_echo_stale_ms: must be a whole number from 0 to 60000");
        QTest::newRow("passage poll too fast")
            << QByteArray(R"({"passage_poll_period_ms": 5})")
            << QString(
                   "profile:1: passage_poll_period_ms: must be a whole number from 10 to 10000");
        QTest::newRow("echo stale type") << QByteArray(R"({"heartbeat_echo_stale_ms": "5"})")
                                         << QString("profile:1: heartbeat_echo_stale_ms:");
        QTest::newRow("too large") << QByteArray(70000, ' ') << QString("larger");
        QTest::newRow("wide type")
            << QByteArray(R"({"wide": "yes"})") << QString("profile:1: wide:");
        QTest::newRow("staff call in the packed inputs")
            << QByteArray(R"({"staff_call": {"input_register": 0, "bit": 3}})")
            << QString("profile:1: staff_call.input_register: IR 0 packs DI 0..15");
        QTest::newRow("staff call on a status register")
            << QByteArray(R"({"staff_call": {"input_register": 5, "bit": 0}})")
            << QString("profile:1: staff_call.input_register: IR 5 is the profile's "
                       "input.passed_entry");
        QTest::newRow("staff call bit range")
            << QByteArray(R"({"staff_call": {"input_register": 15, "bit": 16}})")
            << QString("profile:1: staff_call.bit:");
        QTest::newRow("staff call without its bit")
            << QByteArray(R"({"staff_call": {"input_register": 15}})")
            << QString("profile:1: staff_call.bit: is required");
        QTest::newRow("staff call outside the one read")
            << QByteArray(R"({"staff_call": {"input_register": 200, "bit": 0}})")
            << QString(
                   "profile:1: staff_call.input_register: IR 200 takes the status block to 201");
        QTest::newRow("staff call as a DI on a register lane")
            << QByteArray(R"({"staff_call": {"discrete_input": 16}})")
            << QString("profile:1: staff_call.discrete_input: a register profile");
        QTest::newRow("staff call as a register on a coil lane")
            << QByteArray(R"({"kind": "coils", "staff_call": {"input_register": 15, "bit": 0}})")
            << QString("profile:1: staff_call.input_register: a coil profile");
        QTest::newRow("staff call among the status inputs")
            << QByteArray(R"({"kind": "coils", "staff_call": {"discrete_input": 11}})")
            << QString("profile:1: staff_call.discrete_input: must be a whole number from 16");
        QTest::newRow("staff call without status inputs")
            << QByteArray(
                   R"({"kind": "coils", "status_inputs": false, "staff_call": {"discrete_input": 16}})")
            << QString("profile:1: staff_call.discrete_input: needs status_inputs");
        QTest::newRow("staff call type") << QByteArray(R"({"staff_call": 15})")
                                         << QString("profile:1: staff_call: must be an object");
    }
    void rejected() {
        QFETCH(QByteArray, json);
        QFETCH(QString, namedKey);
        QString error;
        QVERIFY(!LaneProfile::fromJson(json, &error));
        QVERIFY2(error.contains(namedKey), qPrintable(error));
    }

    void missingFile() {
        QString error;
        QVERIFY(!LaneProfile::fromFile(QStringLiteral("/nonexistent/lane.json"), &error));
        QVERIFY(error.contains(QLatin1String("/nonexistent/lane.json")));
    }

    void decodesWordOrder() {
        std::array<quint16, 15> block{0x0001, 3,  1, 0, 0x0001, 0x0002, 0, 5,
                                      4,      77, 0, 9, 0x0207, 41,     2};
        LaneProfile profile;
        QString error;
        auto decoded = gate::modbuslane::decodeStatusBlock(profile, block, &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(decoded->status.passedEntry, 0x00010002u);
        QCOMPARE(decoded->status.passedExit, 5u);
        QCOMPARE(decoded->status.mode, gate::hal::LaneStatus::Mode::FreeBoth);
        QCOMPARE(decoded->event, gate::hal::LaneEvent::Tailgating);
        QCOMPARE(decoded->status.acknowledgedSeq, 41);
        QCOMPARE(decoded->heartbeatEcho, 9);
        QCOMPARE(decoded->ackResult, gate::hal::LaneCommandResult::RefusedOccupied);
        QVERIFY(decoded->status.input(gate::hal::LaneInput::BarrierClosed));
        profile.wordOrder = LaneProfile::WordOrder::LowFirst;
        decoded = gate::modbuslane::decodeStatusBlock(profile, block, &error);
        QCOMPARE(decoded->status.passedEntry, 0x00020001u);
    }

    void decodesTheStaffCallBit() {
        LaneProfile profile;
        profile.staffCall = LaneProfile::StaffCallInput{15, 2};
        std::array<quint16, 16> block{};
        QString error;
        auto decoded = gate::modbuslane::decodeStatusBlock(profile, block, &error);
        QVERIFY2(decoded, qPrintable(error));
        QVERIFY(!decoded->status.staffCall);
        block[15] = 0b011; // other bits of the register are not the staff call
        QVERIFY(!gate::modbuslane::decodeStatusBlock(profile, block, &error)->status.staffCall);
        block[15] = 0b100;
        QVERIFY(gate::modbuslane::decodeStatusBlock(profile, block, &error)->status.staffCall);
        // The block without the staff call's register is too short.
        QVERIFY(!gate::modbuslane::decodeStatusBlock(profile, std::span(block).first(15), &error));
    }

    void rejectsGarbledBlocks() {
        LaneProfile profile;
        QString error;
        std::array<quint16, 15> block{};
        block[1] = 42; // no such mode
        QVERIFY(!gate::modbuslane::decodeStatusBlock(profile, block, &error));
        QVERIFY(error.contains(QLatin1String("mode")));
        QVERIFY(!gate::modbuslane::decodeStatusBlock(profile, std::span(block).first(10), &error));
        block[1] = 0;
        block[8] = 99; // unknown event: kept out of the status, not fatal
        block[14] = 7; // unknown result
        const auto decoded = gate::modbuslane::decodeStatusBlock(profile, block, &error);
        QVERIFY(decoded);
        QVERIFY(!decoded->event);
        QVERIFY(!decoded->ackResult);
    }

    void heartbeatEchoWatch() {
        gate::modbuslane::HeartbeatEchoWatch watch(300);
        qint64 now = 1'000'000;
        // An echo equal to the heartbeat just written, or one poll behind, follows.
        quint16 beat = 65534;
        for (int poll = 0; poll < 5; ++poll, ++beat, now += 100) {
            watch.observe(beat, beat, now);
            QVERIFY(!watch.stale());
        }
        for (int poll = 0; poll < 5; ++poll, ++beat, now += 100) {
            watch.observe(beat, quint16(beat - 1), now);
            QVERIFY(!watch.stale());
        }
        // A frozen echo is stale 300 ms after it last followed, however often
        // it is polled, and fresh again once it moves.
        const quint16 frozen = beat - 1;
        watch.observe(beat++, frozen, now); // it moved since the previous poll
        const qint64 followed = now;
        for (now = followed + 20; now <= followed + 400; now += 20) {
            watch.observe(beat++, frozen, now);
            QCOMPARE(watch.stale(), now - followed >= 300);
        }
        watch.observe(beat++, quint16(frozen + 7), now);
        QVERIFY(!watch.stale());
        // 0: no check, for a lane without an echo register.
        gate::modbuslane::HeartbeatEchoWatch off(0);
        for (int poll = 0; poll < 10; ++poll)
            off.observe(quint16(poll + 1), 0, poll * 1000);
        QVERIFY(!off.stale());
    }

    void passagesArePolledFaster() {
        gate::modbuslane::LaneProfile profile;
        profile.pollPeriodMs = 100;
        profile.passagePollPeriodMs = 20;
        using gate::modbuslane::PolledLane;
        gate::hal::LaneStatus status;
        QCOMPARE(PolledLane::pollPeriodFor(profile, status), 100);
        status.pendingEntry = 1;
        QCOMPARE(PolledLane::pollPeriodFor(profile, status), 20);
        status.pendingEntry = 0;
        status.pendingExit = 2;
        QCOMPARE(PolledLane::pollPeriodFor(profile, status), 20);
        status.pendingExit = 0;
        status.inputs = 1u << int(gate::hal::LaneInput::Occupied);
        QCOMPARE(PolledLane::pollPeriodFor(profile, status), 20);
        // Never slower than the idle period.
        profile.passagePollPeriodMs = 500;
        QCOMPARE(PolledLane::pollPeriodFor(profile, status), 100);
    }

    void missedEventsWrap() {
        QCOMPARE(gate::modbuslane::missedEvents(10, 11), 0);
        QCOMPARE(gate::modbuslane::missedEvents(10, 14), 3);
        QCOMPARE(gate::modbuslane::missedEvents(65535, 0), 0);
        QCOMPARE(gate::modbuslane::missedEvents(65534, 1), 2);
    }

    void endpoints_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("tcp") << "tcp://127.0.0.1:1502" << true << "tcp://127.0.0.1:1502";
        QTest::newRow("rtu") << "rtu:/dev/ttyS1" << true << "rtu:/dev/ttyS1,115200,8N1";
        QTest::newRow("rtu baud") << "rtu:/dev/ttyUSB0,9600" << true << "rtu:/dev/ttyUSB0,9600,8N1";
        QTest::newRow("rtu format")
            << "rtu:/dev/ttyS0,19200,8e1" << true << "rtu:/dev/ttyS0,19200,8E1";
        QTest::newRow("no port") << "tcp://host" << false << "";
        QTest::newRow("port 0") << "tcp://host:0" << false << "";
        QTest::newRow("odd baud") << "rtu:/dev/ttyS0,12345" << false << "";
        QTest::newRow("bad format") << "rtu:/dev/ttyS0,9600,9X3" << false << "";
        QTest::newRow("scheme") << "udp://h:1" << false << "";
        QTest::newRow("empty device") << "rtu:" << false << "";
    }
    void endpoints() {
        QFETCH(QString, url);
        QFETCH(bool, valid);
        QFETCH(QString, canonical);
        QString error;
        const auto endpoint = ModbusEndpoint::parse(url, &error);
        QCOMPARE(endpoint.has_value(), valid);
        if (valid)
            QCOMPARE(endpoint->toString(), canonical);
        else
            QVERIFY(!error.isEmpty());
    }

    void interFrameGap() {
        ModbusEndpoint endpoint;
        endpoint.baud = 9600; // 8N1: 10 bits a character, 3.5 characters = 3646 us
        QVERIFY(endpoint.interFrameGapUs() >= 3646 && endpoint.interFrameGapUs() <= 3647);
        endpoint.parity = 'E'; // 11 bits: 4011 us
        QVERIFY(endpoint.interFrameGapUs() >= 4010 && endpoint.interFrameGapUs() <= 4012);
        endpoint.baud = 115200;
        QCOMPARE(endpoint.interFrameGapUs(), 1750);
    }
};

QTEST_GUILESS_MAIN(TestLaneProfile)
#include "tst_laneprofile.moc"
