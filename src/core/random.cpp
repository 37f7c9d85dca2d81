#include "core/random.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace disha {

std::string random_hex(std::size_t bytes) {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
  std::vector<unsigned char> buffer(bytes);
  randombytes_buf(buffer.data(), buffer.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), buffer.data(), buffer.size());
  hex.pop_back();
  return hex;
}

}  // namespace disha
