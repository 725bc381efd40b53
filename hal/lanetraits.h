#pragma once

namespace gate::hal {

// What a lane is, as its driver knows it from its configuration (a lane
// profile, docs/lane.md): fixed for the actuator's lifetime, so that any
// thread may read it.
struct LaneTraits {
    // The lane's own limit for an authorised pass; 0 when the driver does not
    // know it.
    int passTimeoutMs = 0;
    // The lane reports each passage, so a party's members can be counted
    // through on one authorisation (CMD_ARG = N). A relay gate cannot.
    bool countsPasses = true;
    // A wide lane: wheelchairs, prams and large luggage, with staff nearby.
    bool wide = false;

    bool operator==(const LaneTraits &) const = default;
};

} // namespace gate::hal
