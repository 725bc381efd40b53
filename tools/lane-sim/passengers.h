#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <random>

namespace gate::lanesim {

// What the passenger does with one authorised pass.
enum class Behaviour {
    Pass,     // walks through after a short walk
    Hesitate, // never comes: the pass times out
    Tailgate, // walks through with someone right behind
    WrongWay, // someone comes from the far side while the lane is open
    Absent,   // nobody is modelled: passages come from the control channel only
};

QString toString(Behaviour behaviour);
std::optional<Behaviour> behaviourFromString(const QString &text);

// Chooses the behaviour of each authorised pass: always the same ("auto":
// Pass; "none": Absent), a seeded random mix, or a script file of behaviour
// names, one per line, repeated from the top when it runs out.
class PassengerModel {
public:
    static std::optional<PassengerModel> fromOption(const QString &option, quint32 seed,
                                                    QString *error);

    Behaviour next();

    // Passengers differ in pace: each one's walk delay and walk time are the
    // lane timings times a factor drawn within +-`percent` (0: all alike).
    void setPaceVariation(int percent) { m_paceVariation = percent; }
    double nextPace();

private:
    enum class Source { Fixed, Random, Script };
    Source m_source = Source::Fixed;
    Behaviour m_fixed = Behaviour::Pass;
    QList<Behaviour> m_script;
    qsizetype m_position = 0;
    std::mt19937 m_random;
    int m_paceVariation = 0;
};

} // namespace gate::lanesim
