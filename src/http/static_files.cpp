#include "http/static_files.hpp"

#include <fstream>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <utility>

#include "http/conditional.hpp"
#include "http/response.hpp"

namespace disha::http {

namespace {

// A day: the files change only with a new build, and the ETag revalidates them after that.
constexpr std::string_view kCacheControl = "public, max-age=86400";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  // A directory opens like a file and reads as empty, hence the first test.
  if (!std::filesystem::is_regular_file(path) || !in) {
    throw Error(ErrorCode::internal, "cannot read static file " + path.string());
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path dir, std::vector<Asset> assets) {
  std::map<std::string, File, std::less<>> files;
  for (auto& asset : assets) {
    auto content = read_file(dir / asset.path);
    // The content decides the ETag, so every instance running the same build agrees on it.
    const auto digest = std::hash<std::string_view>{}(content);
    auto [_, inserted] = files.try_emplace(
        std::move(asset.name), File{std::move(content), std::move(asset.content_type), digest});
    if (!inserted) throw std::invalid_argument("duplicate static file name");
  }
  files_ = std::make_shared<const std::map<std::string, File, std::less<>>>(std::move(files));
}

Response StaticFiles::serve(std::string_view name, const Request& request) const {
  const auto found = files_->find(name);
  if (found == files_->end()) throw Error(ErrorCode::not_found, "no such file");
  const auto& file = found->second;
  const auto etag = entity_tag(file.digest, request);
  if (auto unchanged = not_modified(request, etag, kCacheControl)) return std::move(*unchanged);
  auto response = text_response(Status::ok, file.content, file.content_type);
  set_validators(response, etag, kCacheControl);
  return response;
}

Handler StaticFiles::handler(std::string param) const {
  return [files = *this, param = std::move(param)](Context& context) -> net::awaitable<Response> {
    co_return files.serve(context.param(param), context.request);
  };
}

}  // namespace disha::http
