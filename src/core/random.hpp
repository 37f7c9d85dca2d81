#pragma once
#include <cstddef>
#include <string>

namespace disha {

// `bytes` bytes from the operating system's CSPRNG (libsodium), as lowercase hex: for ids that
// must not be guessable (saved results, later session tokens).
std::string random_hex(std::size_t bytes);

}  // namespace disha
