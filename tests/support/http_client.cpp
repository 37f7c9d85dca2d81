#include "http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/parse.hpp>
#include <cerrno>
#include <cstring>
#include <optional>
#include <stdexcept>

namespace disha::test {

namespace http = boost::beast::http;

std::string HttpResponse::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

boost::json::value HttpResponse::json() const {
  return boost::json::parse(body);
}

Connection::Connection(unsigned short port, std::string host) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd_ < 0) throw std::runtime_error("socket: " + std::string(std::strerror(errno)));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  ::inet_pton(AF_INET, host.c_str(), &address.sin_addr);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    auto message = std::string(std::strerror(errno));
    ::close(fd_);
    throw std::runtime_error("connect: " + message);
  }
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

Connection::~Connection() {
  if (fd_ >= 0) ::close(fd_);
}

bool Connection::try_send(std::string_view bytes) {
  while (!bytes.empty()) {
    auto sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

void Connection::send(std::string_view bytes) {
  if (!try_send(bytes)) throw std::runtime_error("send: " + std::string(std::strerror(errno)));
}

long Connection::receive(std::chrono::milliseconds timeout) {
  pollfd poll_fd{fd_, POLLIN, 0};
  int ready = ::poll(&poll_fd, 1, static_cast<int>(timeout.count()));
  if (ready == 0) return -1;
  char chunk[16384];
  auto n = ::recv(fd_, chunk, sizeof chunk, 0);
  if (n < 0) return 0;  // a reset counts as closed
  pending_.append(chunk, static_cast<std::size_t>(n));
  return n;
}

HttpResponse Connection::read_response(std::chrono::milliseconds timeout, bool head_request) {
  std::optional<http::response_parser<http::string_body>> parser;
  auto start_message = [&] {
    parser.emplace();
    parser->eager(true);
    parser->skip(head_request);
    parser->body_limit(64 * 1024 * 1024);
  };
  start_message();
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (!pending_.empty()) {
      boost::beast::error_code ec;
      auto used = parser->put(boost::asio::buffer(pending_), ec);
      pending_.erase(0, used);
      if (ec && ec != http::error::need_more) {
        throw std::runtime_error("bad response from server: " + ec.message());
      }
      // Skip interim 1xx responses.
      if (parser->is_done() && parser->get().result_int() / 100 == 1) {
        start_message();
        continue;
      }
      if (parser->is_done()) break;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) throw std::runtime_error("timed out waiting for a response");
    auto n = receive(left);
    if (n == -1) throw std::runtime_error("timed out waiting for a response");
    if (n == 0) {
      if (!parser->got_some()) throw std::runtime_error("connection closed without a response");
      boost::beast::error_code ec;
      parser->put_eof(ec);
      if (!ec && parser->is_done()) break;
      throw std::runtime_error("connection closed before a complete response");
    }
  }
  auto message = parser->release();
  HttpResponse response;
  response.status = message.result_int();
  response.version = message.version();
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Repeated fields (Set-Cookie) are joined as a list, so none is lost.
    auto& value = response.headers[name];
    value += (value.empty() ? "" : ", ") + std::string(field.value());
  }
  response.body = std::move(message.body());
  return response;
}

bool Connection::closed_by_peer(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    auto n = receive(left);
    if (n == 0) return true;
    if (n == -1) return false;
    pending_.clear();
  }
}

std::string format_request(std::string_view method, std::string_view target, std::string_view body,
                           const std::vector<std::pair<std::string, std::string>>& headers,
                           bool close) {
  std::string text;
  text.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  for (const auto& [name, value] : headers)
    text.append(name).append(": ").append(value).append("\r\n");
  if (!body.empty())
    text.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  if (close) text.append("Connection: close\r\n");
  text.append("\r\n").append(body);
  return text;
}

HttpResponse request(unsigned short port, std::string_view method, std::string_view target,
                     std::string_view body,
                     const std::vector<std::pair<std::string, std::string>>& headers) {
  Connection connection(port);
  connection.send(format_request(method, target, body, headers, true));
  return connection.read_response(10s, method == "HEAD");
}

}  // namespace disha::test
