#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <thread>
#include <vector>

#include "http/target.hpp"
#include "http/time.hpp"

namespace disha::http {

namespace http = beast::http;
using tcp = net::ip::tcp;
constexpr auto use_tuple = net::as_tuple(net::use_awaitable);

struct Server::Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  // Touched only on the connection's strand: true from a complete header to the response sent.
  bool busy = false;
};

namespace {

bool is_http_error(const beast::error_code& ec) {
  return &ec.category() == &http::make_error_code(http::error::bad_target).category();
}

// Errors after which the client gets an answer (then the connection closes); nullopt: the
// connection just ends (the peer left, a timeout, or shutdown).
std::optional<Error> answerable(const beast::error_code& ec) {
  if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
    return Error(ErrorCode::header_too_large, "request header fields exceed the server's limit");
  }
  if (ec == http::error::body_limit) {
    return Error(ErrorCode::payload_too_large, "request body exceeds the limit for this route");
  }
  if (is_http_error(ec) && ec != http::error::end_of_stream && ec != http::error::partial_message) {
    return Error(ErrorCode::bad_request, "malformed HTTP request: " + ec.message());
  }
  return std::nullopt;
}

// The response as one contiguous block, written with one call: Beast's serializer walks a
// buffer sequence per header field, which cost more than the rest of the handling for small
// responses. The Content-Length (or its absence for 1xx/204/304) is already set.
std::string serialize(const Response& response) {
  std::string out;
  out.reserve(256 + response.body().size());
  out.append(response.version() == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
  out.append(std::to_string(response.result_int())).append(" ");
  auto reason = response.reason();
  out.append(reason.empty() ? http::obsolete_reason(response.result()) : reason).append("\r\n");
  for (const auto& field : response) {
    out.append(field.name_string()).append(": ").append(field.value()).append("\r\n");
  }
  out.append("\r\n").append(response.body());
  return out;
}

// After refusing a request the client may still be sending its body. Closing at once would
// reset the connection and could destroy our answer in flight, so read and discard for a moment.
net::awaitable<void> lingering_close(beast::tcp_stream& stream) {
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  std::array<char, 16 * 1024> sink;
  std::size_t discarded = 0;
  stream.expires_after(std::chrono::seconds(1));
  while (discarded < 1024 * 1024) {
    auto [read_ec, n] = co_await stream.async_read_some(net::buffer(sink), use_tuple);
    if (read_ec) break;
    discarded += n;
  }
  stream.close();
}

}  // namespace

Server::Server(ServerOptions options, const Router& router, Handler pipeline, Metrics& metrics)
    : options_(std::move(options)),
      router_(router),
      pipeline_(std::move(pipeline)),
      metrics_(metrics),
      loops_([n = std::max(options_.threads, 1)] {
        std::vector<std::unique_ptr<net::io_context>> loops;
        for (int i = 0; i < n; ++i) loops.push_back(std::make_unique<net::io_context>(1));
        return loops;
      }()),
      acceptor_(net::make_strand(*loops_.front())) {
  for (auto& loop : loops_) keep_running_.push_back(net::make_work_guard(*loop));
}

Server::~Server() = default;

tcp::endpoint Server::bind() {
  tcp::endpoint endpoint{net::ip::make_address(options_.host), options_.port};
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(net::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(net::socket_base::max_listen_connections);
  return acceptor_.local_endpoint();
}

void Server::run() {
  auto& main_loop = *loops_.front();
  net::signal_set signals(main_loop, SIGINT, SIGTERM);
  signals.async_wait([this](const beast::error_code& ec, int signal) {
    if (ec) return;
    spdlog::info("signal {} received: shutting down gracefully", signal);
    begin_shutdown();
  });
  net::co_spawn(acceptor_.get_executor(), accept_loop(), [](std::exception_ptr failure) {
    if (failure) spdlog::critical("accept loop ended by an exception");
  });

  std::vector<std::jthread> threads;
  for (std::size_t i = 1; i < loops_.size(); ++i) {
    threads.emplace_back([loop = loops_[i].get()] { loop->run(); });
  }
  main_loop.run();
  threads.clear();  // joins
  signals.cancel();
}

void Server::stop() {
  net::post(*loops_.front(), [this] { begin_shutdown(); });
}

void Server::begin_shutdown() {
  if (stopping_.exchange(true)) return;
  net::post(acceptor_.get_executor(), [this] {
    beast::error_code ignored;
    acceptor_.close(ignored);
  });
  // Idle connections end now; busy ones finish their request and answer `Connection: close`.
  {
    std::lock_guard lock(connections_mutex_);
    for (const auto& connection : connections_) {
      net::post(connection->stream.get_executor(), [connection] {
        if (!connection->busy) connection->stream.cancel();
      });
    }
  }
  net::co_spawn(*loops_.front(), drain(), net::detached);
}

net::awaitable<void> Server::drain() {
  auto deadline = std::chrono::steady_clock::now() + options_.timeouts.shutdown;
  net::steady_timer timer(co_await net::this_coro::executor);
  while (metrics_.open_connections() > 0 && std::chrono::steady_clock::now() < deadline) {
    timer.expires_after(std::chrono::milliseconds(20));
    co_await timer.async_wait(use_tuple);
  }
  if (metrics_.open_connections() > 0) {
    spdlog::warn("shutdown deadline passed with {} connections open; closing them",
                 metrics_.open_connections());
  }
  keep_running_.clear();
  for (auto& loop : loops_) loop->stop();
}

net::awaitable<void> Server::accept_loop() {
  net::steady_timer backoff(acceptor_.get_executor());
  while (!stopping_) {
    auto& loop = *loops_[next_loop_++ % loops_.size()];
    auto [ec, socket] = co_await acceptor_.async_accept(loop.get_executor(), use_tuple);
    if (ec == net::error::operation_aborted || !acceptor_.is_open()) break;
    if (ec) {
      // Out of file descriptors or similar: pause instead of spinning.
      spdlog::warn("accept failed: {}", ec.message());
      backoff.expires_after(std::chrono::milliseconds(50));
      co_await backoff.async_wait(use_tuple);
      continue;
    }
    if (static_cast<std::size_t>(metrics_.open_connections()) >= options_.limits.max_connections) {
      beast::error_code ignored;
      socket.close(ignored);
      continue;
    }
    metrics_.connection_opened();
    auto connection = std::make_shared<Connection>(std::move(socket));
    {
      std::lock_guard lock(connections_mutex_);
      connections_.insert(connection);
    }
    auto executor = connection->stream.get_executor();
    net::co_spawn(executor, serve(connection), [this, connection](std::exception_ptr failure) {
      if (failure) {
        try {
          std::rethrow_exception(failure);
        } catch (const std::exception& e) {
          spdlog::error("connection ended by an exception: {}", e.what());
        }
      }
      {
        std::lock_guard lock(connections_mutex_);
        connections_.erase(connection);
      }
      metrics_.connection_closed();
    });
  }
}

net::awaitable<void> Server::read_body(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                       RequestParser& parser, Context& context) {
  // The route decides the body limit, so resolve it before reading the body.
  auto match = router_.resolve(parser.get().method(), context.path);
  context.matched = match.route;
  context.allowed = std::move(match.allowed);
  context.params = std::move(match.params);
  auto body_limit = options_.limits.body_bytes;
  if (match.route && match.route->options.body_limit) body_limit = *match.route->options.body_limit;
  auto declared = parser.content_length();
  if (declared && *declared > body_limit) {
    context.protocol_error =
        Error(ErrorCode::payload_too_large, "request body exceeds the limit for this route");
    co_return;
  }
  parser.body_limit(body_limit);
  if (parser.is_done()) co_return;
  if (beast::iequals(parser.get()[http::field::expect], "100-continue")) {
    http::response<http::empty_body> go_on{http::status::continue_, 11};
    stream.expires_after(options_.timeouts.write);
    auto [ec, n] = co_await http::async_write(stream, go_on, use_tuple);
    if (ec) {
      stream.close();
      co_return;
    }
  }
  stream.expires_after(options_.timeouts.body);
  auto [ec, n] = co_await http::async_read(stream, buffer, parser, use_tuple);
  if (ec) {
    context.protocol_error = answerable(ec);
    if (!context.protocol_error) stream.close();  // the peer left or timed out: nobody to answer
  }
}

net::awaitable<void> Server::serve(std::shared_ptr<Connection> connection) {
  auto& stream = connection->stream;
  const auto& limits = options_.limits;
  const auto& timeouts = options_.timeouts;
  beast::flat_buffer buffer(limits.header_bytes + 16 * 1024);
  net::ip::address remote;
  {
    beast::error_code ec;
    auto endpoint = stream.socket().remote_endpoint(ec);
    if (!ec) remote = endpoint.address();
  }

  for (bool first = true; !stopping_; first = false) {
    // Between requests the keep-alive idle timeout applies until the next request's first byte.
    if (!first && buffer.size() == 0) {
      stream.expires_after(timeouts.idle);
      auto [ec, n] = co_await stream.async_read_some(buffer.prepare(4096), use_tuple);
      if (ec) co_return;
      buffer.commit(n);
    }

    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(limits.header_bytes));
    parser.body_limit(limits.body_bytes);
    Context context;
    context.remote = remote;

    stream.expires_after(timeouts.header);
    auto [header_ec, header_bytes] =
        co_await http::async_read_header(stream, buffer, parser, use_tuple);
    bool close_after = false;
    if (header_ec) {
      context.protocol_error = answerable(header_ec);
      if (!context.protocol_error || stopping_) co_return;
      close_after = true;
    } else {
      connection->busy = true;
      const auto& header = parser.get();
      parse_target(context, header.target(), limits.url_bytes);
      if (!context.protocol_error) {
        co_await read_body(stream, buffer, parser, context);
        if (!stream.socket().is_open()) co_return;
      }
      if (context.protocol_error) {
        // Keep what was read of the request for the log line and the problem's instance.
        context.request = Request(parser.get().base());
        close_after = true;
      } else {
        context.request = parser.release();
      }
    }

    const auto version = context.request.version() == 10 ? 10 : 11;
    const bool head = context.request.method() == Method::head;
    const bool keep_alive = !close_after && context.request.keep_alive();

    Response response = co_await pipeline_(context);

    response.version(version);
    response.keep_alive(keep_alive && !stopping_);
    response.set(http::field::date, http_date(std::chrono::system_clock::now()));
    if (head) {
      auto size = response.body().size();
      response.body().clear();
      response.content_length(size);
    } else {
      response.prepare_payload();
    }
    stream.expires_after(timeouts.write);
    const auto bytes = serialize(response);
    auto [write_ec, written] = co_await net::async_write(stream, net::buffer(bytes), use_tuple);
    connection->busy = false;
    if (write_ec) co_return;
    if (close_after) {
      co_await lingering_close(stream);
      co_return;
    }
    if (!response.keep_alive()) break;
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream.close();
}

}  // namespace disha::http
