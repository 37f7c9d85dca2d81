#include "http/client_address.hpp"

#include <charconv>

namespace disha::http {

namespace {

// ::ffff:10.0.0.1 and 10.0.0.1 are the same client.
net::ip::address canonical(const net::ip::address& address) {
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6());
  }
  return address;
}

std::optional<net::ip::address> parse_address(std::string_view text) {
  boost::system::error_code ec;
  auto address = net::ip::make_address(text, ec);
  if (ec) return std::nullopt;
  return canonical(address);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

template <class Bytes>
bool same_prefix(const Bytes& a, const Bytes& b, unsigned bits) {
  for (std::size_t i = 0; i < a.size() && bits > 0; ++i) {
    const unsigned take = std::min(bits, 8u);
    const auto mask = static_cast<unsigned char>(0xff << (8 - take));
    if ((a[i] & mask) != (b[i] & mask)) return false;
    bits -= take;
  }
  return true;
}

}  // namespace

TrustedProxies::TrustedProxies(const std::vector<std::string>& entries) {
  for (const auto& entry : entries) {
    std::string_view text = trim(entry);
    auto slash = text.find('/');
    auto address = parse_address(text.substr(0, slash));
    unsigned max_bits = address && address->is_v4() ? 32 : 128;
    unsigned bits = max_bits;
    bool valid = address.has_value();
    if (valid && slash != std::string_view::npos) {
      auto digits = text.substr(slash + 1);
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
      valid = ec == std::errc() && end == digits.data() + digits.size() && bits <= max_bits;
    }
    if (!valid) {
      throw Error(ErrorCode::bad_request,
                  "expected an IP address or CIDR range, got '" + entry + "'", "trusted-proxy");
    }
    ranges_.push_back({*address, bits});
  }
}

bool TrustedProxies::contains(const net::ip::address& address) const {
  const auto candidate = canonical(address);
  for (const auto& range : ranges_) {
    if (range.network.is_v4() && candidate.is_v4() &&
        same_prefix(range.network.to_v4().to_bytes(), candidate.to_v4().to_bytes(),
                    range.prefix_bits)) {
      return true;
    }
    if (range.network.is_v6() && candidate.is_v6() &&
        same_prefix(range.network.to_v6().to_bytes(), candidate.to_v6().to_bytes(),
                    range.prefix_bits)) {
      return true;
    }
  }
  return false;
}

net::ip::address client_address(const net::ip::address& peer, std::string_view forwarded_for,
                                const TrustedProxies& proxies) {
  auto client = canonical(peer);
  // Walk right to left: each hop was appended by the proxy to its right, which we trust.
  while (proxies.contains(client) && !forwarded_for.empty()) {
    auto comma = forwarded_for.rfind(',');
    auto hop =
        trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    forwarded_for =
        comma == std::string_view::npos ? std::string_view{} : forwarded_for.substr(0, comma);
    auto address = parse_address(hop);
    // A garbled hop cannot be believed: the last trusted proxy is the best we know.
    if (!address) break;
    client = *address;
  }
  return client;
}

net::ip::address client_address(const Context& context, const TrustedProxies& proxies) {
  if (proxies.empty()) return canonical(context.remote);
  std::string forwarded_for;
  auto [first, last] = context.request.equal_range("X-Forwarded-For");
  for (auto header = first; header != last; ++header) {
    if (!forwarded_for.empty()) forwarded_for += ',';
    forwarded_for += header->value();
  }
  return client_address(context.remote, forwarded_for, proxies);
}

}  // namespace disha::http
