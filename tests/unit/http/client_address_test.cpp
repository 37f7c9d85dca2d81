#include "http/client_address.hpp"

#include <gtest/gtest.h>

namespace disha::http {
namespace {

net::ip::address ip(const char* text) {
  return net::ip::make_address(text);
}

TEST(TrustedProxies, MatchAddressesAndRanges) {
  TrustedProxies proxies({"10.0.0.0/8", "192.168.1.7", "fd00::/8"});
  EXPECT_TRUE(proxies.contains(ip("10.200.3.4")));
  EXPECT_TRUE(proxies.contains(ip("::ffff:10.1.1.1")));
  EXPECT_TRUE(proxies.contains(ip("192.168.1.7")));
  EXPECT_FALSE(proxies.contains(ip("192.168.1.8")));
  EXPECT_TRUE(proxies.contains(ip("fd12::1")));
  EXPECT_FALSE(proxies.contains(ip("fe80::1")));
  EXPECT_THROW(TrustedProxies({"10.0.0.0/33"}), Error);
  EXPECT_THROW(TrustedProxies({"not-an-address"}), Error);
}

TEST(ClientAddress, HeaderIsIgnoredWithoutATrustedProxy) {
  EXPECT_EQ(client_address(ip("203.0.113.5"), "1.2.3.4", TrustedProxies{}), ip("203.0.113.5"));
  TrustedProxies proxies({"10.0.0.1"});
  EXPECT_EQ(client_address(ip("203.0.113.5"), "1.2.3.4", proxies), ip("203.0.113.5"));
}

TEST(ClientAddress, IsTheRightmostUntrustedHop) {
  TrustedProxies proxies({"10.0.0.0/8"});
  // The client forged "6.6.6.6"; the proxy appended the address it saw.
  EXPECT_EQ(client_address(ip("10.0.0.1"), "6.6.6.6, 198.51.100.9", proxies), ip("198.51.100.9"));
  EXPECT_EQ(client_address(ip("10.0.0.1"), "198.51.100.9, 10.0.0.2", proxies), ip("198.51.100.9"));
  EXPECT_EQ(client_address(ip("10.0.0.1"), "10.0.0.3,10.0.0.2", proxies), ip("10.0.0.3"));
  EXPECT_EQ(client_address(ip("10.0.0.1"), "", proxies), ip("10.0.0.1"));
  // A garbled hop stops the walk at the last proxy we trust.
  EXPECT_EQ(client_address(ip("10.0.0.1"), "198.51.100.9, garbage", proxies), ip("10.0.0.1"));
  EXPECT_EQ(client_address(ip("10.0.0.1"), " 2001:db8::1 ", proxies), ip("2001:db8::1"));
}

}  // namespace
}  // namespace disha::http
