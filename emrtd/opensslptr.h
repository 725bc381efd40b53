#pragma once

#include <memory>

namespace gate::emrtd {

// OpenSSL objects owned the C++ way: `OpensslPtr<EVP_PKEY, EVP_PKEY_free>`.
template <typename T, void (*Free)(T *)> struct OpensslDeleter {
    void operator()(T *p) const { Free(p); }
};
template <typename T, void (*Free)(T *)>
using OpensslPtr = std::unique_ptr<T, OpensslDeleter<T, Free>>;

} // namespace gate::emrtd
