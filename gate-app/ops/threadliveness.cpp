#include "ops/threadliveness.h"

#include <QThread>
#include <QTimer>

namespace gate {

ThreadLiveness::ThreadLiveness(int tickMs, QObject *parent)
    : QObject(parent)
    , m_tickMs(tickMs) {}

ThreadLiveness::~ThreadLiveness() = default;

std::shared_ptr<const hal::ProgressMark> ThreadLiveness::watch(const QString &name,
                                                               QThread *thread) {
    auto mark = std::make_shared<hal::ProgressMark>();
    auto *ticker = new QTimer;
    ticker->setInterval(m_tickMs);
    QObject::connect(ticker, &QTimer::timeout, ticker, [mark] { mark->mark(); });
    ticker->moveToThread(thread);
    // Started and deleted from the thread's own event loop.
    QMetaObject::invokeMethod(ticker, qOverload<>(&QTimer::start), Qt::QueuedConnection);
    QObject::connect(thread, &QThread::finished, ticker, &QObject::deleteLater);
    QObject::connect(this, &QObject::destroyed, ticker, &QObject::deleteLater);
    m_watched.append({name, mark});
    return mark;
}

QStringList ThreadLiveness::staleWithin(int periodMs) const {
    QStringList stale;
    for (const Watched &watched : m_watched)
        if (watched.mark->ageMs() >= periodMs)
            stale.append(watched.name);
    return stale;
}

} // namespace gate
