#pragma once

#include <QString>

#include <optional>

namespace gate::service {

// What the PIN lockout must remember across a restart: wrong PINs in a row,
// and until when the keypad refuses every PIN (Unix seconds, 0: not locked).
struct LockoutState {
    int consecutiveFailures = 0;
    qint64 lockedUntilSecs = 0;
};

// The lockout state in one small JSON file of the gate's state folder,
// replaced atomically (write, fsync, rename) on every change, so that
// restarting the gate neither clears a lockout nor grants new guesses.
class LockoutStore {
public:
    explicit LockoutStore(QString path);

    QString path() const { return m_path; }
    // The saved state; an absent file is a fresh gate (nothing counted). A
    // file that cannot be read or parsed gives nothing, with `error` set: the
    // caller then locks the keypad rather than trust a cleared count.
    std::optional<LockoutState> load(QString *error) const;
    bool save(const LockoutState &state, QString *error) const;

private:
    QString m_path;
};

} // namespace gate::service
