#include "samidreaderplugin.h"

#include "samidreader.h"

namespace gate::samreader {

std::unique_ptr<hal::CredentialSource>
SamIdReaderPlugin::createCredentialSource(const QString &deviceName, const QJsonObject &settings,
                                          QString *error) {
    std::optional<SamReaderSettings> readerSettings = readerSettingsFromJson(settings, error);
    if (!readerSettings)
        return nullptr;
    return std::make_unique<SamIdReader>(deviceName, std::move(*readerSettings));
}

} // namespace gate::samreader
