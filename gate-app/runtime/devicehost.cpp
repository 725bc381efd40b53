#include "devicehost.h"

#include "devicethread.h"

#include "ops/threadliveness.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDevices, "gate.devices")

namespace gate {

DeviceHost::DeviceHost(QObject *parent)
    : QObject(parent) {}

DeviceHost::~DeviceHost() {
    stopAll();
}

bool DeviceHost::create(const GateConfig &config, hal::PluginCatalog &catalog, QStringList *errors,
                        const QList<qsizetype> &leaveOut) {
    const int errorsBefore = int(errors->size());
    for (qsizetype i = 0; i < config.devices.size(); ++i) {
        if (leaveOut.contains(i))
            continue;
        const DeviceConfig &device = config.devices.at(i);
        const QString key = QStringLiteral("devices[%1]").arg(i);
        QString error;
        hal::DevicePlugin *plugin = catalog.plugin(device.plugin, &error);
        if (!plugin) {
            errors->append(config.placeError(QStringLiteral("%1.plugin: %2").arg(key, error)));
            continue;
        }
        if (device.role == DeviceRole::Lane) {
            if (auto lane = plugin->createLaneActuator(device.name, device.settings, &error)) {
                m_lane = lane.get();
                adopt(device.name, lane.release());
            }
        } else if (auto source =
                       plugin->createCredentialSource(device.name, device.settings, &error)) {
            m_sources.append(source.get());
            adopt(device.name, source.release());
        }
        // Factories name the setting ("settings.url: ..."), one problem a
        // line: each joins the device's key and gets its line of the file.
        if (error.isEmpty())
            continue;
        for (const QString &problem : error.split(u'\n')) {
            const QString separator = problem.startsWith(QLatin1String("settings."))
                                          ? QStringLiteral(".")
                                          : QStringLiteral(": ");
            errors->append(
                config.placeError(QStringLiteral("%1%2%3 (device \"%4\", plugin %5)")
                                      .arg(key, separator, problem, device.name, device.plugin)));
        }
    }
    if (errors->size() > errorsBefore) {
        stopAll();
        return false;
    }
    return true;
}

hal::ChipReader *DeviceHost::chipReader() const {
    for (hal::CredentialSource *source : m_sources) {
        // Not qobject_cast: a plugin carries its own copy of the hal's meta
        // objects, while type identity holds across shared objects.
        if (auto *reader = dynamic_cast<hal::ChipReader *>(source))
            return reader;
    }
    return nullptr;
}

void DeviceHost::adopt(const QString &name, QObject *device) {
    auto *thread = new DeviceThread(name, this);
    connect(thread, &DeviceThread::failed, this, &DeviceHost::deviceFailed);
    device->setObjectName(name);
    device->moveToThread(thread);
    connect(thread, &QThread::finished, device, &QObject::deleteLater);
    m_devices.append({name, device, thread});
}

void DeviceHost::watchProgress(ThreadLiveness &liveness) const {
    for (const Device &device : m_devices)
        liveness.watch(device.thread->objectName(), device.thread);
}

void DeviceHost::startAll() {
    for (const Device &device : std::as_const(m_devices)) {
        device.thread->start();
        QMetaObject::invokeMethod(device.object, "start", Qt::QueuedConnection);
        qCInfo(lcDevices) << "started device" << device.name;
    }
    m_running = true;
}

void DeviceHost::stopAll() {
    for (const Device &device : std::as_const(m_devices)) {
        if (m_running)
            QMetaObject::invokeMethod(device.object, "stop", Qt::BlockingQueuedConnection);
        device.thread->quit();
        device.thread->wait();
        if (!m_running)
            delete device.object; // never started: the thread's finished() did not run
    }
    m_devices.clear();
    m_sources.clear();
    m_lane = nullptr;
    m_running = false;
}

} // namespace gate
