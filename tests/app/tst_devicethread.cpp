// A device's thread survives an exception from the device: reported as
// degraded with the reason, and the device's next events are still handled.
#include "runtime/devicethread.h"

#include <QTest>

#include <stdexcept>

namespace {

class FaultyDevice : public QObject {
    Q_OBJECT
public:
    Q_INVOKABLE void fail() { throw std::runtime_error("cv::Exception: bad frame"); }
    Q_INVOKABLE void ping() { emit pinged(); }

signals:
    void pinged();
};

} // namespace

class DeviceThreadTest : public QObject {
    Q_OBJECT

private slots:
    void exceptionIsReportedAndTheDeviceRunsOn() {
        qRegisterMetaType<gate::hal::DeviceHealth>();
        gate::DeviceThread thread(QStringLiteral("camera"));
        QCOMPARE(thread.objectName(), QStringLiteral("device:camera"));
        QList<gate::hal::DeviceHealth> failures;
        connect(&thread, &gate::DeviceThread::failed, this,
                [&](const gate::hal::DeviceHealth &health) { failures.append(health); });
        int pings = 0;
        FaultyDevice device;
        connect(&device, &FaultyDevice::pinged, this, [&] { ++pings; });
        device.moveToThread(&thread);
        thread.start();

        for (int round = 1; round <= 2; ++round) {
            QMetaObject::invokeMethod(&device, "fail", Qt::QueuedConnection);
            QTRY_COMPARE(failures.size(), round);
            QMetaObject::invokeMethod(&device, "ping", Qt::QueuedConnection);
            QTRY_COMPARE(pings, round);
        }
        const gate::hal::DeviceHealth &health = failures.last();
        QCOMPARE(health.device, QStringLiteral("camera"));
        QCOMPARE(gate::hal::toString(health.state), QStringLiteral("degraded"));
        QCOMPARE(health.detail, QStringLiteral("device thread caught: cv::Exception: bad frame"));

        thread.quit();
        QVERIFY(thread.wait(10000));
        QVERIFY(thread.isFinished());
    }
};

QTEST_GUILESS_MAIN(DeviceThreadTest)
#include "tst_devicethread.moc"
