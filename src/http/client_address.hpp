#pragma once
// The client's address behind reverse proxies. X-Forwarded-For is believed only when the peer
// is a configured trusted proxy, and then only up to the rightmost hop that is not itself
// trusted: everything left of it was written by the client and may be forged.
#include <string>
#include <string_view>
#include <vector>

#include "http/types.hpp"

namespace disha::http {

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // Addresses or CIDR ranges: "10.0.0.7", "10.0.0.0/8", "::1", "fd00::/8". Throws
  // disha::Error(bad_request) naming "trusted-proxy" for a malformed entry.
  explicit TrustedProxies(const std::vector<std::string>& entries);

  bool contains(const net::ip::address& address) const;
  bool empty() const noexcept { return ranges_.empty(); }

 private:
  struct Range {
    net::ip::address network;
    unsigned prefix_bits;
  };
  std::vector<Range> ranges_;
};

// `forwarded_for` is the X-Forwarded-For value (several headers joined with ','), possibly empty.
net::ip::address client_address(const net::ip::address& peer, std::string_view forwarded_for,
                                const TrustedProxies& proxies);
// client_address() for a request, reading every X-Forwarded-For header.
net::ip::address client_address(const Context& context, const TrustedProxies& proxies);

}  // namespace disha::http
