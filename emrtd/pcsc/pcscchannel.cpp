#include "emrtd/pcsc/pcscchannel.h"

#include <pcsclite.h>
#include <reader.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace gate::emrtd {

namespace {

std::string pcscError(const char *what, LONG code) {
    return std::string(what) + ": " + pcsc_stringify_error(code);
}

// The largest command or response a short-APDU reader moves, with a status word.
constexpr DWORD kShortApduLimit = 261;

} // namespace

PcscChannel::PcscChannel() = default;

PcscChannel::~PcscChannel() {
    disconnect();
    if (contextValid_)
        SCardReleaseContext(context_);
}

bool PcscChannel::open(std::string *error) {
    const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context_);
    if (rv != SCARD_S_SUCCESS) {
        *error = pcscError("pcscd unreachable", rv);
        return false;
    }
    contextValid_ = true;
    return true;
}

std::vector<std::string> PcscChannel::readers() {
    std::vector<std::string> names;
    DWORD size = 0;
    if (!contextValid_ || SCardListReaders(context_, nullptr, nullptr, &size) != SCARD_S_SUCCESS)
        return names;
    std::string buffer(size, '\0');
    if (SCardListReaders(context_, nullptr, buffer.data(), &size) != SCARD_S_SUCCESS)
        return names;
    for (std::size_t at = 0; at < buffer.size() && buffer[at] != '\0';) {
        const std::string name(buffer.c_str() + at);
        names.push_back(name);
        at += name.size() + 1;
    }
    return names;
}

bool PcscChannel::connect(const std::string &reader, int timeoutMs, std::string *error) {
    disconnect();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        std::vector<std::string> candidates = readers();
        if (!reader.empty())
            candidates = {reader};
        std::vector<SCARD_READERSTATE> states(candidates.size());
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            states[i].szReader = candidates[i].c_str();
            states[i].dwCurrentState = SCARD_STATE_UNAWARE;
        }
        if (!states.empty() &&
            SCardGetStatusChange(context_, 0, states.data(), static_cast<DWORD>(states.size())) ==
                SCARD_S_SUCCESS) {
            for (std::size_t i = 0; i < states.size(); ++i) {
                if (!(states[i].dwEventState & SCARD_STATE_PRESENT) ||
                    (states[i].dwEventState & SCARD_STATE_MUTE))
                    continue;
                const LONG rv =
                    SCardConnect(context_, candidates[i].c_str(), SCARD_SHARE_EXCLUSIVE,
                                 SCARD_PROTOCOL_T1 | SCARD_PROTOCOL_T0, &card_, &protocol_);
                if (rv != SCARD_S_SUCCESS) {
                    *error = pcscError("connect", rv);
                    return false;
                }
                connected_ = true;
                connectedReader_ = candidates[i];
                DWORD maxInput = 0;
                DWORD size = sizeof maxInput;
                const bool readerSaysExtended =
                    SCardGetAttrib(card_, SCARD_ATTR_MAXINPUT, reinterpret_cast<LPBYTE>(&maxInput),
                                   &size) == SCARD_S_SUCCESS &&
                    maxInput > kShortApduLimit;
                extended_ = extendedMode_ == ExtendedLength::On ||
                            (extendedMode_ == ExtendedLength::Auto && readerSaysExtended);
                return true;
            }
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            *error = candidates.empty() ? "no reader" : "no card";
            return false;
        }
        // Wake on any change (a card placed, a reader plugged) or after a short while,
        // because the reader list itself may change.
        std::vector<SCARD_READERSTATE> watch = states;
        for (auto &state : watch)
            state.dwCurrentState = state.dwEventState;
        if (watch.empty())
            std::this_thread::sleep_for(
                std::chrono::milliseconds(std::min<long>(left.count(), 100)));
        else
            SCardGetStatusChange(context_, static_cast<DWORD>(std::min<long>(left.count(), 250)),
                                 watch.data(), static_cast<DWORD>(watch.size()));
    }
}

void PcscChannel::disconnect() {
    if (connected_)
        SCardDisconnect(card_, SCARD_LEAVE_CARD);
    connected_ = false;
    connectedReader_.clear();
}

bool PcscChannel::waitForRemoval(int timeoutMs) {
    if (connectedReader_.empty())
        return true;
    SCARD_READERSTATE state{};
    state.szReader = connectedReader_.c_str();
    state.dwCurrentState = SCARD_STATE_PRESENT;
    const LONG rv = SCardGetStatusChange(context_, static_cast<DWORD>(timeoutMs), &state, 1);
    return rv == SCARD_S_SUCCESS && (state.dwEventState & SCARD_STATE_EMPTY);
}

std::optional<Bytes> PcscChannel::transmit(const Bytes &command) {
    if (!connected_) {
        lastError_ = "no card";
        return std::nullopt;
    }
    Bytes response(MAX_BUFFER_SIZE_EXTENDED);
    DWORD size = static_cast<DWORD>(response.size());
    const SCARD_IO_REQUEST *pci = protocol_ == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    const LONG rv = SCardTransmit(card_, pci, command.data(), static_cast<DWORD>(command.size()),
                                  nullptr, response.data(), &size);
    if (rv != SCARD_S_SUCCESS) {
        lastError_ = rv == SCARD_W_REMOVED_CARD || rv == SCARD_E_NO_SMARTCARD
                         ? "card_removed"
                         : pcscError("transmit", rv);
        return std::nullopt;
    }
    response.resize(size);
    return response;
}

} // namespace gate::emrtd
