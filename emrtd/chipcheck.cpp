#include "emrtd/chipcheck.h"

#include "emrtd/activeauth.h"
#include "emrtd/bac.h"
#include "emrtd/cardaccess.h"
#include "emrtd/chipauth.h"
#include "emrtd/filereader.h"
#include "emrtd/pace.h"

#include <algorithm>
#include <map>

namespace gate::emrtd {

const char *outcomeName(ChipOutcome outcome) {
    switch (outcome) {
    case ChipOutcome::Verified:
        return "verified";
    case ChipOutcome::Unverified:
        return "unverified";
    case ChipOutcome::Forged:
        return "forged";
    case ChipOutcome::AccessDenied:
        return "access_denied";
    case ChipOutcome::NoChip:
        return "no_chip";
    case ChipOutcome::ReaderError:
        return "reader_error";
    case ChipOutcome::Malformed:
        return "malformed";
    }
    return "reader_error";
}

namespace {

ChipReport failed(ChipReport report, ChipOutcome outcome, std::string error) {
    report.outcome = outcome;
    report.error = std::move(error);
    return report;
}

ChipOutcome outcomeOfRead(FileReader::Status status) {
    return status == FileReader::Status::ChannelLost || status == FileReader::Status::SessionLost
               ? ChipOutcome::ReaderError
               : ChipOutcome::Malformed;
}

ChipOutcome judge(const ChipReport &report) {
    const PassiveAuthResult &sod = *report.sod;
    if (sod.signature == "malformed")
        return ChipOutcome::Malformed;
    if (sod.signature == "bad" || sod.hashes != "ok" || !report.dg1MatchesMrz ||
        sod.chain == "unknown_dsc" || sod.chain == "revoked")
        return ChipOutcome::Forged;
    if (sod.chain != "ok")
        return ChipOutcome::Unverified;
    return ChipOutcome::Verified;
}

// What Active or Chip Authentication (`protocol`) found, in the report. A
// chip whose SOD-vouched DG15 or DG14 says it holds a key and that does not
// prove it is a forgery: a genuine chip always can, only a copy of its files
// without its private key cannot. 6987/6988 under Chip Authentication's new
// keys is what such a copy answers, and also what a genuine chip reset at
// that moment answers: the read is opened again once (`lastAttempt` false),
// and a second time it is a forgery.
ChipReport judgeAuthentication(ChipReport report, const char *protocol,
                               const AuthenticationResult &result, bool lastAttempt,
                               bool *sessionLost) {
    using Status = AuthenticationResult::Status;
    report.chipAuthProtocol = protocol;
    report.exchanges += result.exchanges;
    switch (result.status) {
    case Status::Verified:
        report.chipAuth = protocol;
        return report;
    case Status::NewKeysRefused:
        if (!lastAttempt) {
            *sessionLost = true;
            return failed(report, ChipOutcome::ReaderError, result.error);
        }
        [[fallthrough]];
    case Status::Refused:
    case Status::Failed:
        report.chipAuth = "failed";
        return failed(report, ChipOutcome::Forged, result.error);
    case Status::SessionLost:
        *sessionLost = true;
        return failed(report, ChipOutcome::ReaderError, result.error);
    case Status::ChannelLost:
        return failed(report, ChipOutcome::ReaderError, result.error);
    case Status::Unauthenticated:
        return failed(report, ChipOutcome::Malformed, result.error);
    }
    return failed(report, ChipOutcome::ReaderError, result.error);
}

// Active Authentication with DG15's key (and DG14's hash for ECDSA).
ChipReport activeAuthenticate(ChipReport report, ChipChannel &channel, SecureMessaging &session,
                              const std::map<int, Bytes> &groups, bool lastAttempt,
                              bool *sessionLost) {
    std::string error;
    const auto dg14 = groups.find(14);
    const auto key = ActiveAuthKey::fromFiles(
        groups.at(15), dg14 == groups.end() ? std::nullopt : std::optional<ByteView>(dg14->second),
        &error);
    if (!key) {
        report.chipAuth = "not_supported";
        return failed(report, ChipOutcome::Malformed, error);
    }
    return judgeAuthentication(std::move(report), "active_authentication",
                               runActiveAuthentication(channel, session, *key), lastAttempt,
                               sessionLost);
}

// Access control with each MRZ candidate in turn: PACE where EF.CardAccess
// offers a variant this reader runs (Doc 9303 part 11, 4.2: PACE first when
// the chip has it), BAC otherwise or once the chip will not run PACE. The
// session, with the eMRTD application selected; or none and `report` says
// why.
std::optional<SecureMessaging> openChip(ChipChannel &channel,
                                        const std::vector<std::vector<std::string>> &mrzCandidates,
                                        ChipReport *report) {
    std::string error;
    bool lost = false;
    // A chip already gone is told by the first SELECT below, as without PACE.
    const auto cardAccess = readCardAccess(channel, &lost);
    const CardAccessPace pace = cardAccess ? paceOfCardAccess(*cardAccess) : CardAccessPace{};
    bool tryPace = pace.status == CardAccessPace::Status::Offered;
    const char *refusedBy = tryPace ? "PACE" : "BAC";
    for (std::size_t i = 0; i < mrzCandidates.size(); ++i) {
        const auto keyInformation = bacKeyInformation(mrzCandidates[i]);
        if (!keyInformation)
            continue;
        if (tryPace) {
            PaceResult opened = runPace(channel, pace.offer, *keyInformation);
            switch (opened.status) {
            case PaceResult::Status::Opened:
                if (!selectApplication(channel, &*opened.session, &lost, &error)) {
                    *report = failed(*report, lost ? ChipOutcome::ReaderError : ChipOutcome::NoChip,
                                     error);
                    return std::nullopt;
                }
                report->access = "PACE";
                report->openedBy = static_cast<int>(i);
                return std::move(opened.session);
            case PaceResult::Status::Refused:
                continue;
            case PaceResult::Status::NotAccepted:
                tryPace = false;
                refusedBy = "BAC";
                break;
            case PaceResult::Status::ChannelLost:
                *report = failed(*report, ChipOutcome::ReaderError, opened.error);
                return std::nullopt;
            case PaceResult::Status::Malformed:
                *report = failed(*report, ChipOutcome::Malformed, opened.error);
                return std::nullopt;
            }
        }
        // Each attempt starts from a freshly selected application: a refused
        // EXTERNAL AUTHENTICATE leaves the chip's state undefined.
        if (!selectApplication(channel, nullptr, &lost, &error)) {
            *report =
                failed(*report, i == 0 ? ChipOutcome::NoChip : ChipOutcome::ReaderError, error);
            return std::nullopt;
        }
        BacResult bac = runBac(channel, *keyInformation);
        switch (bac.status) {
        case BacResult::Status::Opened:
            report->access = "BAC";
            report->openedBy = static_cast<int>(i);
            return std::move(bac.session);
        case BacResult::Status::Refused:
            break;
        case BacResult::Status::NotSupported:
            // A PACE-only chip whose PACE this reader does not run (or that
            // would not run it).
            *report = failed(*report, ChipOutcome::AccessDenied,
                             "the chip offers neither BAC nor a PACE this reader runs");
            return std::nullopt;
        case BacResult::Status::ChannelLost:
            *report = failed(*report, ChipOutcome::ReaderError, bac.error);
            return std::nullopt;
        case BacResult::Status::Malformed:
            *report = failed(*report, ChipOutcome::Malformed, bac.error);
            return std::nullopt;
        }
    }
    *report = failed(*report, ChipOutcome::AccessDenied,
                     std::string(refusedBy) + " refused every MRZ offered");
    return std::nullopt;
}

ChipReport readAndCheckOnce(ChipChannel &channel,
                            const std::vector<std::vector<std::string>> &mrzCandidates,
                            const CscaStore &cscas, std::time_t now, bool lastAttempt,
                            bool *sessionLost) {
    ChipReport report;
    std::string error;
    if (mrzCandidates.empty() || mrzCandidates.size() > kMaxMrzCandidates)
        return failed(report, ChipOutcome::AccessDenied, "one to three MRZ candidates");

    std::optional<SecureMessaging> session = openChip(channel, mrzCandidates, &report);
    if (!session)
        return report;

    FileReader files(channel, *session);
    auto readRequired = [&](std::uint16_t fileId, Bytes *out) -> std::optional<ChipReport> {
        const auto read = files.read(fileId);
        report.exchanges = files.exchanges();
        if (read.status == FileReader::Status::Read) {
            *out = read.bytes;
            return std::nullopt;
        }
        if (read.status == FileReader::Status::NotFound)
            return failed(report, ChipOutcome::Malformed, "a required file is missing");
        *sessionLost = read.status == FileReader::Status::SessionLost;
        return failed(report, outcomeOfRead(read.status), read.error);
    };

    Bytes com;
    if (auto stop = readRequired(fid::kCom, &com))
        return *stop;
    const auto listed = parseCom(com);
    if (!listed)
        return failed(report, ChipOutcome::Malformed, "EF.COM is malformed");
    report.dataGroups = *listed;
    for (int needed : {1, 2})
        if (std::find(listed->begin(), listed->end(), needed) == listed->end())
            return failed(report, ChipOutcome::Malformed, "EF.COM lists no DG1 or DG2");

    std::map<int, Bytes> groups;
    for (int group : {1, 2, 14, 15}) {
        if (std::find(listed->begin(), listed->end(), group) == listed->end())
            continue;
        if (auto stop = readRequired(fid::dataGroup(group), &groups[group]))
            return *stop;
    }
    const auto dg1 = parseDg1(groups[1]);
    if (!dg1)
        return failed(report, ChipOutcome::Malformed, "DG1 is malformed");
    report.mrz = *dg1;
    report.dg1MatchesMrz =
        std::find(mrzCandidates.begin(), mrzCandidates.end(), *dg1) != mrzCandidates.end();
    report.face = parseDg2(groups[2]);
    if (!report.face)
        return failed(report, ChipOutcome::Malformed, "DG2 holds no face image");
    // Chip and Active Authentication wait for an SOD that vouches for DG14
    // and DG15.
    if (groups.contains(14) || groups.contains(15))
        report.chipAuth = "not_run";

    const auto sod = files.read(fid::kSod);
    report.exchanges = files.exchanges();
    if (sod.status == FileReader::Status::NotFound) {
        report.outcome = report.dg1MatchesMrz ? ChipOutcome::Unverified : ChipOutcome::Forged;
        report.error = "the chip has no SOD";
        return report;
    }
    if (sod.status != FileReader::Status::Read) {
        *sessionLost = sod.status == FileReader::Status::SessionLost;
        return failed(report, outcomeOfRead(sod.status), sod.error);
    }
    report.sod = verifySod(sod.bytes, groups, cscas, now);
    report.outcome = judge(report);
    const bool sodVouches =
        report.outcome == ChipOutcome::Verified || report.outcome == ChipOutcome::Unverified;
    if (!sodVouches)
        return report;
    // Chip Authentication first where the chip offers both: it proves the
    // chip and also replaces the BAC keys, which anyone holding the page can
    // compute, with keys only the chip shares.
    ChipAuthOfDg14 chipAuthentication;
    if (groups.contains(14))
        chipAuthentication = chipAuthOfDg14(groups.at(14));
    switch (chipAuthentication.status) {
    case ChipAuthOfDg14::Status::Supported:
        return judgeAuthentication(
            std::move(report), "chip_authentication",
            runChipAuthentication(channel, *session, chipAuthentication, com), lastAttempt,
            sessionLost);
    case ChipAuthOfDg14::Status::Malformed:
        report.chipAuth = "not_supported";
        return failed(report, ChipOutcome::Malformed, chipAuthentication.error);
    case ChipAuthOfDg14::Status::NotSupported:
    case ChipAuthOfDg14::Status::Absent:
        break;
    }
    if (groups.contains(15))
        return activeAuthenticate(std::move(report), channel, *session, groups, lastAttempt,
                                  sessionLost);
    report.chipAuth = chipAuthentication.status == ChipAuthOfDg14::Status::NotSupported
                          ? "not_supported"
                          : "none";
    return report;
}

} // namespace

ChipReport readAndCheckChip(ChipChannel &channel,
                            const std::vector<std::vector<std::string>> &mrzCandidates,
                            const CscaStore &cscas, std::time_t now) {
    bool sessionLost = false;
    ChipReport report = readAndCheckOnce(channel, mrzCandidates, cscas, now, false, &sessionLost);
    if (!sessionLost)
        return report;
    // Once only: a chip that keeps forgetting is a reader error, not a loop.
    report = readAndCheckOnce(channel, mrzCandidates, cscas, now, true, &sessionLost);
    report.sessionRestarts = 1;
    return report;
}

} // namespace gate::emrtd
