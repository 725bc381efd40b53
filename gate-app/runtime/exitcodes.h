#pragma once

namespace gate {

// gate-app's exit codes (docs/operations.md, Exit codes). The service unit
// keys on them: RestartPreventExitStatus=78 keeps a broken configuration from
// restarting in a loop, while 70 is restarted until the start limit.
enum ExitCode : int {
    exitOk = 0,
    // A command line that gate-app does not understand.
    exitUsage = 2,
    // --check-config: the configuration is valid but not commissioned yet
    // (core/config/commissioning.h). A started gate does not exit for this: it
    // shows the out-of-service screen.
    exitNotCommissioned = 3,
    // sysexits.h EX_SOFTWARE: the screens did not load. systemd restarts the
    // gate (a package may just have been installed) until its start limit.
    exitSoftwareError = 70,
    // sysexits.h EX_CONFIG: the configuration is wrong; a restart cannot help.
    exitConfigurationError = 78,
};

} // namespace gate
