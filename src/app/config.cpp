#include "app/config.hpp"

#include <charconv>
#include <cmath>

#include "core/error.hpp"

namespace disha::app {

namespace {

struct Number {
  double value;
  std::string_view unit;
};

Number split_number(std::string_view text, std::string_view field) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end == text.data() || !std::isfinite(value) || value < 0) {
    throw Error(ErrorCode::bad_request,
                "expected a non-negative number with a unit, got '" + std::string(text) + "'",
                std::string(field));
  }
  return {value, text.substr(static_cast<std::size_t>(end - text.data()))};
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::chrono::milliseconds parse_duration(std::string_view text, std::string_view field) {
  auto [value, unit] = split_number(text, field);
  double millis = 0;
  if (unit == "ms") {
    millis = value;
  } else if (unit.empty() || unit == "s") {
    millis = value * 1000;
  } else if (unit == "m") {
    millis = value * 60'000;
  } else if (unit == "h") {
    millis = value * 3'600'000;
  } else {
    throw Error(ErrorCode::bad_request,
                "unknown duration unit '" + std::string(unit) + "' (use ms, s, m or h)",
                std::string(field));
  }
  if (millis > 1e12) throw Error(ErrorCode::bad_request, "duration too large", std::string(field));
  return std::chrono::milliseconds(static_cast<long long>(std::llround(millis)));
}

std::size_t parse_size(std::string_view text, std::string_view field) {
  auto [value, unit_text] = split_number(text, field);
  auto unit = lower(unit_text);
  double factor = 0;
  if (unit.empty() || unit == "b") {
    factor = 1;
  } else if (unit == "kib" || unit == "k") {
    factor = 1024;
  } else if (unit == "kb") {
    factor = 1000;
  } else if (unit == "mib" || unit == "m") {
    factor = 1024.0 * 1024;
  } else if (unit == "mb") {
    factor = 1e6;
  } else if (unit == "gib" || unit == "g") {
    factor = 1024.0 * 1024 * 1024;
  } else {
    throw Error(ErrorCode::bad_request,
                "unknown size unit '" + std::string(unit_text) + "' (use B, KiB, MiB or GiB)",
                std::string(field));
  }
  double bytes = value * factor;
  if (bytes > 1e15) throw Error(ErrorCode::bad_request, "size too large", std::string(field));
  return static_cast<std::size_t>(std::llround(bytes));
}

http::RateRule parse_rate(std::string_view text, std::string_view field) {
  auto slash = text.find('/');
  auto count_text = text.substr(0, slash);
  unsigned count = 0;
  auto [end, ec] = std::from_chars(count_text.data(), count_text.data() + count_text.size(), count);
  if (slash == std::string_view::npos || ec != std::errc() ||
      end != count_text.data() + count_text.size() || count < 1 || count > 10'000'000) {
    throw Error(ErrorCode::bad_request,
                "expected REQUESTS/PERIOD such as 120/m, got '" + std::string(text) + "'",
                std::string(field));
  }
  // "120/m" means one minute: a bare unit is a period of one.
  std::string period(text.substr(slash + 1));
  if (!period.empty() && std::isalpha(static_cast<unsigned char>(period.front()))) {
    period.insert(0, "1");
  }
  auto length = parse_duration(period, field);
  if (length.count() <= 0)
    throw Error(ErrorCode::bad_request, "period must be positive", std::string(field));
  return {static_cast<double>(count), length};
}

ListenAddress parse_listen(std::string_view text) {
  auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    throw Error(ErrorCode::bad_request, "expected HOST:PORT, got '" + std::string(text) + "'",
                "listen");
  }
  auto host = text.substr(0, colon);
  if (host.front() == '[') {
    if (host.back() != ']') {
      throw Error(ErrorCode::bad_request, "unbalanced brackets in '" + std::string(text) + "'",
                  "listen");
    }
    host = host.substr(1, host.size() - 2);
  }
  auto port_text = text.substr(colon + 1);
  unsigned port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535) {
    throw Error(ErrorCode::bad_request, "invalid port '" + std::string(port_text) + "'", "listen");
  }
  return {std::string(host), static_cast<unsigned short>(port)};
}

}  // namespace disha::app
