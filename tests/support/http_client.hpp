#pragma once
// A deliberately plain HTTP/1.1 client for tests: POSIX sockets with poll() timeouts (so a test
// can never hang), raw bytes out, Beast's parser for the bytes that come back.
#include <boost/json/value.hpp>
#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace disha::test {

using namespace std::chrono_literals;

struct HttpResponse {
  int status = 0;
  unsigned version = 11;
  std::map<std::string, std::string> headers;  // names lower-cased; repeats joined by ", "
  std::string body;

  std::string header(const std::string& lower_name) const;
  boost::json::value json() const;
};

class Connection {
 public:
  explicit Connection(unsigned short port, std::string host = "127.0.0.1");
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void send(std::string_view bytes);
  // Reads one response; throws std::runtime_error on timeout or when the peer closes first.
  HttpResponse read_response(std::chrono::milliseconds timeout = 10s, bool head_request = false);
  // True when the server closes the connection within the timeout (reads and discards data).
  bool closed_by_peer(std::chrono::milliseconds timeout = 5s);
  // False when the server has closed or reset the connection.
  bool try_send(std::string_view bytes);

 private:
  // Appends what arrives within the timeout; returns 0 on orderly close, -1 on timeout.
  long receive(std::chrono::milliseconds timeout);
  int fd_ = -1;
  std::string pending_;
};

// "GET /path HTTP/1.1\r\nHost: …\r\n…\r\n\r\nbody" with Content-Length when there is a body.
std::string format_request(std::string_view method, std::string_view target,
                           std::string_view body = {},
                           const std::vector<std::pair<std::string, std::string>>& headers = {},
                           bool close = false);

// One request on a fresh connection.
HttpResponse request(unsigned short port, std::string_view method, std::string_view target,
                     std::string_view body = {},
                     const std::vector<std::pair<std::string, std::string>>& headers = {});

}  // namespace disha::test
