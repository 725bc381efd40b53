#include "emrtd/protectedexchange.h"

namespace gate::emrtd {

ProtectedAnswer exchangeProtected(ChipChannel &channel, SecureMessaging &session,
                                  const CommandApdu &command) {
    ProtectedAnswer answer;
    // Above 231 bytes the response's DO'87', DO'99' and DO'8E' no longer fit
    // in a short response.
    const bool extended = channel.extendedLength() && command.le > 231;
    const auto raw = channel.transmit(session.wrap(command, extended));
    if (!raw) {
        answer.status = ProtectedAnswer::Status::ChannelLost;
        answer.error = channel.lastError();
        return answer;
    }
    const auto response = splitResponse(*raw);
    if (!response) {
        answer.status = ProtectedAnswer::Status::Malformed;
        answer.error = "response without a status word";
        return answer;
    }
    const auto plain = session.unwrap(*response, &answer.error);
    if (!plain) {
        answer.status = ProtectedAnswer::Status::Unauthenticated;
        return answer;
    }
    answer.response = *plain;
    return answer;
}

} // namespace gate::emrtd
