#include "scriptedsource.h"

#include "hal/monotonicclock.h"
#include "hal/wholenumber.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSim, "gate.device.sim")

namespace gate::sim {

namespace {

constexpr qsizetype maxScriptSteps = 10'000;
constexpr int maxPauseMs = 600'000;

std::optional<ScriptedSource::Step> parseStep(const QJsonObject &object, QString *error) {
    ScriptedSource::Step step;
    step.label = object.value(QStringLiteral("label")).toString();
    const QString kind = object.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("barcode")) {
        step.read.kind = hal::RawRead::Kind::Barcode;
        step.read.text = object.value(QStringLiteral("text")).toString();
        step.read.bytes = step.read.text.toUtf8();
        step.read.symbology = QStringLiteral("QRCode");
        if (step.read.text.isEmpty())
            *error = QStringLiteral("a barcode step needs \"text\"");
    } else if (kind == QLatin1String("idcard")) {
        step.read.kind = hal::RawRead::Kind::IdCardAnswer;
        step.read.bytes =
            QByteArray::fromHex(object.value(QStringLiteral("frame_hex")).toString().toLatin1());
        if (step.read.bytes.isEmpty())
            *error = QStringLiteral("an idcard step needs \"frame_hex\"");
    } else if (kind == QLatin1String("mrz")) {
        step.read.kind = hal::RawRead::Kind::MrzLines;
        for (const QJsonValue &line : object.value(QStringLiteral("lines")).toArray())
            step.read.mrzLines.append(line.toString());
        // A zone the camera could not tell 0 from O in: its candidate readings.
        for (const QJsonValue &candidate : object.value(QStringLiteral("candidates")).toArray())
            step.read.mrzCandidates.append(candidate.toVariant().toStringList());
        if (!step.read.mrzCandidates.isEmpty())
            step.read.mrzLines.clear();
        const bool candidatesFit =
            step.read.mrzCandidates.size() <= hal::kMaxMrzCandidates &&
            std::all_of(
                step.read.mrzCandidates.cbegin(), step.read.mrzCandidates.cend(),
                [](const QStringList &lines) { return lines.size() >= 2 && lines.size() <= 3; });
        if (!candidatesFit)
            *error = QStringLiteral("\"candidates\" must be 1 to %1 readings of 2 or 3 lines")
                         .arg(hal::kMaxMrzCandidates);
        else if (step.read.mrzCandidates.isEmpty() &&
                 (step.read.mrzLines.size() < 2 || step.read.mrzLines.size() > 3))
            *error = QStringLiteral("an mrz step needs 2 or 3 \"lines\", or \"candidates\"");
    } else {
        *error = QStringLiteral("\"kind\" must be barcode, idcard or mrz (got \"%1\")").arg(kind);
    }
    if (object.contains(QStringLiteral("pause_ms"))) {
        const std::optional<qint64> pause =
            hal::wholeNumber(object.value(QStringLiteral("pause_ms")));
        if (!pause || *pause < 0 || *pause > maxPauseMs)
            *error = QStringLiteral("\"pause_ms\" must be 0 to %1").arg(maxPauseMs);
        else
            step.pauseMs = int(*pause);
    }
    if (!error->isEmpty())
        return std::nullopt;
    return step;
}

} // namespace

ScriptedSource::ScriptedSource(QString deviceName, QList<Step> steps, int firstDelayMs,
                               int intervalMs, bool repeat)
    : m_deviceName(std::move(deviceName))
    , m_steps(std::move(steps))
    , m_firstDelayMs(firstDelayMs)
    , m_intervalMs(intervalMs)
    , m_repeat(repeat) {}

QList<ScriptedSource::Step> ScriptedSource::parseScript(const QByteArray &json, QString *error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
        *error = QStringLiteral("the script must be a JSON list of steps");
        return {};
    }
    const QJsonArray array = document.array();
    if (array.size() > maxScriptSteps) {
        *error = QStringLiteral("the script has more than %1 steps").arg(maxScriptSteps);
        return {};
    }
    QList<Step> steps;
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString stepError;
        const auto step = parseStep(array.at(i).toObject(), &stepError);
        if (!step) {
            *error = QStringLiteral("step %1: %2").arg(i).arg(stepError);
            return {};
        }
        steps.append(*step);
    }
    return steps;
}

void ScriptedSource::start() {
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ScriptedSource::presentNext);
    m_timer->start(m_firstDelayMs);
    emit healthChanged({m_deviceName, hal::DeviceHealth::State::Ok,
                        QStringLiteral("%1 scripted reads").arg(m_steps.size()),
                        QDateTime::currentDateTimeUtc()});
}

void ScriptedSource::stop() {
    if (m_timer)
        m_timer->stop();
}

void ScriptedSource::presentNext() {
    if (m_next >= m_steps.size()) {
        if (!m_repeat || m_steps.isEmpty())
            return;
        m_next = 0;
    }
    const Step &step = m_steps.at(m_next++);
    hal::RawRead read = step.read;
    read.source = m_deviceName;
    read.availableNs = hal::monotonicNowNs();
    qCInfo(lcSim).noquote() << "presenting" << step.label;
    emit rawRead(read);
    m_timer->start(step.pauseMs >= 0 ? step.pauseMs : m_intervalMs);
}

} // namespace gate::sim
