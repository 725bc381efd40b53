#include "passengers.h"

#include <QFile>

#include <array>

namespace gate::lanesim {

namespace {
constexpr std::array<std::pair<Behaviour, const char *>, 5> names{{
    {Behaviour::Pass, "pass"},
    {Behaviour::Hesitate, "hesitate"},
    {Behaviour::Tailgate, "tailgate"},
    {Behaviour::WrongWay, "wrong-way"},
    {Behaviour::Absent, "none"},
}};
constexpr qint64 maxScriptBytes = 64 * 1024;
} // namespace

QString toString(Behaviour behaviour) {
    for (const auto &[value, name] : names)
        if (value == behaviour)
            return QLatin1String(name);
    return {};
}

std::optional<Behaviour> behaviourFromString(const QString &text) {
    for (const auto &[value, name] : names)
        if (text == QLatin1String(name))
            return value;
    return std::nullopt;
}

std::optional<PassengerModel> PassengerModel::fromOption(const QString &option, quint32 seed,
                                                         QString *error) {
    PassengerModel model;
    model.m_random.seed(seed);
    if (option == QLatin1String("auto")) {
        model.m_fixed = Behaviour::Pass;
    } else if (option == QLatin1String("none")) {
        model.m_fixed = Behaviour::Absent;
    } else if (option == QLatin1String("random")) {
        model.m_source = Source::Random;
    } else {
        QFile file(option);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("--passengers: not auto, none, random or a readable script "
                                    "file: %1")
                         .arg(option);
            return std::nullopt;
        }
        const QList<QByteArray> lines = file.read(maxScriptBytes).split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString line = QString::fromUtf8(lines.at(i)).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const auto behaviour = behaviourFromString(line);
            if (!behaviour) {
                *error = QStringLiteral("%1:%2: unknown behaviour \"%3\" (pass, hesitate, "
                                        "tailgate, wrong-way, none)")
                             .arg(option)
                             .arg(i + 1)
                             .arg(line);
                return std::nullopt;
            }
            model.m_script.append(*behaviour);
        }
        if (model.m_script.isEmpty()) {
            *error = QStringLiteral("%1: the script names no behaviour").arg(option);
            return std::nullopt;
        }
        model.m_source = Source::Script;
    }
    return model;
}

Behaviour PassengerModel::next() {
    switch (m_source) {
    case Source::Fixed:
        return m_fixed;
    case Source::Script:
        return m_script.at(m_position++ % m_script.size());
    case Source::Random: {
        // Mostly ordinary passengers, as on a real platform.
        const int roll = std::uniform_int_distribution<int>(0, 99)(m_random);
        if (roll < 70)
            return Behaviour::Pass;
        if (roll < 80)
            return Behaviour::Hesitate;
        if (roll < 90)
            return Behaviour::Tailgate;
        return Behaviour::WrongWay;
    }
    }
    return Behaviour::Pass;
}

double PassengerModel::nextPace() {
    if (m_paceVariation <= 0)
        return 1.0;
    const double spread = m_paceVariation / 100.0;
    return std::uniform_real_distribution<double>(1.0 - spread, 1.0 + spread)(m_random);
}

} // namespace gate::lanesim
