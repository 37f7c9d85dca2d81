// Fuzzes the GraphQL language: the lexer on its own (it reads on past what the parser would
// reject), the parser with its default limits, and the printer's promise that a printed
// document parses back into a tree that prints the same. Any crash, sanitizer report, exception
// other than SyntaxError, or a round trip that changes the document is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "graphql/lexer.hpp"
#include "graphql/parser.hpp"
#include "graphql/printer.hpp"

namespace {

using namespace disha::graphql;

void lex_to_the_end(std::string_view source) {
  try {
    Lexer lexer(source);
    while (lexer.next().kind != TokenKind::end_of_file) {
    }
  } catch (const SyntaxError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string source(reinterpret_cast<const char*>(data), size);
  lex_to_the_end(source);
  (void)block_string_value(source);

  Document document;
  try {
    document = parse(source);
  } catch (const SyntaxError&) {
    return 0;
  }
  const std::string printed = print(document);
  // Indentation can make the printed text longer than the limit its source met.
  const ParseLimits no_size_limit{.max_source_bytes = printed.size()};
  if (print(parse(printed, no_size_limit)) != printed) std::abort();
  return 0;
}
