#pragma once

#include "emrtd/chipchannel.h"

#include <winscard.h>

#include <optional>
#include <string>
#include <vector>

namespace gate::emrtd {

// A contactless reader reached through pcsc-lite (pcscd). One object holds
// one PC/SC context and at most one card connection; use it from one thread.
class PcscChannel : public ChipChannel {
public:
    PcscChannel();
    ~PcscChannel() override;
    PcscChannel(const PcscChannel &) = delete;
    PcscChannel &operator=(const PcscChannel &) = delete;

    // False with `error` when pcscd cannot be reached.
    bool open(std::string *error);
    std::vector<std::string> readers();
    // Waits up to `timeoutMs` for a card on `reader` (or on any reader when
    // empty) and connects to it. False when none came or it could not be connected.
    bool connect(const std::string &reader, int timeoutMs, std::string *error);
    void disconnect();
    // Waits until the card leaves (or `timeoutMs` passes); true when it left.
    bool waitForRemoval(int timeoutMs);
    // Extended length: "auto" asks the reader (SCARD_ATTR_MAXINPUT); tests
    // and the configuration may force it off or on.
    enum class ExtendedLength { Auto, Off, On };
    void setExtendedLength(ExtendedLength mode) { extendedMode_ = mode; }
    const std::string &connectedReader() const { return connectedReader_; }

    std::optional<Bytes> transmit(const Bytes &command) override;
    std::string lastError() const override { return lastError_; }
    bool extendedLength() const override { return extended_; }

private:
    SCARDCONTEXT context_ = 0;
    bool contextValid_ = false;
    SCARDHANDLE card_ = 0;
    bool connected_ = false;
    DWORD protocol_ = 0;
    bool extended_ = false;
    ExtendedLength extendedMode_ = ExtendedLength::Auto;
    std::string connectedReader_;
    std::string lastError_;
};

} // namespace gate::emrtd
