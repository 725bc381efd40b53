# Debian package (CPack)
