#pragma once
// The HTTP/1.1 server on Boost.Beast: one coroutine per connection on its own strand, a fresh
// parser per message with limits, a timeout on every read and write, a connection cap, and a
// graceful shutdown on SIGTERM/SIGINT.
#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/types.hpp"

namespace disha::http {

struct ServerLimits {
  std::size_t header_bytes = 16 * 1024;  // request line + headers; above: 431
  std::size_t body_bytes = 1024 * 1024;  // default; routes may override; above: 413
  std::size_t url_bytes = 8 * 1024;      // request target; above: 414
  std::size_t max_connections = 10'000;  // above: new connections are closed at once
};

struct ServerTimeouts {
  std::chrono::milliseconds header{10'000};    // from the first byte to the end of the headers
  std::chrono::milliseconds body{30'000};      // reading the body
  std::chrono::milliseconds idle{60'000};      // keep-alive wait for the next request
  std::chrono::milliseconds write{30'000};     // writing a response
  std::chrono::milliseconds shutdown{10'000};  // in-flight requests' grace on SIGTERM
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  int threads = 1;
  ServerLimits limits;
  ServerTimeouts timeouts;
};

class Server {
 public:
  // `pipeline` handles every request (the composed middleware chain ending in dispatch()).
  Server(ServerOptions options, const Router& router, Handler pipeline, Metrics& metrics);
  ~Server();

  // Binds and listens; throws std::system_error when the address is taken or invalid.
  boost::asio::ip::tcp::endpoint bind();
  // Serves on options.threads threads until a signal arrives (or stop() is called) and the
  // graceful shutdown is over.
  void run();
  // Starts the graceful shutdown; safe from any thread.
  void stop();

 private:
  struct Connection;
  net::awaitable<void> accept_loop();
  using RequestParser = beast::http::request_parser<beast::http::string_body>;
  net::awaitable<void> serve(std::shared_ptr<Connection> connection);
  // Resolves the route (its body limit applies) and reads the body; on failure sets
  // context.protocol_error, or closes the stream when there is nobody left to answer.
  net::awaitable<void> read_body(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                 RequestParser& parser, Context& context);
  net::awaitable<void> drain();
  void begin_shutdown();

  ServerOptions options_;
  const Router& router_;
  Handler pipeline_;
  Metrics& metrics_;
  // One single-threaded io_context per I/O thread, as nginx has one event loop per worker:
  // threads never contend for one scheduler. Accepted connections are dealt round-robin.
  using WorkGuard = net::executor_work_guard<net::io_context::executor_type>;
  std::vector<std::unique_ptr<net::io_context>> loops_;
  std::vector<WorkGuard> keep_running_;
  std::size_t next_loop_ = 0;  // touched only by the accept loop
  net::ip::tcp::acceptor acceptor_;
  std::atomic<bool> stopping_{false};
  std::mutex connections_mutex_;
  std::unordered_set<std::shared_ptr<Connection>> connections_;
};

}  // namespace disha::http
