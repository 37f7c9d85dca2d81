#include "app/embedded_files.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace disha {

std::string_view embedded_file(std::string_view path) {
  const auto& files = embedded_files();
  auto found = std::find_if(files.begin(), files.end(),
                            [path](const EmbeddedFile& file) { return file.path == path; });
  if (found == files.end()) throw std::out_of_range("not embedded: " + std::string(path));
  return found->content;
}

}  // namespace disha
